import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng, createRng } from '../../src/random/rng.js';
import { chiSquare, chiSquareCritical, correlation } from './stats.js';

const BUCKETS = 64;
const UNIFORM_64 = new Float64Array(BUCKETS).fill(1 / BUCKETS);

test('xoshiro128** from state (1, 2, 3, 4) matches the reference C implementation', () => {
  // Reference: Blackman & Vigna's xoshiro128starstar.c algorithm compiled with gcc, first six outputs.
  const rng = new Rng(1, 2, 3, 4);
  const got = Array.from({ length: 6 }, () => rng.nextU32());
  assert.deepEqual(got, [11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
});

test('the same (seed, stream) gives the same sequence, and any change of seed or stream another one', () => {
  const draw = (seed: number, stream: number): number[] => {
    const rng = createRng(seed, stream);
    return Array.from({ length: 1000 }, () => rng.nextU32());
  };
  const base = draw(7, 3);
  assert.deepEqual(draw(7, 3), base);
  for (const [seed, stream] of [[7, 4], [8, 3], [3, 7], [7 + 2 ** 32, 3], [7, 3 + 2 ** 32], [2 ** 53, 3]]) {
    const other = draw(seed, stream);
    // Independent uint32 sequences agree at a position with probability 2^-32, so no matches at all are expected.
    assert.equal(other.filter((x, i) => x === base[i]).length, 0, `(${seed}, ${stream})`);
  }
});

test('neighbouring streams and seeds are uncorrelated: |r| < 4/sqrt(n) over n = 1e5 pairs', () => {
  const n = 100_000;
  const limit = 4 / Math.sqrt(n); // r has standard error 1/sqrt(n) = 0.00316 under independence; 4 SE = 0.0126
  const sample = (seed: number, stream: number): Float64Array => {
    const rng = createRng(seed, stream);
    const xs = new Float64Array(n);
    for (let i = 0; i < n; i++) xs[i] = rng.next();
    return xs;
  };
  const base = sample(11, 0);
  for (const [seed, stream] of [[11, 1], [12, 0], [11, 2 ** 32], [0, 0]]) {
    const r = correlation(base, sample(seed, stream));
    assert.ok(Math.abs(r) < limit, `(${seed}, ${stream}): r = ${r}`);
  }
});

test('next() is uniform on [0, 1): chi-square over 64 buckets, 1e6 draws, seed 1', () => {
  const n = 1_000_000;
  const rng = createRng(1, 0);
  const counts = new Float64Array(BUCKETS);
  for (let i = 0; i < n; i++) {
    const u = rng.next();
    assert.ok(u >= 0 && u < 1);
    counts[Math.floor(u * BUCKETS)]++;
  }
  // df = 63; critical value at z = 4 (Wilson–Hilferty) ≈ 118.4, against a mean of 63.
  assert.ok(chiSquare(counts, UNIFORM_64, n) < chiSquareCritical(BUCKETS - 1));
});

test('the first draw of 1e5 consecutive streams is uniform (seeding spreads neighbouring streams)', () => {
  const n = 100_000;
  const counts = new Float64Array(BUCKETS);
  for (let s = 0; s < n; s++) counts[createRng(5, s).nextU32() >>> 26]++;
  // df = 63, critical ≈ 118.4 at z = 4.
  assert.ok(chiSquare(counts, UNIFORM_64, n) < chiSquareCritical(BUCKETS - 1));
});

test('nextDouble() uses 53 bits and is uniform: chi-square over 64 buckets of its low bits, 1e6 draws', () => {
  const n = 1_000_000;
  const rng = createRng(2, 0);
  const low = new Float64Array(BUCKETS);
  for (let i = 0; i < n; i++) {
    const u = rng.nextDouble();
    assert.ok(u >= 0 && u < 1);
    const k = u * 2 ** 53;
    assert.ok(Number.isInteger(k));
    low[k % BUCKETS]++; // the 6 lowest of the 53 bits: all zero if only 32 bits were used
  }
  assert.ok(chiSquare(low, UNIFORM_64, n) < chiSquareCritical(BUCKETS - 1));
});

test('int(n) is uniform for n = 10, 1000 and 3·2^30 (where a plain modulo would be 2:1:1 biased), 1e6 draws each', () => {
  const n = 1_000_000;
  for (const [range, bins] of [[10, 10], [1000, 1000], [3 * 2 ** 30, 3]]) {
    const rng = createRng(3, range);
    const counts = new Float64Array(bins);
    for (let i = 0; i < n; i++) {
      const x = rng.int(range);
      assert.ok(Number.isInteger(x) && x >= 0 && x < range);
      counts[Math.floor((x * bins) / range)]++;
    }
    const probs = new Float64Array(bins).fill(1 / bins);
    // df = bins − 1: critical at z = 4 ≈ 37.1 (df 9), 1188 (df 999), 21.9 (df 2). A plain modulo on 3·2^30 (bins 1/2, 1/4, 1/4) would give 125,000.
    const stat = chiSquare(counts, probs, n);
    assert.ok(stat < chiSquareCritical(bins - 1), `int(${range}): chi-square ${stat}`);
  }
});

test('int(1) is always 0 and int(2^32) spans the full uint32 range', () => {
  const rng = createRng(4, 0);
  let high = 0;
  for (let i = 0; i < 10_000; i++) {
    assert.equal(rng.int(1), 0);
    const x = rng.int(2 ** 32);
    assert.ok(Number.isInteger(x) && x >= 0 && x < 2 ** 32);
    if (x >= 2 ** 31) high++;
  }
  // Binomial(1e4, 1/2): sd 50, 4 SE = 200.
  assert.ok(Math.abs(high - 5000) < 200, `${high}`);
});

test('chance(0.3) is true 0.3 ± 0.0018 of the time over 1e6 draws; chance(0) never, chance(1) always', () => {
  const n = 1_000_000;
  const rng = createRng(5, 0);
  let hits = 0;
  for (let i = 0; i < n; i++) if (rng.chance(0.3)) hits++;
  // SE = sqrt(0.3·0.7/1e6) = 4.58e-4; 4 SE = 1.83e-3.
  assert.ok(Math.abs(hits / n - 0.3) < 1.83e-3, `${hits / n}`);
  for (let i = 0; i < 1000; i++) {
    assert.equal(rng.chance(0), false);
    assert.equal(rng.chance(1), true);
  }
});

test('createRng rejects seeds and streams that are not integers in [0, 2^53]', () => {
  for (const bad of [-1, 0.5, 2 ** 53 + 2, Number.NaN, Infinity]) {
    assert.throws(() => createRng(bad, 0), RangeError);
    assert.throws(() => createRng(0, bad), RangeError);
  }
  assert.throws(() => new Rng(0, 0, 0, 0), RangeError);
});
