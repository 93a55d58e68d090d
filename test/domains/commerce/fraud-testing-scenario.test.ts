import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commerceDomain } from '../../../src/domains/commerce/index.js';
import { DEFAULT_START_MS, runInline } from '../../support/inline-engine.js';

test('fraud_testing (spec 002: 10% fraud) raises the fraud share from the knob’s 0.001 while it is active', () => {
  // 600,000 user events at 1,000/s, seed 31; fraud_testing from minute 5 on. Transactions of minutes 2–5 (past
  // the start-up ramp, ≈ 18,000; expected ≈ 18 fraudulent) stay under 0.005; those from minute 7 on (sessions
  // straddling the switch left aside, ≈ 30,000 with clustered incidents: sd ≈ 0.005) reach 0.1 ± 0.03.
  const from = DEFAULT_START_MS + 300_000;
  const before = [0, 0];
  const after = [0, 0];
  const scenarios = [{ name: 'fraud_testing', startMs: from, endMs: Infinity, params: { fraudRate: 0.1 } }];
  runInline({ domain: commerceDomain, seed: 31, events: 600_000, ratePerSec: 1_000, effects: { scenarios } }, (r) => {
    if (r.topic !== 'transactions') return;
    const side = r.timestampMs < from ? (r.timestampMs >= DEFAULT_START_MS + 120_000 ? before : null) : r.timestampMs >= from + 120_000 ? after : null;
    if (!side) return;
    side[0]++;
    if (r.value.includes('"is_fraud":true')) side[1]++;
  });
  assert.ok(before[0] > 5_000 && after[0] > 10_000, `${before[0]} / ${after[0]} transactions`);
  assert.ok(before[1] / before[0] < 0.005, `before ${before[1]} of ${before[0]}`);
  assert.ok(Math.abs(after[1] / after[0] - 0.1) < 0.03, `after ${after[1]} of ${after[0]}`);
});
