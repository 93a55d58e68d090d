import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { RecordBatch } from '../../src/encoding/record-batch.js';
import type { SinkConfig, SinkStats } from '../../src/sinks/sink.js';
import { createFilesSink } from '../../src/sinks/files/index.js';
import { mergeSinkStats } from '../../src/coordinator/stats.js';

const TOPICS = ['events', 'cdc.users'];
const T0 = Date.UTC(2026, 1, 7, 10, 40);

interface Line {
  readonly writer: string;
  readonly topic: string;
  readonly ts: number;
  readonly n: number;
}

function config(outDir: string, gzip: boolean): SinkConfig {
  return { name: 'files', outDir, gzip, fileNaming: 'parts', wrap: false, kafka: {} as SinkConfig['kafka'] };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : [p];
  });
}

/** Writes `batches` batches per writer, records spread over `spanMs` from T0 on both topics, and returns the merged stats. */
async function writeRun(outDir: string, gzip: boolean, writers: readonly string[], batches: number, spanMs: number): Promise<SinkStats> {
  const topics = TOPICS.map((name) => ({ name, partitions: 1 }));
  const all: SinkStats[] = [];
  // Writers interleave batch by batch, as worker threads and the coordinator do in a run.
  const sinks = writers.map((writerId) => createFilesSink({ writerId, topics, config: config(outDir, gzip) }));
  await Promise.all(sinks.map((s) => s.open()));
  const batch = new RecordBatch(TOPICS, 64);
  const perBatch = 300;
  for (let b = 0; b < batches; b++) {
    for (const [w, sink] of sinks.entries()) {
      batch.clear();
      for (let i = 0; i < perBatch; i++) {
        const n = b * perBatch + i;
        const ts = T0 + Math.floor((n / (batches * perBatch)) * spanMs);
        const topic = n % 4 === 0 ? 1 : 0;
        batch.push(topic, `k_${n}`, JSON.stringify({ writer: writers[w], topic: TOPICS[topic], ts, n, note: 'naïve' }), ts);
      }
      await sink.write(batch);
    }
  }
  await Promise.all(sinks.map((s) => s.flush()));
  await Promise.all(sinks.map((s) => s.close()));
  // close is idempotent.
  await Promise.all(sinks.map((s) => s.close()));
  for (const s of sinks) all.push(s.stats());
  return mergeSinkStats(all);
}

/** Reads every part back, checking each line against the folder it sits in. */
function readBack(outDir: string, gzip: boolean): { lines: Line[]; bytes: number; files: string[] } {
  const files = filesUnder(outDir).map((f) => relative(outDir, f).split(sep).join('/')).sort();
  const lines: Line[] = [];
  let bytes = 0;
  for (const f of files) {
    const m = /^([^/]+)\/year=(\d{4})\/month=(\d{2})\/day=(\d{2})\/hour=(\d{2})\/part-(\w+)\.jsonl(\.gz)?$/.exec(f);
    assert.ok(m, `unexpected file ${f}`);
    assert.equal(m[7] !== undefined, gzip, f);
    const raw = readFileSync(join(outDir, f));
    const text = (gzip ? gunzipSync(raw) : raw).toString('utf8');
    assert.ok(text.endsWith('\n'), `${f} ends with a newline`);
    for (const l of text.slice(0, -1).split('\n')) {
      bytes += Buffer.byteLength(l);
      const rec = JSON.parse(l) as Line;
      const d = new Date(rec.ts);
      assert.equal(rec.topic, m[1]);
      assert.equal(rec.writer, m[6]);
      assert.deepEqual([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours()], m.slice(2, 6).map(Number), f);
      lines.push(rec);
    }
  }
  return { lines, bytes, files };
}

for (const gzip of [false, true]) {
  test(`files sink (gzip ${gzip}): two writers, two topics, two hours land in topic/hour folders with counts matching stats`, async () => {
    const outDir = join(mkdtempSync(join(tmpdir(), 'streamgen-files-')), 'out', 'nested');
    try {
      const stats = await writeRun(outDir, gzip, ['w0', 'w1'], 8, 40 * 60_000);
      const { lines, bytes, files } = readBack(outDir, gzip);
      assert.equal(files.length, 2 * 2 * 2, files.join('\n'));
      assert.deepEqual(files.filter((f) => f.includes('hour=10/')).length, 4);
      assert.equal(lines.length, 2 * 8 * 300);
      assert.equal(stats.records, lines.length);
      assert.equal(stats.acked, lines.length);
      assert.equal(stats.failed, 0);
      assert.equal(stats.bytes, bytes);
      for (const t of TOPICS) assert.equal(stats.topics[t].acked, lines.filter((l) => l.topic === t).length, t);
      // Each writer's records are all there, each once.
      for (const w of ['w0', 'w1']) {
        const ns = lines.filter((l) => l.writer === w).map((l) => l.n).sort((a, b) => a - b);
        assert.deepEqual(ns, Array.from({ length: 8 * 300 }, (_, i) => i));
      }
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
}

test('files sink over 48 hours keeps a bounded set of open parts and appends to a part it reopens (gzip)', { skip: !existsSync('/proc/self/fd') }, async () => {
  const outDir = mkdtempSync(join(tmpdir(), 'streamgen-files-lru-'));
  try {
    const topics = TOPICS.map((name) => ({ name, partitions: 1 }));
    const sink = createFilesSink({ writerId: 'w0', topics, config: config(outDir, true) });
    await sink.open();
    const batch = new RecordBatch(TOPICS, 64);
    const openFds = (): number => readdirSync('/proc/self/fd').length;
    const fdsBefore = openFds();
    let fdsPeak = 0;
    let n = 0;
    // Two passes over 48 hours: the second pass reopens every part after it was evicted.
    for (let pass = 0; pass < 2; pass++) {
      for (let h = 0; h < 48; h++) {
        batch.clear();
        for (let i = 0; i < 10; i++, n++) {
          const ts = T0 + h * 3_600_000 + i;
          batch.push(0, `k_${n}`, JSON.stringify({ writer: 'w0', topic: 'events', ts, n }), ts);
        }
        await sink.write(batch);
        fdsPeak = Math.max(fdsPeak, openFds());
      }
    }
    await sink.close();
    // 48 parts were written, but at most 32 (MAX_OPEN_PARTS) stay open at once.
    assert.ok(fdsPeak - fdsBefore <= 32, `${fdsPeak - fdsBefore} descriptors open`);
    assert.ok(fdsPeak - fdsBefore >= 16, 'parts stay open between writes');
    const { lines, files } = readBack(outDir, true);
    assert.equal(files.length, 48);
    assert.equal(lines.length, 2 * 48 * 10);
    assert.equal(sink.stats().acked, lines.length);
    assert.ok(statSync(join(outDir, files[0])).size > 0);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
});
