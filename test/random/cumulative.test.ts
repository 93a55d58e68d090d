import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cumulativeWeights, pickCumulative } from '../../src/random/cumulative.js';
import { createRng } from '../../src/random/rng.js';

test('a cumulative table normalises any weights and ends exactly at 1', () => {
  assert.deepEqual([...cumulativeWeights([1, 1, 2])], [0.25, 0.5, 1]);
  assert.equal(cumulativeWeights([0.1, 0.2, 0.3, 0.4]).at(-1), 1);
});

test('picks follow the weights: 0/1/2 at 0.2/0.3/0.5 over 100,000 uniforms, seed 4', () => {
  const table = cumulativeWeights([2, 3, 5]);
  const rng = createRng(4, 0);
  const n = 100_000;
  const counts = [0, 0, 0];
  for (let i = 0; i < n; i++) counts[pickCumulative(table, rng.next())]++;
  // SE of a share p is sqrt(p(1−p)/n) ≤ 0.0016; 4 SE ≈ 0.0063.
  [0.2, 0.3, 0.5].forEach((p, i) => assert.ok(Math.abs(counts[i] / n - p) < 0.0063, `index ${i}: ${counts[i] / n}`));
});

test('boundaries: u = 0 picks the first entry, u just below 1 the last, zero weights are never picked', () => {
  const table = cumulativeWeights([1, 0, 1]);
  assert.equal(pickCumulative(table, 0), 0);
  assert.equal(pickCumulative(table, 1 - 2 ** -53), 2);
  assert.equal(pickCumulative(table, 0.5), 2);
});
