import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHAOS_TOPIC, ChaosController } from '../../src/coordinator/chaos-controller.js';
import { contentDomain } from '../../src/domains/content/index.js';
import { scenariosOf } from '../../src/domains/traffic-modes.js';
import { RecordBatch } from '../../src/encoding/record-batch.js';

const T0 = Date.parse('2026-02-07T10:00:00Z');
const MIN = 60_000;
const specs = scenariosOf(contentDomain);

test('planned activations fill in parameter defaults and become effects with absolute windows', () => {
  const c = new ChaosController(specs, [{ name: 'supernova', startOffsetMs: 5 * MIN, durationMs: 10 * MIN, params: { factor: 800 } }], T0);
  assert.deepEqual(c.effects().scenarios, [{ name: 'supernova', startMs: T0 + 5 * MIN, endMs: T0 + 15 * MIN, params: { video: 999, factor: 800, rampSeconds: 30 } }]);
});

test('ground truth is written once per mark, in timeline order, only up to the instant reached', () => {
  const c = new ChaosController(specs, [
    { name: 'supernova', startOffsetMs: 5 * MIN, durationMs: 10 * MIN, params: {} },
    { name: 'inventory_drought', startOffsetMs: 1 * MIN, durationMs: null, params: {} },
  ], T0);
  const batch = new RecordBatch(['content_events', CHAOS_TOPIC]);
  c.writeGroundTruth(batch, 1, T0 + 6 * MIN, 0);
  c.writeGroundTruth(batch, 1, T0 + 6 * MIN, 0);
  assert.deepEqual(batch.keys.slice(0, batch.length), ['inventory_drought', 'supernova']);
  c.writeGroundTruth(batch, 1, T0 + 60 * MIN, 0);
  assert.equal(batch.length, 3);
  const last = JSON.parse(batch.values[2]) as { event: string; scenario: string; ts_ms: number; window_end: string };
  assert.deepEqual([last.event, last.scenario, last.ts_ms, last.window_end], ['deactivate', 'supernova', T0 + 15 * MIN, '2026-02-07T10:15:00.000Z']);
});

test('traffic modes scale the rate only inside their window and compose', () => {
  const c = new ChaosController(specs, [
    { name: 'peak_traffic', startOffsetMs: 0, durationMs: 10 * MIN, params: {} },
    { name: 'maintenance_mode', startOffsetMs: 5 * MIN, durationMs: 10 * MIN, params: {} },
  ], T0);
  assert.equal(c.rateFactor(T0 + MIN), 3);
  assert.ok(Math.abs(c.rateFactor(T0 + 6 * MIN) - 0.3) < 1e-12);
  assert.ok(Math.abs(c.rateFactor(T0 + 11 * MIN) - 0.1) < 1e-12);
  assert.equal(c.rateFactor(T0 + 20 * MIN), 1);
});

test('runtime start and stop act at the instant reached and change the effects object', () => {
  const c = new ChaosController(specs, [], T0);
  const before = c.effects();
  c.nowMs = T0 + 2 * MIN;
  assert.equal(c.start('broken_client', { adoptionMinutes: '5' }, null).state, 'active');
  assert.notEqual(c.effects(), before);
  c.nowMs = T0 + 4 * MIN;
  assert.equal(c.stop('broken_client'), 1);
  assert.equal(c.stop('broken_client'), 0);
  assert.deepEqual(c.status().map((s) => [s.state, s.endsAt]), [['ended', '2026-02-07T10:04:00.000Z']]);
  assert.throws(() => c.start('volcano', {}, null), /scenario must be one of supernova, broken_client/);
  assert.throws(() => c.start('supernova', { factor: 'lots' }, null), /factor must be a number/);
});
