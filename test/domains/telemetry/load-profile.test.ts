import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFactor } from '../../../src/domains/telemetry/index.js';

const DAY = 86_400_000;
const day = Date.parse('2026-02-07T00:00:00.000Z');
const minutes = Array.from({ length: 1440 }, (_, m) => loadFactor(day + m * 60_000));

test('loadFactor averages 1 over a UTC day and repeats every day', () => {
  const mean = minutes.reduce((s, v) => s + v, 0) / minutes.length;
  assert.ok(Math.abs(mean - 1) < 1e-3, `mean ${mean}`);
  for (let m = 0; m < 1440; m += 37) assert.equal(loadFactor(day + 5 * DAY + m * 60_000), minutes[m]);
});

test('prime-time peak ≈ 7× the late-night trough, as the spec\'s 100–150 vs 10–25 events/s', () => {
  const max = Math.max(...minutes);
  const min = Math.min(...minutes);
  // Spec midpoints 125 / 17.5 ≈ 7.1; its ranges allow 100/25 = 4 up to 150/10 = 15.
  assert.ok(max / min > 6.5 && max / min < 7.7, `peak/trough ${max / min}`);
  // The audience is mostly North American: the peak falls at 20:00–23:00 Eastern (01:00–04:00 UTC), the trough
  // at 03:00–06:00 Eastern (08:00–11:00 UTC).
  const peakHour = minutes.indexOf(max) / 60;
  const troughHour = minutes.indexOf(min) / 60;
  assert.ok(peakHour >= 1 && peakHour <= 4, `peak at ${peakHour} UTC`);
  assert.ok(troughHour >= 8 && troughHour <= 11, `trough at ${troughHour} UTC`);
});
