import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRateProfile, diurnalFactor } from '../../src/coordinator/rate-profile.js';

const T0 = Date.parse('2026-02-02T00:00:00Z'); // a Monday

test('a constant profile plans rate × seconds', () => {
  const p = createRateProfile({ kind: 'constant' }, 10_000, T0);
  assert.equal(p.recordsBetween(T0, T0 + 60_000), 600_000);
});

test('a ramp integrates to the trapezoid, then holds the target', () => {
  const p = createRateProfile({ kind: 'ramp', fromPerSec: 1_000, toPerSec: 10_000, durationMs: 300_000 }, 5_000, T0);
  assert.equal(p.recordsBetween(T0, T0 + 300_000), 300 * (1_000 + 10_000) / 2);
  assert.equal(p.rateAt(T0 + 600_000), 10_000);
});

test('a step schedule switches at its offsets', () => {
  const p = createRateProfile({ kind: 'step', steps: [{ atMs: 0, perSec: 1_000 }, { atMs: 120_000, perSec: 5_000 }] }, 1, T0);
  assert.equal(p.rateAt(T0 + 119_999), 1_000);
  assert.equal(p.rateAt(T0 + 120_000), 5_000);
  assert.equal(p.recordsBetween(T0, T0 + 240_000), 120 * 1_000 + 120 * 5_000);
});

test('bursts multiply the base rate for their duration in every period', () => {
  const p = createRateProfile({ kind: 'burst', factor: 3, durationMs: 30_000, everyMs: 300_000 }, 1_000, T0);
  assert.equal(p.recordsBetween(T0, T0 + 300_000), 30 * 3_000 + 270 * 1_000);
});

test('the diurnal factor averages 1 over a weekday and peaks in the evening, troughs at night', () => {
  let sum = 0;
  for (let m = 0; m < 24 * 60; m++) sum += diurnalFactor(T0 + m * 60_000);
  assert.ok(Math.abs(sum / (24 * 60) - 1) < 0.01, `mean ${sum / 1440}`);
  assert.ok(diurnalFactor(T0 + 20.5 * 3_600_000) > 1.5);
  assert.ok(diurnalFactor(T0 + 3.5 * 3_600_000) < 0.3);
  const saturday = Date.parse('2026-02-07T20:30:00Z');
  assert.ok(Math.abs(diurnalFactor(saturday) / diurnalFactor(T0 + 20.5 * 3_600_000) - 1.2) < 1e-9);
});
