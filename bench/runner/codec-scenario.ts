/**
 * Child process of section 2: value sizes and costs of JSON vs msgpack, and none/lz4/gzip on batches of real values.
 * Reads the files-sink output of one domain's main topic, prints one JSON object (CodecFigures) on stdout.
 * Usage: node dist/bench/runner/codec-scenario.js OUT_DIR TOPIC BATCH_RECORDS REPEATS
 */
import { gzipSync } from 'node:zlib';
import { Packr } from 'msgpackr';
import { encodeLz4Frame } from '../../src/sinks/kafka/lz4-codec.js';
import { readTopicLines } from './samples.js';

/** What the scenario measures, per record (sizes in bytes, costs in ns). */
export interface CodecFigures {
  readonly records: number;
  readonly batchRecords: number;
  readonly jsonBytes: number;
  readonly msgpackBytes: number;
  readonly jsonStringifyNs: number;
  readonly msgpackPackNs: number;
  readonly compression: ReadonlyArray<{ readonly codec: 'none' | 'lz4' | 'gzip'; readonly ratio: number; readonly nsPerRecord: number; readonly bytesPerRecord: number }>;
}

const [outDir, topic, batchArg, repeatArg] = process.argv.slice(2);
const batchRecords = Number(batchArg);
const repeats = Number(repeatArg);

/** Median ns per record over `repeats` timed passes after one untimed warm-up pass. */
function nsPerRecord(records: number, pass: () => number): number {
  let keep = pass();
  const samples: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = process.hrtime.bigint();
    keep += pass();
    samples.push(Number(process.hrtime.bigint() - t0) / records);
  }
  // The sum is printed on a never-true condition so the passes stay observable to the optimiser.
  if (keep === -1) console.error(keep);
  return samples.sort((a, b) => a - b)[samples.length >> 1];
}

const lines = readTopicLines(outDir, topic);
const objects = lines.map((l) => JSON.parse(l) as unknown);
// Plain msgpack maps (no record extension): what another consumer could decode without msgpackr's conventions.
const packr = new Packr({ useRecords: false });
const jsonBytes = lines.reduce((s, l) => s + Buffer.byteLength(l), 0);
const msgpackBytes = objects.reduce<number>((s, o) => s + packr.pack(o).length, 0);
const jsonStringifyNs = nsPerRecord(objects.length, () => objects.reduce<number>((s, o) => s + JSON.stringify(o).length, 0));
const msgpackPackNs = nsPerRecord(objects.length, () => objects.reduce<number>((s, o) => s + packr.pack(o).length, 0));

// Batches as a partition's produce batch holds them: consecutive values of one topic, concatenated.
const batches: Buffer[] = [];
for (let i = 0; i + batchRecords <= lines.length; i += batchRecords) {
  batches.push(Buffer.from(lines.slice(i, i + batchRecords).join('')));
}
const batched = batches.length * batchRecords;
const raw = batches.reduce((s, b) => s + b.length, 0);
const codecs: ReadonlyArray<readonly ['none' | 'lz4' | 'gzip', (b: Buffer) => Buffer]> = [
  ['none', (b) => b],
  ['lz4', encodeLz4Frame],
  // zlib's default level 6, as Kafka's Java producer uses for gzip unless compression.gzip.level is set.
  ['gzip', (b) => gzipSync(b)],
];
const compression = codecs.map(([codec, encode]) => {
  const size = batches.reduce((s, b) => s + encode(b).length, 0);
  return { codec, ratio: raw / size, bytesPerRecord: size / batched, nsPerRecord: nsPerRecord(batched, () => batches.reduce((s, b) => s + encode(b).length, 0)) };
});

const figures: CodecFigures = {
  records: lines.length,
  batchRecords,
  jsonBytes: jsonBytes / lines.length,
  msgpackBytes: msgpackBytes / lines.length,
  jsonStringifyNs,
  msgpackPackNs,
  compression,
};
console.log(JSON.stringify(figures));
