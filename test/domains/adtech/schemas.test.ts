import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adtechDomain } from '../../../src/domains/adtech/index.js';
import { runInline } from '../../support/inline-engine.js';
import { testTopicSchemas } from '../../support/schema-tests.js';

// 100,000 bid requests and their chains, seed 9; a 20% CTR so that clicks number in the thousands.
const byTopic = new Map<string, unknown[]>();
const prices: string[] = [];
const PRICE_FIELD = /"(?:bidfloor|price|win_price)":([^,}]*)/g;
runInline({ domain: adtechDomain, seed: 9, events: 100_000, knobs: { clickRate: 0.2 } }, (r) => {
  for (const m of r.value.matchAll(PRICE_FIELD)) prices.push(m[1]);
  const list = byTopic.get(r.topic) ?? [];
  list.push(JSON.parse(r.value));
  byTopic.set(r.topic, list);
});

testTopicSchemas(adtechDomain, byTopic);

test('the Kafka key of each topic is the field the spec names (request_id, response_id, impression_id, click_id)', () => {
  const seen = new Map<string, { key: string; value: Record<string, unknown> }>();
  runInline({ domain: adtechDomain, seed: 9, events: 20_000, knobs: { clickRate: 0.5, winRate: 0.5 } }, (r) => {
    if (!seen.has(r.topic)) seen.set(r.topic, { key: r.key, value: JSON.parse(r.value) as Record<string, unknown> });
  });
  for (const topic of adtechDomain.topics) {
    const first = seen.get(topic.name);
    assert.ok(first, topic.name);
    assert.equal(first.key, first.value[topic.keyField], topic.name);
  }
});

test('every price (bidfloor, bid price, win_price) is written with exactly two decimals, as the spec shows', () => {
  assert.ok(prices.length > 150_000, `${prices.length} prices`);
  for (const p of prices) assert.match(p, /^(0|[1-9][0-9]*)\.[0-9]{2}$/);
});
