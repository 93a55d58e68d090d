/**
 * One Kafka sink into the local broker: ~300-byte JSON records, lz4, acks=1, into a fresh 12-partition topic.
 * Prints records/s, MB/s and produce latency per request (from leaving the sink's buffer to the ack) p50/p99/p999.
 * Usage: node dist/bench/kafka-sink.bench.js [records=200000] [broker=127.0.0.1:9092] [batchRecords=4096] [maxInFlight=4]
 */
import { randomBytes } from 'node:crypto';
import { availableParallelism, cpus } from 'node:os';
import * as hdr from 'hdr-histogram-js';
import { RecordBatch } from '../src/encoding/record-batch.js';
import { ensureTopics } from '../src/sinks/kafka/admin.js';
import { createKafkaClient } from '../src/sinks/kafka/client.js';
import { createKafkaSink } from '../src/sinks/kafka/index.js';
import type { KafkaSinkConfig, SinkConfig, SinkTopic } from '../src/sinks/sink.js';

const records = Number(process.argv[2] ?? 200_000);
const broker = process.argv[3] ?? '127.0.0.1:9092';
const batchRecords = Number(process.argv[4] ?? 4096);
const maxInFlight = Number(process.argv[5] ?? 4);
const WARMUP = 40_000;

const kafka: KafkaSinkConfig = {
  brokers: [broker],
  clientId: 'streamgen-bench',
  compression: 'lz4',
  acks: 1,
  batchMaxRecords: batchRecords,
  lingerMs: 0,
  maxInFlight,
  requestTimeoutMs: 30_000,
  connectTimeoutMs: 10_000,
  retries: 3,
  replicationFactor: 1,
  partitions: {},
  createTopics: true,
};
const config: SinkConfig = { name: 'kafka', outDir: '', gzip: false, wrap: false, kafka };
const topic: SinkTopic = { name: `sg-bench-${randomBytes(4).toString('hex')}`, partitions: 12 };

/** A content-event-like JSON value of about 300 bytes; varied so lz4 sees realistic, not trivial, redundancy. */
function value(i: number): string {
  const v = `v_${(i * 7919) % 50_000}`;
  return `{"event_id":"${randomBytes(16).toString('hex')}","event_type":"${i % 3 === 0 ? 'impression' : 'play_start'}","event_ts":"2025-01-01T00:00:${String(i % 60).padStart(2, '0')}.${String(i % 1000).padStart(3, '0')}Z","video_id":"${v}","user_id":"u_${(i * 104729) % 200_000}","session_id":"${randomBytes(8).toString('hex')}","client":{"platform":"${i % 2 ? 'ios' : 'android'}","app_version":"31.4.${i % 7}"},"watch_time_ms":${(i * 37) % 60_000},"position":${i % 50},"surface":"${i % 4 ? "for_you" : "following"}"}`;
}

// Values are built up front: the bench measures the sink, not generation.
const values = Array.from({ length: 20_000 }, (_, i) => value(i));
const keyOf = (i: number): string => `v_${(i * 7919) % 50_000}`;

async function produce(n: number, histogram: hdr.Histogram | null): Promise<{ ms: number; bytes: number }> {
  const sink = createKafkaSink(
    { writerId: 'bench', topics: [topic], config },
    { onRequest: (_records, latencyMs) => histogram?.recordValue(Math.max(1, Math.round(latencyMs * 1000))) },
  );
  await sink.open();
  const batch = new RecordBatch([topic.name], batchRecords);
  const start = performance.now();
  for (let sent = 0; sent < n; ) {
    batch.clear();
    const m = Math.min(batchRecords, n - sent);
    for (let j = 0; j < m; j++, sent++) batch.push(0, keyOf(sent), values[sent % values.length], 1_735_689_600_000 + sent);
    await sink.write(batch);
  }
  await sink.flush();
  const ms = performance.now() - start;
  const stats = sink.stats();
  await sink.close();
  if (stats.acked !== n || stats.failed !== 0) throw new Error(`bench: ${stats.acked} of ${n} acked, ${stats.failed} failed`);
  return { ms, bytes: stats.bytes };
}

async function main(): Promise<void> {
  await ensureTopics(kafka, [topic]);
  try {
    await produce(WARMUP, null);
    const histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3 });
    const { ms, bytes } = await produce(records, histogram);
    const q = (p: number): string => (histogram.getValueAtPercentile(p) / 1000).toFixed(1);
    console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'cpu'}, ${availableParallelism()} cores; broker ${broker}`);
    console.log(`${records.toLocaleString('en-US')} records (~${Math.round(bytes / records)} B values), lz4, acks=1, 1 sink, batch ${batchRecords}, ${maxInFlight} in flight, ${histogram.totalCount} requests`);
    console.log('| records/s | MB/s (values) | request latency p50 ms | p99 ms | p999 ms |');
    console.log('|---|---|---|---|---|');
    console.log(`| ${Math.round((records * 1000) / ms).toLocaleString('en-US')} | ${((bytes / 1e6) * (1000 / ms)).toFixed(1)} | ${q(50)} | ${q(99)} | ${q(99.9)} |`);
  } finally {
    const admin = createKafkaClient(kafka).admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic.name] }).catch(() => undefined);
    await admin.disconnect();
  }
}

await main();
