import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AliasTable } from '../../src/random/alias.js';
import { createRng } from '../../src/random/rng.js';
import { chiSquare, chiSquareCritical } from './stats.js';

const N = 1_000_000;

/** Draw N samples and return counts per index. */
function counts(table: AliasTable, seed: number): Float64Array {
  const rng = createRng(seed, 0);
  const c = new Float64Array(table.size);
  for (let i = 0; i < N; i++) c[table.sample(rng)]++;
  return c;
}

/** The non-zero weights as probabilities, with the matching counts (zero-weight cells have no chi-square term). */
function positive(weights: Float64Array, n: number, c: Float64Array): { probs: number[]; observed: number[] } {
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i];
  const probs: number[] = [];
  const observed: number[] = [];
  for (let i = 0; i < n; i++) {
    if (weights[i] > 0) {
      probs.push(weights[i] / total);
      observed.push(c[i]);
    }
  }
  return { probs, observed };
}

test('frequencies over 1e6 samples match 50 skewed weights (chi-square, z = 4) and zero weights are never drawn', () => {
  const n = 50;
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) weights[i] = i % 7 === 3 ? 0 : 1 / (i + 1) ** 1.3 + 0.001;
  const table = new AliasTable(n);
  table.build(weights, n);
  assert.equal(table.size, n);
  const c = counts(table, 1);
  for (let i = 0; i < n; i++) if (weights[i] === 0) assert.equal(c[i], 0, `index ${i} has weight 0`);
  const { probs, observed } = positive(weights, n, c);
  // df = 43 non-zero cells − 1 = 42; critical at z = 4 ≈ 89.3.
  const stat = chiSquare(observed, probs, N);
  assert.ok(stat < chiSquareCritical(probs.length - 1), `chi-square ${stat}`);
});

test('a rebuild with fewer weights reuses the arrays and samples only the new weights', () => {
  const table = new AliasTable(64);
  const big = new Float64Array(64).fill(1);
  table.build(big, 64);
  const small = new Float64Array([0, 3, 0, 1, 6]);
  table.build(small, 5);
  assert.equal(table.size, 5);
  assert.equal(table.capacity, 64);
  const c = counts(table, 2);
  assert.equal(c[0] + c[2], 0);
  const { probs, observed } = positive(small, 5, c);
  // df = 2; critical at z = 4 ≈ 21.9.
  assert.ok(chiSquare(observed, probs, N) < chiSquareCritical(2));
});

test('a build past the capacity grows the table, and weights beyond n in the array are ignored', () => {
  const table = new AliasTable(4);
  const weights = new Float64Array(1000);
  for (let i = 0; i < 1000; i++) weights[i] = i < 100 ? 1 + (i % 5) : 1e9;
  table.build(weights, 100);
  assert.equal(table.size, 100);
  assert.ok(table.capacity >= 100);
  const c = counts(table, 3);
  const { probs, observed } = positive(weights, 100, c);
  // df = 99; critical at z = 4 ≈ 166.
  assert.ok(chiSquare(observed, probs, N) < chiSquareCritical(99));
});

test('a single positive weight among zeros is always drawn', () => {
  const table = new AliasTable();
  const weights = new Float64Array(1000);
  weights[777] = 1e-300;
  table.build(weights, 1000);
  const rng = createRng(4, 0);
  for (let i = 0; i < 100_000; i++) assert.equal(table.sample(rng), 777);
});

test('build throws RangeError on zero, negative, NaN or infinite weights and on a bad n', () => {
  const table = new AliasTable();
  const rows: [Float64Array, number][] = [
    [new Float64Array([0, 0, 0]), 3],
    [new Float64Array([1, -1, 1]), 3],
    [new Float64Array([1, Number.NaN]), 2],
    [new Float64Array([1, Infinity]), 2],
    [new Float64Array([Number.MAX_VALUE, Number.MAX_VALUE]), 2],
    [new Float64Array([1, 1]), 3],
    [new Float64Array([1, 1]), 0],
  ];
  for (const [weights, n] of rows) assert.throws(() => table.build(weights, n), RangeError, `${weights.join(',')} n=${n}`);
});
