import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blackFridayStartMs, loadFactor, localActivity, seasonalMultiplier } from '../../../src/domains/commerce/load-factor.js';

const HOUR = 3_600_000;
// Wednesday 2026-02-11 and Saturday 2026-02-14, 00:00 UTC.
const WED = Date.UTC(2026, 1, 11);
const SAT = Date.UTC(2026, 1, 14);

test('loadFactor averages 1 over an ordinary week (exact on the half-hour grid)', () => {
  let sum = 0;
  const n = 7 * 48;
  for (let i = 0; i < n; i++) sum += loadFactor(WED + i * (HOUR / 2));
  assert.ok(Math.abs(sum / n - 1) < 1e-9, `${sum / n}`);
});

test('local hours: business hours 9 AM – 9 PM beat the night, peaks at 10 AM, 2 PM, 7–9 PM are 3× business hours', () => {
  // UTC offset 0: local = UTC.
  assert.equal(localActivity(WED + 10 * HOUR, 0), 3 * localActivity(WED + 11 * HOUR, 0));
  assert.equal(localActivity(WED + 14 * HOUR, 0), 3 * localActivity(WED + 15 * HOUR, 0));
  assert.equal(localActivity(WED + 19 * HOUR, 0), 3 * localActivity(WED + 16 * HOUR, 0));
  assert.equal(localActivity(WED + 20 * HOUR, 0), 3 * localActivity(WED + 16 * HOUR, 0));
  assert.ok(localActivity(WED + 3 * HOUR, 0) < 0.2 * localActivity(WED + 12 * HOUR, 0));
  // Tokyo (+9) at 03:00 UTC is noon; at 18:00 UTC it is 3 AM.
  assert.ok(localActivity(WED + 3 * HOUR, 9) > 5 * localActivity(WED + 18 * HOUR, 9));
});

test('weekends are 1.5× weekdays at the same local hour (spec: 50% increase)', () => {
  for (const h of [3, 10, 16, 22]) assert.equal(localActivity(SAT + h * HOUR, 0), 1.5 * localActivity(WED + h * HOUR, 0));
});

test('Black Friday is the day after the fourth Thursday of November (spec: 2024-11-29) at ×8; Christmas ×6 for 72 h', () => {
  assert.equal(blackFridayStartMs(2024), Date.UTC(2024, 10, 29));
  assert.equal(blackFridayStartMs(2026), Date.UTC(2026, 10, 27));
  assert.equal(seasonalMultiplier(Date.UTC(2024, 10, 29, 12)), 8);
  assert.equal(seasonalMultiplier(Date.UTC(2024, 10, 30, 12)), 1);
  assert.equal(seasonalMultiplier(Date.UTC(2024, 11, 25, 1)), 6);
  assert.equal(seasonalMultiplier(Date.UTC(2024, 11, 27, 23)), 6);
  assert.equal(seasonalMultiplier(Date.UTC(2024, 11, 28, 1)), 1);
  // Same weekday and hour one week apart: only the holiday differs.
  const bf = Date.UTC(2024, 10, 29, 15);
  assert.ok(Math.abs(loadFactor(bf) / loadFactor(bf - 7 * 24 * HOUR) - 8) < 1e-9);
});
