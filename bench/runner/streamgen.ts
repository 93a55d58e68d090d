import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunReport } from '../../src/coordinator/report.js';
import { cliPath, expectSuccess, runChild } from './child.js';

/** One `streamgen run` child: its --report JSON (kept whole, for fields added later) and its peak RSS. */
export interface StreamgenRun {
  readonly report: RunReport;
  readonly raw: Record<string, unknown>;
  readonly peakRssKb: number;
}

/** Produce latency quantiles in ms, when the run report carries them. */
export interface LatencyQuantiles {
  readonly p50: number;
  readonly p99: number;
  readonly p999: number;
}

/** Runs `streamgen run ARGS --quiet --report <tmp>` as a child process and reads its report. */
export async function runStreamgen(args: readonly string[], timeoutMs: number): Promise<StreamgenRun> {
  const dir = mkdtempSync(join(tmpdir(), 'streamgen-bench-'));
  try {
    const reportPath = join(dir, 'report.json');
    const r = await runChild(process.execPath, [cliPath, 'run', ...args, '--quiet', '--report', reportPath], timeoutMs);
    expectSuccess(r, `streamgen run ${args.join(' ')}`);
    const raw = JSON.parse(readFileSync(reportPath, 'utf8')) as Record<string, unknown>;
    return { report: raw as unknown as RunReport, raw, peakRssKb: r.peakRssKb };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const P999_KEYS = ['p999', 'p99_9', 'p99.9'];

/**
 * Finds produce latency quantiles in a report whose latency fields are not a fixed contract yet: the first object
 * under a key mentioning "latency" that has numeric p50, p99 and p999 (or p99_9 / p99.9).
 */
export function findLatency(node: unknown, underLatency = false): LatencyQuantiles | null {
  if (node === null || typeof node !== 'object') return null;
  const o = node as Record<string, unknown>;
  const p999 = P999_KEYS.map((k) => o[k]).find((v) => typeof v === 'number');
  if (underLatency && typeof o.p50 === 'number' && typeof o.p99 === 'number' && typeof p999 === 'number') {
    return { p50: o.p50, p99: o.p99, p999 };
  }
  for (const [k, v] of Object.entries(o)) {
    const found = findLatency(v, underLatency || /latency/i.test(k));
    if (found !== null) return found;
  }
  return null;
}
