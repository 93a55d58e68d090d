/**
 * Kafka sinks into the local broker: ~300-byte JSON records, lz4, acks=1, into a fresh 12-partition topic, one sink
 * per worker thread, all producing at once (as streamgen's workers do). Prints total records/s, MB/s and produce
 * latency per dispatch (from leaving a sink's buffer to its last ack) p50/p99/p999 over all sinks.
 * Usage: node dist/bench/kafka-sink.bench.js [records per sink=200000] [broker=127.0.0.1:9092] [batchRecords=4096] [maxInFlight=4] [sinks=1]
 */
import { randomBytes } from 'node:crypto';
import { availableParallelism, cpus } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import * as hdr from 'hdr-histogram-js';
import { RecordBatch } from '../src/encoding/record-batch.js';
import { ensureTopics } from '../src/sinks/kafka/admin.js';
import { createKafkaClient } from '../src/sinks/kafka/client.js';
import { createKafkaSink } from '../src/sinks/kafka/index.js';
import type { KafkaSinkConfig, SinkConfig, SinkTopic } from '../src/sinks/sink.js';

interface BenchSettings {
  readonly records: number;
  readonly broker: string;
  readonly batchRecords: number;
  readonly maxInFlight: number;
  readonly sinks: number;
  readonly topic: SinkTopic;
}

/** What a worker reports after its measured run: records, value bytes, and each dispatch's latency in µs. */
interface SinkResult {
  readonly records: number;
  readonly bytes: number;
  readonly latenciesUs: number[];
}

const WARMUP = 40_000;

function kafkaConfig(s: BenchSettings): KafkaSinkConfig {
  return {
    brokers: [s.broker],
    clientId: 'streamgen-bench',
    compression: 'lz4',
    acks: 1,
    batchMaxRecords: s.batchRecords,
    lingerMs: 0,
    maxInFlight: s.maxInFlight,
    requestTimeoutMs: 30_000,
    connectTimeoutMs: 10_000,
    retries: 3,
    replicationFactor: 1,
    partitions: {},
    createTopics: true,
  };
}

/** A content-event-like JSON value of about 300 bytes; varied so lz4 sees realistic, not trivial, redundancy. */
function value(i: number): string {
  const v = `v_${(i * 7919) % 50_000}`;
  return `{"event_id":"${randomBytes(16).toString('hex')}","event_type":"${i % 3 === 0 ? 'impression' : 'play_start'}","event_ts":"2025-01-01T00:00:${String(i % 60).padStart(2, '0')}.${String(i % 1000).padStart(3, '0')}Z","video_id":"${v}","user_id":"u_${(i * 104729) % 200_000}","session_id":"${randomBytes(8).toString('hex')}","client":{"platform":"${i % 2 ? 'ios' : 'android'}","app_version":"31.4.${i % 7}"},"watch_time_ms":${(i * 37) % 60_000},"position":${i % 50},"surface":"${i % 4 ? "for_you" : "following"}"}`;
}

const keyOf = (i: number): string => `v_${(i * 7919) % 50_000}`;

/** One sink writing `n` records in batches of `batchRecords`; values are built up front so only the sink is measured. */
async function produce(s: BenchSettings, values: readonly string[], n: number, latenciesUs: number[] | null): Promise<SinkResult> {
  const config: SinkConfig = { name: 'kafka', outDir: '', gzip: false, fileNaming: 'parts', wrap: false, kafka: kafkaConfig(s) };
  const sink = createKafkaSink(
    { writerId: 'bench', topics: [s.topic], config },
    { onRequest: (_records, latencyMs) => latenciesUs?.push(Math.max(1, Math.round(latencyMs * 1000))) },
  );
  await sink.open();
  const batch = new RecordBatch([s.topic.name], s.batchRecords);
  for (let sent = 0; sent < n; ) {
    batch.clear();
    const m = Math.min(s.batchRecords, n - sent);
    for (let j = 0; j < m; j++, sent++) batch.push(0, keyOf(sent), values[sent % values.length], 1_735_689_600_000 + sent);
    await sink.write(batch);
  }
  await sink.flush();
  const stats = sink.stats();
  await sink.close();
  if (stats.acked !== n || stats.failed !== 0) throw new Error(`bench: ${stats.acked} of ${n} acked, ${stats.failed} failed`);
  return { records: n, bytes: stats.bytes, latenciesUs: latenciesUs ?? [] };
}

/** Worker: warm up, say ready, wait for "go", run the measured produce, post the result. */
async function runWorker(s: BenchSettings): Promise<void> {
  const port = parentPort;
  if (port === null) throw new Error('bench worker without a parent port');
  const values = Array.from({ length: 20_000 }, (_, i) => value(i));
  await produce(s, values, WARMUP, null);
  const go = new Promise<void>((resolve) => port.once('message', () => resolve()));
  port.postMessage('ready');
  await go;
  port.postMessage(await produce(s, values, s.records, []));
}

async function runMain(): Promise<void> {
  const s: BenchSettings = {
    records: Number(process.argv[2] ?? 200_000),
    broker: process.argv[3] ?? '127.0.0.1:9092',
    batchRecords: Number(process.argv[4] ?? 4096),
    maxInFlight: Number(process.argv[5] ?? 4),
    sinks: Number(process.argv[6] ?? 1),
    topic: { name: `sg-bench-${randomBytes(4).toString('hex')}`, partitions: 12 },
  };
  const kafka = kafkaConfig(s);
  await ensureTopics(kafka, [s.topic]);
  try {
    const workers = Array.from({ length: s.sinks }, () => new Worker(new URL(import.meta.url), { workerData: s }));
    const failed = new Promise<never>((_, reject) => workers.forEach((w) => w.once('error', reject)));
    const message = <T>(w: Worker): Promise<T> => Promise.race([failed, new Promise<T>((resolve) => w.once('message', resolve))]);
    await Promise.all(workers.map((w) => message<string>(w)));
    const start = performance.now();
    const pending = workers.map((w) => message<SinkResult>(w));
    for (const w of workers) w.postMessage('go');
    const results = await Promise.all(pending);
    const ms = performance.now() - start;
    await Promise.all(workers.map((w) => w.terminate()));

    const histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3 });
    let records = 0;
    let bytes = 0;
    for (const r of results) {
      records += r.records;
      bytes += r.bytes;
      for (const us of r.latenciesUs) histogram.recordValue(us);
    }
    const q = (p: number): string => (histogram.getValueAtPercentile(p) / 1000).toFixed(1);
    console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'cpu'}, ${availableParallelism()} cores; broker ${s.broker}`);
    console.log(`${records.toLocaleString('en-US')} records (~${Math.round(bytes / records)} B values), lz4, acks=1, ${s.sinks} sink(s) in worker threads, batch ${s.batchRecords}, ${s.maxInFlight} in flight, ${histogram.totalCount} dispatches`);
    console.log('| records/s | MB/s (values) | request latency p50 ms | p99 ms | p999 ms |');
    console.log('|---|---|---|---|---|');
    console.log(`| ${Math.round((records * 1000) / ms).toLocaleString('en-US')} | ${((bytes / 1e6) * (1000 / ms)).toFixed(1)} | ${q(50)} | ${q(99)} | ${q(99.9)} |`);
  } finally {
    const admin = createKafkaClient(kafka).admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [s.topic.name] }).catch(() => undefined);
    await admin.disconnect();
  }
}

if (isMainThread) await runMain();
else await runWorker(workerData as BenchSettings);
