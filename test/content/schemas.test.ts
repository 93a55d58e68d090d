import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { contentDomain } from '../../src/domains/content/index.js';
import { runInline } from '../support/inline-engine.js';

// 100,000 events plus their CDC (a 2,000-user / 1,000-video world with fast churn so every op appears), seed 9.
const knobs = { users: 2_000, videos: 1_000, uploadsPerHour: 36_000, registrationsPerHour: 36_000, banRate: 0.3, banDelayHours: 0.01, creatorRate: 0.3, creatorDelayDays: 0.001, ltvChangeDays: 0.001 };
const byTopic = new Map<string, unknown[]>();
runInline({ seed: 9, events: 100_000, ratePerSec: 1_000, knobs }, (r) => {
  const list = byTopic.get(r.topic) ?? [];
  list.push(JSON.parse(r.value));
  byTopic.set(r.topic, list);
});

for (const topic of contentDomain.topics) {
  test(`every ${topic.name} record is valid against its published JSON Schema`, () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    const validate = ajv.compile(topic.schema);
    const records = byTopic.get(topic.name) ?? [];
    assert.ok(records.length > 1_000, `${records.length} records`);
    for (const r of records) assert.ok(validate(r), JSON.stringify(validate.errors?.slice(0, 2)) + ' in ' + JSON.stringify(r));
  });
}

test('the CDC streams carry every op of spec 000 §3 (r snapshot, c create, u update)', () => {
  for (const name of ['cdc.content.videos', 'cdc.users.profiles']) {
    const ops = new Set((byTopic.get(name) as Array<{ op: string }>).map((r) => r.op));
    assert.deepEqual([...ops].sort(), ['c', 'r', 'u'], name);
  }
});
