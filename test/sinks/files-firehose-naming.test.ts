import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { RecordBatch } from '../../src/encoding/record-batch.js';
import { createFilesSink } from '../../src/sinks/files/index.js';
import { partitionForKey } from '../../src/sinks/kafka/partitioner.js';
import type { SinkConfig, SinkTopic } from '../../src/sinks/sink.js';

const PREFIX = 'AcmeTelemetry-MSK-to-S3';
const TOPICS: readonly SinkTopic[] = [{ name: 'telemetry.events', partitions: 24 }, { name: 'telemetry.cdc', partitions: 6 }];
/** `--partitions telemetry.cdc=3` overrides the domain's 6, as it does for the Kafka sink. */
const PARTITIONS: Readonly<Record<string, number>> = { 'telemetry.events': 24, 'telemetry.cdc': 3 };
const T0 = Date.UTC(2026, 1, 7, 10, 40, 5, 250);
const NAME = /^AcmeTelemetry-MSK-to-S3-(\d+)-(\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2})-([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})\.gz$/;
const WRITERS = ['w0', 'w1'];
const PER_BATCH = 400;
const BATCHES = 6;
const SPAN_MS = 50 * 60_000;

interface Line {
  readonly writer: string;
  readonly topic: string;
  readonly key: string;
  readonly ts: number;
  readonly n: number;
}

function config(outDir: string): SinkConfig {
  // --gzip stays off: firehose naming gzips regardless.
  return { name: 'files', outDir, gzip: false, fileNaming: `firehose:${PREFIX}`, wrap: false, kafka: { partitions: PARTITIONS } as unknown as SinkConfig['kafka'] };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : [p];
  }).sort();
}

/** Two writers, interleaved batch by batch, over 50 simulated minutes crossing an hour boundary on both topics. */
async function writeRun(outDir: string): Promise<number> {
  const sinks = WRITERS.map((writerId) => createFilesSink({ writerId, topics: TOPICS, config: config(outDir) }));
  await Promise.all(sinks.map((s) => s.open()));
  const names = TOPICS.map((t) => t.name);
  const batch = new RecordBatch(names, 64);
  for (let b = 0; b < BATCHES; b++) {
    for (const [w, sink] of sinks.entries()) {
      batch.clear();
      for (let i = 0; i < PER_BATCH; i++) {
        const n = b * PER_BATCH + i;
        const ts = T0 + Math.floor((n / (BATCHES * PER_BATCH)) * SPAN_MS);
        const topic = n % 3 === 0 ? 1 : 0;
        // Both writers use the same keys, so they meet in the same partitions and hours.
        const key = `device_${(n * 7919) % 997}`;
        batch.push(topic, key, JSON.stringify({ writer: WRITERS[w], topic: names[topic], key, ts, n }), ts);
      }
      await sink.write(batch);
    }
  }
  await Promise.all(sinks.map((s) => s.close()));
  return WRITERS.length * BATCHES * PER_BATCH;
}

function readLines(file: string): Line[] {
  return gunzipSync(readFileSync(file)).toString('utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Line);
}

/** `YYYY-MM-DD-HH-MM-SS` (UTC), written out independently of the sink's formatter. */
function stamp(ms: number): string {
  const d = new Date(ms);
  const p = (v: number): string => String(v).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}-${p(d.getUTCHours())}-${p(d.getUTCMinutes())}-${p(d.getUTCSeconds())}`;
}

test('firehose naming: one gzipped file per (topic, hour, partition, writer), named by partition, first record time and UUID', async () => {
  const outDir = mkdtempSync(join(tmpdir(), 'sg-firehose-'));
  try {
    const written = await writeRun(outDir);
    const files = filesUnder(outDir);
    // 24 + 3 partitions over 2 hours per writer is more than the 32 open parts a writer keeps, so some files were reopened.
    assert.ok(files.length > 32, `${files.length} files`);
    const seen = new Set<number>();
    const groups = new Set<string>();
    for (const file of files) {
      const m = NAME.exec(basename(file));
      assert.ok(m !== null, `unexpected name ${relative(outDir, file)}`);
      const partition = Number(m[1]);
      const [topic, ...hourDirs] = relative(outDir, dirname(file)).split(sep);
      assert.match(hourDirs.join('/'), /^year=2026\/month=02\/day=07\/hour=1[01]$/);
      const lines = readLines(file);
      assert.ok(lines.length > 0);
      assert.equal(m[2], stamp(lines[0].ts), `${file}: the name carries the first record's time`);
      assert.ok(partition < PARTITIONS[topic]);
      for (const line of lines) {
        assert.equal(line.topic, topic);
        assert.equal(partitionForKey(line.key, PARTITIONS[topic]), partition, `${line.key} in ${file}`);
        assert.equal(new Date(line.ts).getUTCHours(), Number(hourDirs[3].slice('hour='.length)));
        assert.equal(line.writer, lines[0].writer, 'a file holds one writer');
        assert.ok(line.ts >= lines[0].ts, 'lines keep record order');
        assert.ok(!seen.has(line.n * WRITERS.length + WRITERS.indexOf(line.writer)), 'no record twice');
        seen.add(line.n * WRITERS.length + WRITERS.indexOf(line.writer));
      }
      const group = `${topic}/${hourDirs.join('/')}/${partition}/${lines[0].writer}`;
      assert.ok(!groups.has(group), `${group} split over two files despite reopening`);
      groups.add(group);
    }
    assert.equal(seen.size, written, 'every record is in exactly one file');
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
});

test('firehose naming: a rerun gives the same file names and contents', async () => {
  const dirs = [mkdtempSync(join(tmpdir(), 'sg-firehose-a-')), mkdtempSync(join(tmpdir(), 'sg-firehose-b-'))];
  try {
    for (const dir of dirs) await writeRun(dir);
    const [a, b] = dirs.map((dir) => filesUnder(dir).map((f) => relative(dir, f)));
    assert.deepEqual(a, b);
    for (const rel of a) {
      assert.deepEqual(gunzipSync(readFileSync(join(dirs[0], rel))), gunzipSync(readFileSync(join(dirs[1], rel))), rel);
    }
    // The writers meet in the same (topic, hour, partition) folders but their UUIDs differ.
    const uuids = a.map((rel) => NAME.exec(basename(rel))?.[3]);
    assert.equal(new Set(uuids).size, a.length);
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
});
