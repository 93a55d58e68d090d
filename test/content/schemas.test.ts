import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentDomain } from '../../src/domains/content/index.js';
import { runInline } from '../support/inline-engine.js';
import { testTopicSchemas } from '../support/schema-tests.js';

// 100,000 events plus their CDC (a 2,000-user / 1,000-video world with fast churn so every op appears), seed 9.
const knobs = { users: 2_000, videos: 1_000, uploadsPerHour: 36_000, registrationsPerHour: 36_000, banRate: 0.3, banDelayHours: 0.01, creatorRate: 0.3, creatorDelayDays: 0.001, ltvChangeDays: 0.001 };
const byTopic = new Map<string, unknown[]>();
runInline({ seed: 9, events: 100_000, ratePerSec: 1_000, knobs }, (r) => {
  const list = byTopic.get(r.topic) ?? [];
  list.push(JSON.parse(r.value));
  byTopic.set(r.topic, list);
});

testTopicSchemas(contentDomain, byTopic);

test('the CDC streams carry every op of spec 000 §3 (r snapshot, c create, u update)', () => {
  for (const name of ['cdc.content.videos', 'cdc.users.profiles']) {
    const ops = new Set((byTopic.get(name) as Array<{ op: string }>).map((r) => r.op));
    assert.deepEqual([...ops].sort(), ['c', 'r', 'u'], name);
  }
});
