/**
 * Generation ceiling: one domain (content unless named) into the null sink, by worker count.
 * Each measurement is a fresh `streamgen run` child process (warm-up run first), repeated; medians printed.
 * Usage: node dist/bench/generate-null.bench.js [events=4000000] [repeats=3] [domain=content]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const events = Number(process.argv[2] ?? 4_000_000);
const repeats = Number(process.argv[3] ?? 3);
const domain = process.argv[4] ?? 'content';
const dir = mkdtempSync(join(tmpdir(), 'streamgen-bench-'));

interface Sample {
  eventsPerSec: number;
  mbPerSec: number;
}

function once(workers: number, n: number): Sample {
  const report = join(dir, `r-${workers}.json`);
  execFileSync(process.execPath, [cli, 'run', '--domain', domain, '--sink', 'null', '--events', String(n), '--workers', String(workers), '--quiet', '--report', report], { stdio: 'inherit' });
  const r = JSON.parse(readFileSync(report, 'utf8')) as { mainRecords: number; bytes: number; wallMs: number };
  return { eventsPerSec: (r.mainRecords * 1000) / r.wallMs, mbPerSec: (r.bytes / 1e6) * (1000 / r.wallMs) };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const rows: string[] = [];
let base = 0;
once(1, Math.min(events, 500_000)); // warm-up: disk cache, JIT of the CLI start
for (let w = 1; w <= availableParallelism(); w++) {
  const samples = Array.from({ length: repeats }, () => once(w, events));
  const eps = median(samples.map((s) => s.eventsPerSec));
  const mbps = median(samples.map((s) => s.mbPerSec));
  if (w === 1) base = eps;
  rows.push(`| ${w} | ${Math.round(eps).toLocaleString('en-US')} | ${mbps.toFixed(1)} | ${((eps / (base * w)) * 100).toFixed(0)}% |`);
}
rmSync(dir, { recursive: true, force: true });
console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'cpu'}, ${availableParallelism()} cores; ${events.toLocaleString('en-US')} ${domain} main-topic events per run, median of ${repeats}, wall time incl. start-up`);
console.log('| workers | events/s | MB/s (values, all topics) | parallel efficiency |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(r);
