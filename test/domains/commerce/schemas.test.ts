import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commerceDomain } from '../../../src/domains/commerce/index.js';
import { runInline } from '../../support/inline-engine.js';
import { testTopicSchemas } from '../../support/schema-tests.js';

// 200,000 user events (+ transactions, alerts, product updates) at the fraud_testing fraud rate, seed 5,
// with fast catalogue churn and many false alerts so every record shape and every fraud type appears.
const knobs = { fraudRate: 0.1, falseAlertRate: 0.05, productUpdatesPerHour: 100_000, users: 5_000, products: 500 };
const byTopic = new Map<string, unknown[]>();
runInline({ domain: commerceDomain, seed: 5, events: 200_000, ratePerSec: 1_000, knobs }, (r) => {
  const list = byTopic.get(r.topic) ?? [];
  list.push(JSON.parse(r.value));
  byTopic.set(r.topic, list);
});

testTopicSchemas(commerceDomain, byTopic);

test('every event type, update type and fraud type of the spec appears', () => {
  const types = (topic: string, field: string): string[] => [...new Set((byTopic.get(topic) as Array<Record<string, string>>).map((r) => r[field]))].sort();
  assert.deepEqual(types('user-events', 'event_type'), ['add_to_cart', 'checkout', 'page_view', 'product_view', 'purchase', 'search']);
  assert.deepEqual(types('product-updates', 'update_type'), ['price_change', 'snapshot', 'stock_change']);
  assert.deepEqual(types('transactions', 'fraud_type'), ['amount_anomaly', 'device_anomaly', 'location_anomaly', 'pattern_anomaly', 'time_anomaly', 'velocity_attack', null].sort());
});
