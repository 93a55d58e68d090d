import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import kafkajs from 'kafkajs';
import { RecordBatch } from '../../src/encoding/record-batch.js';
import { ensureTopics } from '../../src/sinks/kafka/admin.js';
import { createKafkaSink } from '../../src/sinks/kafka/index.js';
import { registerLz4Codec } from '../../src/sinks/kafka/lz4-codec.js';
import { partitionForKey } from '../../src/sinks/kafka/partitioner.js';
import type { KafkaSinkConfig, SinkConfig, SinkStats, SinkTopic } from '../../src/sinks/sink.js';
import { requireBroker, waitForBroker } from './broker.js';

// The sink encodes its own batches; the kafkajs consumer below needs the LZ4 codec to read them back.
registerLz4Codec();

/**
 * Two Kafka sinks write known records concurrently into fresh topics; a real consumer reads every partition up
 * to its end offset, and what it reads must agree exactly with what was written and with the sinks' counts.
 * n = 2 sinks × 6 batches × 1,500 records = 18,000 records per codec.
 */

const SINKS = 2;
const BATCHES = 6;
const RECORDS_PER_BATCH = 1500;
const BASE_TS = 1_700_000_000_000;
const CONSUME_TIMEOUT_MS = 60_000;

interface Expected {
  readonly topic: string;
  readonly key: string;
  readonly value: string;
  readonly timestamp: number;
}

function kafkaConfig(broker: string, compression: KafkaSinkConfig['compression']): KafkaSinkConfig {
  return {
    brokers: [broker],
    clientId: 'streamgen-it',
    compression,
    acks: -1,
    // Smaller than a write, so each write becomes several requests; with 2 in flight they overlap.
    batchMaxRecords: 400,
    lingerMs: 5,
    maxInFlight: 2,
    requestTimeoutMs: 10_000,
    connectTimeoutMs: 10_000,
    retries: 3,
    replicationFactor: 1,
    partitions: {},
    createTopics: true,
  };
}

/** Record `i` of batch `b` of sink `s`: keys shared between sinks, values with non-ASCII text and escapes. */
function record(topics: readonly SinkTopic[], s: number, b: number, i: number): Expected {
  const n = (s * BATCHES + b) * RECORDS_PER_BATCH + i;
  const topic = topics[i % 3 === 2 ? 1 : 0].name;
  const key = `v_${(n * 7919) % 997}`;
  const value = JSON.stringify({ event_id: `e-${s}-${b}-${i}`, video_id: key, n, title: `clip ${n} — naïve 日本 "q"\\` });
  return { topic, key, value, timestamp: BASE_TS + n };
}

/** Writes all batches of sink `s`, refilling one RecordBatch in place, as workers do. */
async function writeAll(config: SinkConfig, topics: readonly SinkTopic[], s: number): Promise<SinkStats> {
  const sink = createKafkaSink({ writerId: `w${s}`, topics, config });
  await sink.open();
  const names = topics.map((t) => t.name);
  const batch = new RecordBatch(names, 256);
  for (let b = 0; b < BATCHES; b++) {
    batch.clear();
    for (let i = 0; i < RECORDS_PER_BATCH; i++) {
      const r = record(topics, s, b, i);
      batch.push(names.indexOf(r.topic), r.key, r.value, r.timestamp);
    }
    await sink.write(batch);
  }
  await sink.flush();
  const stats = sink.stats();
  await sink.close();
  return stats;
}

interface Consumed {
  readonly topic: string;
  readonly partition: number;
  readonly key: Buffer;
  readonly value: Buffer;
  readonly timestamp: string;
}

/** Every record of `topics` from the beginning up to the end offsets read before consuming starts. */
async function consumeAll(broker: string, topics: readonly SinkTopic[]): Promise<Consumed[]> {
  const kafka = new kafkajs.Kafka({ clientId: 'streamgen-it-consumer', brokers: [broker], logLevel: kafkajs.logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const remaining = new Map<string, number>();
  try {
    for (const t of topics) {
      for (const p of await admin.fetchTopicOffsets(t.name)) {
        if (Number(p.high) > Number(p.low)) remaining.set(`${t.name}/${p.partition}`, Number(p.high));
      }
    }
  } finally {
    await admin.disconnect();
  }
  const consumer = kafka.consumer({ groupId: `streamgen-it-${randomBytes(6).toString('hex')}` });
  const out: Consumed[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: topics.map((t) => t.name), fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`consumer still waits for ${JSON.stringify([...remaining])} after ${CONSUME_TIMEOUT_MS} ms`)), CONSUME_TIMEOUT_MS);
      const finish = (): void => {
        clearTimeout(timer);
        resolve();
      };
      if (remaining.size === 0) finish();
      consumer
        .run({
          eachMessage: async ({ topic, partition, message }) => {
            out.push({ topic, partition, key: message.key ?? Buffer.alloc(0), value: message.value ?? Buffer.alloc(0), timestamp: message.timestamp });
            const id = `${topic}/${partition}`;
            const end = remaining.get(id);
            if (end !== undefined && Number(message.offset) + 1 >= end) {
              remaining.delete(id);
              if (remaining.size === 0) finish();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return out;
}

async function deleteTopics(broker: string, names: string[]): Promise<void> {
  const admin = new kafkajs.Kafka({ clientId: 'streamgen-it-cleanup', brokers: [broker], logLevel: kafkajs.logLevel.NOTHING }).admin();
  await admin.connect();
  await admin.deleteTopics({ topics: names }).catch(() => undefined);
  await admin.disconnect();
}

async function roundTrip(t: TestContext, compression: KafkaSinkConfig['compression']): Promise<void> {
  const broker = requireBroker(t);
  if (broker === null) return;
  await waitForBroker(30_000, broker);
  const run = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const topics: SinkTopic[] = [
    { name: `sg-it-${compression}-${run}-events`, partitions: 6 },
    { name: `sg-it-${compression}-${run}-cdc`, partitions: 3 },
  ];
  const kafka = kafkaConfig(broker, compression);
  const config: SinkConfig = { name: 'kafka', outDir: '', gzip: false, fileNaming: 'parts', wrap: false, kafka };
  try {
    const described = await ensureTopics(kafka, topics);
    assert.deepEqual(
      described.map((d) => [d.name, d.status, d.partitions, d.replicationFactor]),
      topics.map((tp) => [tp.name, 'created', tp.partitions, 1]),
    );

    const stats = await Promise.all(Array.from({ length: SINKS }, (_, s) => writeAll(config, topics, s)));
    const expected = new Map<string, Expected>();
    for (let s = 0; s < SINKS; s++) {
      for (let b = 0; b < BATCHES; b++) {
        for (let i = 0; i < RECORDS_PER_BATCH; i++) expected.set(`e-${s}-${b}-${i}`, record(topics, s, b, i));
      }
    }
    const total = SINKS * BATCHES * RECORDS_PER_BATCH;
    for (const st of stats) {
      assert.equal(st.records, BATCHES * RECORDS_PER_BATCH);
      assert.equal(st.acked, BATCHES * RECORDS_PER_BATCH);
      assert.equal(st.failed, 0);
    }

    const consumed = await consumeAll(broker, topics);
    assert.equal(consumed.length, total, 'consumed count equals written count');

    const countedByPartition = new Map<string, number>();
    const seen = new Set<string>();
    for (const c of consumed) {
      const value = c.value.toString('utf8');
      const eventId = (JSON.parse(value) as { event_id: string }).event_id;
      assert.ok(!seen.has(eventId), `duplicate ${eventId}`);
      seen.add(eventId);
      const want = expected.get(eventId);
      assert.ok(want !== undefined, `unexpected record ${eventId}`);
      assert.equal(c.topic, want.topic);
      assert.ok(c.key.equals(Buffer.from(want.key)), `key of ${eventId}`);
      assert.ok(c.value.equals(Buffer.from(want.value)), `value bytes of ${eventId}`);
      assert.equal(c.timestamp, String(want.timestamp));
      const partitions = topics.find((tp) => tp.name === c.topic)?.partitions ?? 0;
      assert.equal(c.partition, partitionForKey(want.key, partitions), `partition of key ${want.key}`);
      const id = `${c.topic}/${c.partition}`;
      countedByPartition.set(id, (countedByPartition.get(id) ?? 0) + 1);
    }
    assert.equal(seen.size, expected.size, 'nothing missing');

    const statsByPartition = new Map<string, number>();
    for (const st of stats) {
      for (const [topic, ts] of Object.entries(st.topics)) {
        for (const [p, n] of Object.entries(ts.partitions)) statsByPartition.set(`${topic}/${p}`, (statsByPartition.get(`${topic}/${p}`) ?? 0) + n);
      }
    }
    assert.deepEqual([...countedByPartition].sort(), [...statsByPartition].sort(), 'per-partition counts equal the sinks\' stats');
  } finally {
    await deleteTopics(broker, topics.map((tp) => tp.name));
  }
}

test('two lz4 sinks deliver every record exactly once, byte-identical, on the Java partition', (t) => roundTrip(t, 'lz4'));
test('two gzip sinks deliver every record exactly once, byte-identical, on the Java partition', (t) => roundTrip(t, 'gzip'));
test('two uncompressed sinks deliver every record exactly once, byte-identical, on the Java partition', (t) => roundTrip(t, 'none'));
