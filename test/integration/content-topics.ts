import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { TestContext } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import kafkajs from 'kafkajs';
import { contentDomain } from '../../src/domains/content/index.js';

/** The content domain's topic names. */
export const CONTENT_TOPICS = contentDomain.topics.map((t) => t.name);

/** One consumed record. */
export interface ConsumedRecord {
  readonly topic: string;
  readonly partition: number;
  readonly key: string;
  readonly value: string;
}

/** Delete the content topics and wait until the broker no longer lists them, so a run starts from empty logs. */
export async function freshContentTopics(kafka: kafkajs.Kafka): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = (await admin.listTopics()).filter((t) => CONTENT_TOPICS.includes(t));
    if (existing.length > 0) await admin.deleteTopics({ topics: existing, timeout: 30_000 });
    for (let i = 0; i < 300 && (await admin.listTopics()).some((t) => CONTENT_TOPICS.includes(t)); i++) await delay(100);
  } finally {
    await admin.disconnect();
  }
}

/** Every record of the content topics, up to the end offsets read before consuming (bounded by `timeoutMs`). */
export async function consumeContentTopics(kafka: kafkajs.Kafka, timeoutMs = 120_000): Promise<ConsumedRecord[]> {
  const admin = kafka.admin();
  await admin.connect();
  const remaining = new Map<string, number>();
  try {
    for (const t of CONTENT_TOPICS) for (const p of await admin.fetchTopicOffsets(t)) if (Number(p.high) > 0) remaining.set(`${t}/${p.partition}`, Number(p.high));
  } finally {
    await admin.disconnect();
  }
  const consumer = kafka.consumer({ groupId: `streamgen-it-${randomBytes(6).toString('hex')}` });
  const out: ConsumedRecord[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: CONTENT_TOPICS, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`still waiting for ${[...remaining.keys()].join(', ')}`)), timeoutMs);
      if (remaining.size === 0) {
        clearTimeout(timer);
        resolve();
        return;
      }
      consumer.run({
        eachMessage: async ({ topic, partition, message }) => {
          out.push({ topic, partition, key: message.key?.toString() ?? '', value: message.value?.toString() ?? '' });
          const id = `${topic}/${partition}`;
          if (Number(message.offset) + 1 >= (remaining.get(id) ?? Infinity)) remaining.delete(id);
          if (remaining.size === 0) {
            clearTimeout(timer);
            resolve();
          }
        },
      }).catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return out;
}

/**
 * After a fault run: the report shows nothing failed and every planned event acknowledged, and every acknowledged
 * event is in the log (duplicates from retries are reported as a diagnostic, not an error: the producer is not idempotent).
 */
export async function assertEveryAckedEventInLog(kafka: kafkajs.Kafka, reportPath: string, t: TestContext): Promise<void> {
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as { mainRecords: number; failed: number; retried: number; topics: Record<string, { acked: number }> };
  assert.equal(report.failed, 0);
  assert.equal(report.topics.content_events.acked, report.mainRecords);
  const events = (await consumeContentTopics(kafka)).filter((r) => r.topic === 'content_events');
  const distinct = new Set(events.map((r) => (JSON.parse(r.value) as { event_id: string }).event_id));
  t.diagnostic(`acked ${report.mainRecords}, in the log ${events.length}, distinct ${distinct.size}, duplicates ${events.length - distinct.size}, records retried ${report.retried}`);
  assert.equal(distinct.size, report.mainRecords, 'every acknowledged event is in the log');
}
