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

/**
 * Under acks=0 the broker sends no Produce response: the sink must not wait for one, counts every record acked
 * when its request is written, and the records still land. n = 3 writes × 700 records = 2,100 records.
 */

const WRITES = 3;
const RECORDS = 700;
const LAND_TIMEOUT_MS = 30_000;

function kafkaConfig(broker: string): KafkaSinkConfig {
  return {
    brokers: [broker],
    clientId: 'streamgen-it-acks0',
    compression: 'lz4',
    acks: 0,
    batchMaxRecords: 500,
    lingerMs: 0,
    maxInFlight: 2,
    requestTimeoutMs: 5000,
    connectTimeoutMs: 10_000,
    retries: 2,
    replicationFactor: 1,
    partitions: {},
    createTopics: true,
  };
}

test('with acks=0 every record is counted acked without a response, and all of them land in the topic', async (t) => {
  const broker = requireBroker(t);
  if (broker === null) return;
  await waitForBroker(30_000, broker);
  const topic: SinkTopic = { name: `sg-it-acks0-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`, partitions: 4 };
  const kafka = kafkaConfig(broker);
  const config: SinkConfig = { name: 'kafka', outDir: '', gzip: false, fileNaming: 'parts', wrap: false, kafka };
  const admin = new kafkajs.Kafka({ clientId: 'streamgen-it-acks0-admin', brokers: [broker], logLevel: kafkajs.logLevel.NOTHING }).admin();
  await ensureTopics(kafka, [topic]);
  await admin.connect();
  try {
    const sink = createKafkaSink({ writerId: 'w0', topics: [topic], config });
    await sink.open();
    const batch = new RecordBatch([topic.name]);
    for (let w = 0; w < WRITES; w++) {
      batch.clear();
      for (let i = 0; i < RECORDS; i++) batch.push(0, `k${i % 37}`, `{"w":${w},"i":${i}}`, 1_700_000_000_000 + i);
      await sink.write(batch);
    }
    await sink.close();
    const stats = sink.stats();
    assert.equal(stats.acked, WRITES * RECORDS);
    assert.equal(stats.failed, 0);
    assert.equal(stats.retried, 0);

    // Nothing tells a client when an acks=0 append has happened, so poll the end offsets until they add up.
    const deadline = Date.now() + LAND_TIMEOUT_MS;
    let landed = 0;
    for (;;) {
      const offsets = await admin.fetchTopicOffsets(topic.name);
      landed = offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
      if (landed >= WRITES * RECORDS || Date.now() > deadline) break;
      await delay(100);
    }
    assert.equal(landed, WRITES * RECORDS);
    const byPartition = Object.fromEntries((await admin.fetchTopicOffsets(topic.name)).filter((p) => Number(p.high) > 0).map((p) => [String(p.partition), Number(p.high)]));
    assert.deepEqual(byPartition, stats.topics[topic.name].partitions, "per-partition end offsets equal the sink's acked counts");
  } finally {
    await admin.deleteTopics({ topics: [topic.name] }).catch(() => undefined);
    await admin.disconnect();
  }
});
