import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import kafkajs from 'kafkajs';
import { RecordBatch } from '../../src/encoding/record-batch.js';
import { ensureTopics } from '../../src/sinks/kafka/admin.js';
import { createKafkaSink } from '../../src/sinks/kafka/index.js';
import type { KafkaSinkConfig, SinkConfig, SinkTopic } from '../../src/sinks/sink.js';
import { requireBroker, waitForBroker } from './broker.js';

/** Records the broker refuses for good are counted as failed, never dropped, and the sink keeps going. */

function kafkaConfig(broker: string, retries: number): KafkaSinkConfig {
  return {
    brokers: [broker],
    clientId: 'streamgen-it-failures',
    compression: 'none',
    acks: 1,
    batchMaxRecords: 100,
    lingerMs: 0,
    maxInFlight: 1,
    requestTimeoutMs: 5000,
    connectTimeoutMs: 10_000,
    retries,
    replicationFactor: 1,
    partitions: {},
    createTopics: true,
  };
}

function freshTopic(label: string): SinkTopic {
  return { name: `sg-it-${label}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`, partitions: 2 };
}

/** Deletes `name` and, when `waitMs` > 0, returns only once the broker's metadata no longer lists it. */
async function deleteTopic(broker: string, name: string, waitMs = 0): Promise<void> {
  const admin = new kafkajs.Kafka({ clientId: 'streamgen-it-cleanup', brokers: [broker], logLevel: kafkajs.logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await admin.deleteTopics({ topics: [name] }).catch(() => undefined);
    const deadline = Date.now() + waitMs;
    // The broker applies a deletion after answering; there is no event to wait on, so poll its metadata.
    while (waitMs > 0 && (await admin.listTopics()).includes(name)) {
      if (Date.now() > deadline) throw new Error(`topic ${name} still listed ${waitMs} ms after deletion`);
      await delay(50);
    }
  } finally {
    await admin.disconnect();
  }
}

test('a request the broker rejects as too large counts its records failed at once, and later requests are still acked', async (t) => {
  const broker = requireBroker(t);
  if (broker === null) return;
  await waitForBroker(30_000, broker);
  const topic = freshTopic('too-large');
  const kafka = kafkaConfig(broker, 3);
  const config: SinkConfig = { name: 'kafka', outDir: '', gzip: false, fileNaming: 'parts', wrap: false, kafka };
  try {
    await ensureTopics(kafka, [topic]);
    const sink = createKafkaSink({ writerId: 'w0', topics: [topic], config });
    await sink.open();
    const batch = new RecordBatch([topic.name]);
    // Above the broker's default message.max.bytes (1 MiB + 12), uncompressed: MESSAGE_TOO_LARGE, not retriable.
    const huge = `"${'x'.repeat(1_100_000)}"`;
    for (let i = 0; i < 3; i++) batch.push(0, `k${i}`, huge, 1_700_000_000_000 + i);
    await sink.write(batch);
    batch.clear();
    for (let i = 0; i < 250; i++) batch.push(0, `k${i}`, `{"i":${i}}`, 1_700_000_000_000 + i);
    await sink.write(batch);
    await sink.close();
    const stats = sink.stats();
    assert.equal(stats.records, 253);
    assert.equal(stats.failed, 3);
    assert.equal(stats.acked, 250);
    assert.equal(stats.retried, 0, 'a non-retriable error is not retried');
    assert.equal(stats.topics[topic.name].failed, 3);
    assert.equal(stats.topics[topic.name].acked, 250);
  } finally {
    await deleteTopic(broker, topic.name);
  }
});

test('records for a topic deleted after open are retried `retries` times, then counted failed', async (t) => {
  const broker = requireBroker(t);
  if (broker === null) return;
  await waitForBroker(30_000, broker);
  const topic = freshTopic('deleted');
  const retries = 2;
  const kafka = kafkaConfig(broker, retries);
  const config: SinkConfig = { name: 'kafka', outDir: '', gzip: false, fileNaming: 'parts', wrap: false, kafka };
  await ensureTopics(kafka, [topic]);
  const sink = createKafkaSink({ writerId: 'w0', topics: [topic], config });
  await sink.open();
  await deleteTopic(broker, topic.name, 10_000);
  const batch = new RecordBatch([topic.name]);
  for (let i = 0; i < 40; i++) batch.push(0, `k${i}`, `{"i":${i}}`, 1_700_000_000_000 + i);
  await sink.write(batch);
  await sink.close();
  const stats = sink.stats();
  assert.equal(stats.acked, 0);
  assert.equal(stats.failed, 40);
  // One request of 40 records, re-sent after each of the first `retries` failures.
  assert.equal(stats.retried, 40 * retries);
});
