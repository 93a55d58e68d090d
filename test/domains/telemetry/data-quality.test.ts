import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIRTY_RULE_NAMES } from '../../../src/domains/telemetry/dirty-rules.js';
import { violations } from './rules.js';
import { sample, titleLengths } from './sample.js';

const lengths = titleLengths(5);

test('every data-quality rule of spec 004 holds for 100% of 300,000 records (seed 5, 80 events/s)', () => {
  const records = sample(5, 300_000, 80);
  let checked = 0;
  for (const r of records) {
    const broken = violations(r, lengths);
    assert.deepEqual(broken, [], JSON.stringify(r.v));
    assert.equal(r.v._dq_violation, undefined);
    checked++;
  }
  assert.equal(checked, 300_000);
});

test('dirtyRate 0.05 breaks exactly one rule in ≈ 5% of records, the one its _dq_violation names', () => {
  const n = 200_000;
  const records = sample(5, n, 80, { dirtyRate: 0.05 });
  const seen = new Set<string>();
  let dirty = 0;
  for (const r of records) {
    const broken = violations(r, lengths);
    const label = r.v._dq_violation;
    if (label === undefined) {
      assert.deepEqual(broken, [], JSON.stringify(r.v));
    } else {
      dirty++;
      seen.add(label);
      assert.deepEqual(broken, [label], JSON.stringify(r.v));
    }
  }
  // Binomial: SE = sqrt(0.05 · 0.95 / 200,000) ≈ 0.00049; 4 SE ≈ 0.002.
  assert.ok(Math.abs(dirty / n - 0.05) < 0.002, `dirty share ${dirty / n}`);
  assert.deepEqual([...seen].sort(), [...DIRTY_RULE_NAMES].sort());
});
