import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodecFigures } from './codec-scenario.js';
import { expectSuccess, runChild } from './child.js';
import type { BenchConfig } from './config.js';
import { fixed, type SectionResult } from './markdown.js';
import { runStreamgen } from './streamgen.js';

const BATCH_RECORDS = 1000;
const scenario = new URL('./codec-scenario.js', import.meta.url).pathname;

/** Section 2: per domain, its main topic's real values as JSON vs msgpack, and none/lz4/gzip on batches of them. */
export async function encodingAndCompression(cfg: BenchConfig, log: (line: string) => void): Promise<SectionResult> {
  const data: Array<{ domain: string; topic: string } & CodecFigures> = [];
  for (const domain of cfg.domains) {
    const dir = mkdtempSync(join(tmpdir(), 'streamgen-bench-codec-'));
    try {
      const { report } = await runStreamgen(
        ['--domain', domain, '--sink', 'files', '--out', dir, '--events', String(cfg.codecEvents), '--workers', '1', '--seed', String(cfg.seed)],
        300_000,
      );
      const r = await runChild(process.execPath, [scenario, dir, report.mainTopic, String(BATCH_RECORDS), String(cfg.repeats)], 300_000);
      expectSuccess(r, `codec scenario for ${domain}`);
      data.push({ domain, topic: report.mainTopic, ...(JSON.parse(r.stdout) as CodecFigures) });
      log(`  ${domain}: measured ${report.mainTopic}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const rows = data.flatMap((d) =>
    d.compression.map((c) => [
      d.domain,
      c.codec === 'none' ? fixed(d.jsonBytes, 0) : '',
      c.codec === 'none' ? `${fixed(d.msgpackBytes, 0)} (${fixed(d.msgpackBytes / d.jsonBytes, 2)}×)` : '',
      c.codec === 'none' ? `${fixed(d.jsonStringifyNs, 0)} / ${fixed(d.msgpackPackNs, 0)}` : '',
      c.codec,
      fixed(c.bytesPerRecord, 0),
      `${fixed(c.ratio, 2)}×`,
      c.codec === 'none' ? '–' : fixed(c.nsPerRecord, 0),
    ]),
  );
  return {
    title: '2. Encoding and compression (values of each main topic)',
    notes: [
      `${data.map((d) => `${d.domain}: ${d.records.toLocaleString('en-US')} \`${d.topic}\` values`).join(', ')}, seed ${cfg.seed}, written by the files sink and read back; costs are medians of ${cfg.repeats} timed passes after a warm-up, in one child process per domain.`,
      `JSON is what streamgen produces; msgpack is msgpackr \`pack\` (plain maps, no record extension) of the parsed records, JSON.stringify of the same objects is its baseline. Compression runs on batches of ${BATCH_RECORDS} consecutive values (about one partition's share of a produce request): lz4 is streamgen's own frame encoder (src/sinks/kafka/lz4-codec.ts), gzip is zlib level 6.`,
    ],
    headers: ['domain', 'JSON B/record', 'msgpack B/record', 'encode ns/record JSON.stringify / msgpack', 'batch codec', 'B/record on the wire', 'compression ratio', 'ns/record'],
    rows,
    data,
  };
}
