import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { commerceDomain } from '../../../src/domains/commerce/index.js';
import { NO_EFFECTS } from '../../../src/domains/domain.js';
import { RecordBatch } from '../../../src/encoding/record-batch.js';
import { StepPlanner, finalStepEndMs } from '../../../src/coordinator/step-planner.js';
import { DEFAULT_START_MS, runInline } from '../../support/inline-engine.js';

const SLICES = 64;
const RATE = 500;
const KNOBS = { fraudRate: 0.05, falseAlertRate: 0.01 };

/** Every funnel record of a run as `topic|key|value|timestamp` lines, with funnels owning the given slice groups. */
function linesOf(seed: number, events: number, groups: readonly (readonly number[])[]): string[] {
  const world = commerceDomain.createWorld({ seed, startMs: DEFAULT_START_MS, sliceCount: SLICES, knobs: KNOBS });
  const funnels = groups.map((g) => world.createFunnel(g));
  const planner = new StepPlanner({ sliceCount: SLICES, ratePerSec: RATE, eventsLimit: events, reserveRecords: Math.ceil((RATE * commerceDomain.drainMs) / 1000) });
  const masses = new Float64Array(SLICES);
  const batch = new RecordBatch(commerceDomain.topics.map((t) => t.name), 1000);
  const out: string[] = [];
  let start = DEFAULT_START_MS;
  for (let step = 0; ; step++) {
    world.sliceMasses(start, NO_EFFECTS, masses);
    const plan = planner.next(masses, commerceDomain.epochMs, false);
    const end = plan.final ? finalStepEndMs(start, start + commerceDomain.epochMs, plan.total, RATE) : start + commerceDomain.epochMs;
    groups.forEach((g, i) => {
      const counts = Int32Array.from(g, (s) => plan.counts[s]);
      funnels[i].beginStep({ stepIndex: step, startMs: start, endMs: end, epochStartMs: start, counts, effects: NO_EFFECTS, final: plan.final });
      // Small, odd fills: output must not depend on how the worker slices its batches.
      while (funnels[i].fill(batch, 333) > 0) {
        for (let j = 0; j < batch.length; j++) out.push(`${batch.topicNames[batch.topicIndex[j]]}|${batch.keys[j]}|${batch.values[j]}|${batch.timestamps[j]}`);
        batch.clear();
      }
    });
    start = end;
    if (plan.final) break;
  }
  return out;
}

/** product-updates of one shard up to `untilMs`, as lines. */
function cdcLines(seed: number, index: number, count: number, untilMs: number): string[] {
  const world = commerceDomain.createWorld({ seed, startMs: DEFAULT_START_MS, sliceCount: SLICES, knobs: KNOBS });
  const cdc = world.createCdc({ index, count });
  const batch = new RecordBatch(commerceDomain.topics.map((t) => t.name), 500);
  const out: string[] = [];
  for (let t = DEFAULT_START_MS; t <= untilMs; t += 60_000) {
    while (cdc.fill(batch, 500, t, NO_EFFECTS) > 0) {
      for (let j = 0; j < batch.length; j++) out.push(`${batch.keys[j]}|${batch.values[j]}|${batch.timestamps[j]}`);
      batch.clear();
    }
  }
  return out;
}

const fingerprint = (lines: readonly string[]): string => createHash('sha256').update([...lines].sort().join('\n')).digest('hex');
const all = Array.from({ length: SLICES }, (_, k) => k);

test('the same seed gives the same records; a different seed different ones (60,000 user events + the rest)', () => {
  const a = linesOf(3, 60_000, [all]);
  assert.equal(a.filter((l) => l.startsWith('user-events|')).length, 60_000);
  assert.equal(fingerprint(a), fingerprint(linesOf(3, 60_000, [all])));
  assert.notEqual(fingerprint(a), fingerprint(linesOf(4, 60_000, [all])));
});

test('funnels on disjoint slice sets (as workers or --shard) together give exactly the single-funnel records', () => {
  const whole = linesOf(3, 60_000, [all]);
  const split = linesOf(3, 60_000, [all.filter((k) => k % 3 === 0), all.filter((k) => k % 3 === 1), all.filter((k) => k % 3 === 2)]);
  assert.equal(split.length, whole.length);
  assert.equal(fingerprint(split), fingerprint(whole));
});

test('runInline and a batch size of 333 agree (the fill size never changes the output)', () => {
  const inline: string[] = [];
  runInline({ domain: commerceDomain, seed: 3, events: 60_000, ratePerSec: RATE, slices: SLICES, knobs: KNOBS }, (r) => {
    if (r.topic !== 'product-updates') inline.push(`${r.topic}|${r.key}|${r.value}|${r.timestampMs}`);
  });
  assert.equal(fingerprint(inline), fingerprint(linesOf(3, 60_000, [all])));
});

test('product-updates of --shard 0/2 and 1/2 together are exactly the single instance ones', () => {
  const until = DEFAULT_START_MS + 3 * 3_600_000;
  const whole = cdcLines(3, 0, 1, until);
  const halves = [...cdcLines(3, 0, 2, until), ...cdcLines(3, 1, 2, until)];
  // 1,000 snapshot records + 1,000 changes per hour for 3 hours.
  assert.equal(whole.length, 4_000);
  assert.equal(fingerprint(halves), fingerprint(whole));
});
