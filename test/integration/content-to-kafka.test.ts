import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import kafkajs from 'kafkajs';
import { contentDomain } from '../../src/domains/content/index.js';
import { registerLz4Codec } from '../../src/sinks/kafka/lz4-codec.js';
import { partitionForKey } from '../../src/sinks/kafka/partitioner.js';
import { streamgen } from '../support/cli.js';
import { requireBroker, waitForBroker } from './broker.js';
import { CONTENT_TOPICS, consumeContentTopics, freshContentTopics } from './content-topics.js';

registerLz4Codec();

const TOPICS = CONTENT_TOPICS;

interface Report {
  mainRecords: number;
  failed: number;
  topics: Record<string, { acked: number; failed: number; partitions: Record<string, number> }>;
}

test('a content run into Kafka is consumed back exactly: counts per partition, keys placed as Java would, valid values, no duplicates', { timeout: 300_000 }, async (t) => {
  const broker = requireBroker(t);
  if (broker === null) return;
  await waitForBroker(60_000, broker);
  const kafka = new kafkajs.Kafka({ clientId: 'streamgen-e2e', brokers: [broker], logLevel: kafkajs.logLevel.NOTHING });
  await freshContentTopics(kafka);
  const dir = mkdtempSync(join(tmpdir(), 'streamgen-e2e-'));
  try {
    // 60,000 content events + CDC of a 2,000-user / 1,000-video world, lz4, 2 workers, seed 31.
    const r = streamgen(['run', '--sink', 'kafka', '--brokers', broker, '--events', '60000', '--seed', '31', '--workers', '2',
      '--compression', 'lz4', '--knob', 'users=2000', '--knob', 'videos=1000', '--report', join(dir, 'report.json'), '--quiet'], { timeoutMs: 180_000 });
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;
    assert.equal(report.mainRecords, 60_000);
    assert.equal(report.failed, 0);

    const consumed = await consumeContentTopics(kafka);
    const schemas = new Map(contentDomain.topics.map((tp) => [tp.name, new Ajv2020({ strict: true }).compile(tp.schema)]));
    const partitionsOf = new Map<string, number>();
    const admin = kafka.admin();
    await admin.connect();
    for (const tp of TOPICS) partitionsOf.set(tp, (await admin.fetchTopicOffsets(tp)).length);
    await admin.disconnect();

    const perPartition: Record<string, Record<string, number>> = {};
    const eventIds = new Set<string>();
    for (const m of consumed) {
      const counts = (perPartition[m.topic] ??= {});
      counts[m.partition] = (counts[m.partition] ?? 0) + 1;
      assert.equal(m.partition, partitionForKey(m.key, partitionsOf.get(m.topic) as number), `${m.topic} key ${m.key}`);
      const value = JSON.parse(m.value) as { event_id?: string; video_id?: string; after?: { video_id?: string; user_id?: string } };
      const validate = schemas.get(m.topic);
      assert.ok(validate?.(value), `${m.topic}: ${JSON.stringify(validate?.errors)}`);
      if (m.topic === 'content_events') {
        assert.equal(m.key, value.video_id);
        assert.ok(!eventIds.has(value.event_id as string), `duplicate event_id ${value.event_id}`);
        eventIds.add(value.event_id as string);
      } else {
        assert.equal(m.key, value.after?.video_id ?? value.after?.user_id);
      }
    }
    assert.equal(eventIds.size, 60_000);
    for (const tp of TOPICS) {
      assert.deepEqual(perPartition[tp], report.topics[tp].partitions, `${tp}: consumed per partition = acked per partition`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
