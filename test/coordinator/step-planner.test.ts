import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StepPlanner, finalStepEndMs, largestRemainder } from '../../src/coordinator/step-planner.js';

const sum = (a: Int32Array): number => a.reduce((s, x) => s + x, 0);

test('an --events run plans exactly N records, the last step carrying the remainder', () => {
  const masses = Float64Array.from({ length: 64 }, (_, k) => 1 / (k + 1));
  const p = new StepPlanner({ sliceCount: 64, ratePerSec: 10_000, eventsLimit: 123_457, reserveRecords: 0 });
  let total = 0;
  let steps = 0;
  for (;;) {
    const s = p.next(masses, 10_000, false);
    assert.equal(sum(s.counts), s.total);
    total += s.total;
    steps++;
    if (s.final) break;
  }
  assert.equal(total, 123_457);
  assert.equal(steps, 2); // 100,000 in the first 10 s step, 23,457 in the second
});

test('the drain reserve makes the step that reaches N − reserve the last one', () => {
  const masses = new Float64Array([1, 1]);
  const p = new StepPlanner({ sliceCount: 2, ratePerSec: 1_000, eventsLimit: 50_000, reserveRecords: 40_000 });
  const first = p.next(masses, 10_000, false); // 10,000 planned: 10,000 ≥ 50,000 − 40,000
  assert.equal(first.final, true);
  assert.equal(first.total, 50_000);
  assert.equal(finalStepEndMs(0, 10_000, first.total, 1_000), 50_000);
});

test('cumulative rounding gives every slice its share over many small steps (no slice starved)', () => {
  // 3 slices with expected 0.4, 0.4, 0.2 records per step: per-step rounding would give the small one 0 forever.
  const masses = new Float64Array([2, 2, 1]);
  const p = new StepPlanner({ sliceCount: 3, ratePerSec: 10, eventsLimit: null, reserveRecords: 0 });
  const got = [0, 0, 0];
  for (let i = 0; i < 1_000; i++) p.next(masses, 100, false).counts.forEach((c, k) => (got[k] += c));
  // Floating-point accumulation may leave a slice one record short of its exact share, never more.
  [400, 400, 200].forEach((want, k) => assert.ok(want - got[k] >= 0 && want - got[k] <= 1, `slice ${k}: ${got[k]}`));
});

test('largest remainder splits exactly, ties to the lower slice, nothing to empty slices', () => {
  const out = largestRemainder(10, new Float64Array([1, 1, 1, 0]), 3);
  assert.deepEqual([...out], [4, 3, 3, 0]);
});
