import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../../src/random/rng.js';
import { ZipfSampler, zipfExponentForHeadShare, zipfHeadShare } from '../../src/random/zipf.js';
import { chiSquare, chiSquareCritical } from './stats.js';

/** Exact Zipf pmf over ranks 1..n, index k − 1. */
function zipfPmf(n: number, s: number): Float64Array {
  const p = new Float64Array(n);
  let total = 0;
  for (let k = n; k >= 1; k--) total += (p[k - 1] = k ** -s);
  for (let k = 0; k < n; k++) p[k] /= total;
  return p;
}

for (const s of [0, 0.8, 1.0, 1.2, 2.5]) {
  test(`zipf n = 1000, s = ${s}: rank frequencies over 1e6 draws match the exact pmf (chi-square, z = 4)`, () => {
    const n = 1000;
    const draws = 1_000_000;
    const zipf = new ZipfSampler(n, s);
    const rng = createRng(21, Math.round(s * 10));
    const counts = new Float64Array(n);
    for (let i = 0; i < draws; i++) {
      const k = zipf.sample(rng);
      assert.ok(Number.isInteger(k) && k >= 1 && k <= n);
      counts[k - 1]++;
    }
    const pmf = zipfPmf(n, s);
    // Cells need an expected count ≥ 5. Only s = 2.5 falls short (1e6·p(1000) ≈ 0.024): its ranks beyond 117 are
    // pooled into one cell; the other exponents keep all 1000 cells.
    let cells = n;
    while (pmf[cells - 1] * draws < 5) cells--;
    const observed = Array.from(counts.subarray(0, cells));
    const probs = Array.from(pmf.subarray(0, cells));
    if (cells < n) {
      observed.push(counts.subarray(cells).reduce((a, b) => a + b, 0));
      probs.push(pmf.subarray(cells).reduce((a, b) => a + b, 0));
    }
    // Critical value at z = 4 (Wilson–Hilferty): ≈ 1188 for df = 999, ≈ 189 for df = 117 (s = 2.5).
    const stat = chiSquare(observed, probs, draws);
    assert.ok(stat < chiSquareCritical(observed.length - 1), `chi-square ${stat} over ${observed.length} cells`);
    // Top rank: SE of its frequency is sqrt(p(1−p)/1e6) ≤ 5e-4; 4 SE ≤ 2e-3.
    assert.ok(Math.abs(counts[0] / draws - pmf[0]) < 4 * Math.sqrt((pmf[0] * (1 - pmf[0])) / draws));
  });
}

test('zipf n = 1e6, s = 1.1: the top 20% of ranks get zipfHeadShare of 1e6 draws (± 4 SE)', () => {
  const n = 1_000_000;
  const draws = 1_000_000;
  const zipf = new ZipfSampler(n, 1.1);
  const rng = createRng(22, 0);
  let head = 0;
  for (let i = 0; i < draws; i++) if (zipf.sample(rng) <= 200_000) head++;
  const share = zipfHeadShare(n, 1.1, 0.2);
  // Binomial SE = sqrt(share(1 − share)/1e6) ≈ 2.2e-4 at share ≈ 0.95; 4 SE ≈ 9e-4.
  assert.ok(Math.abs(head / draws - share) < 4 * Math.sqrt((share * (1 - share)) / draws), `${head / draws} vs ${share}`);
});

test('zipf stays in [1, n] for n = 1 and n = 2^31 with s below, at and above 1', () => {
  const rng = createRng(23, 0);
  for (const s of [0.5, 1, 1.5]) {
    const one = new ZipfSampler(1, s);
    const huge = new ZipfSampler(2 ** 31, s);
    for (let i = 0; i < 10_000; i++) {
      assert.equal(one.sample(rng), 1);
      const k = huge.sample(rng);
      assert.ok(Number.isInteger(k) && k >= 1 && k <= 2 ** 31);
    }
  }
  assert.throws(() => new ZipfSampler(0, 1), RangeError);
  assert.throws(() => new ZipfSampler(10, -0.1), RangeError);
  assert.throws(() => new ZipfSampler(10, Number.NaN), RangeError);
});

test('zipfHeadShare(10000, 1, 0.2) is H(2000)/H(10000) ≈ 0.83558', () => {
  const harmonic = (m: number): number => {
    let h = 0;
    for (let i = m; i >= 1; i--) h += 1 / i;
    return h;
  };
  const share = zipfHeadShare(10_000, 1, 0.2);
  assert.ok(Math.abs(share - harmonic(2000) / harmonic(10_000)) < 1e-12);
  assert.ok(Math.abs(share - 0.83558) < 1e-5);
  assert.equal(zipfHeadShare(1000, 0, 0.2), 0.2); // s = 0 is uniform
  // 1 + 1/4 + 1/9 over Σ_{k≤10} 1/k² = 1.5497677…; ceil(0.25·10) = 3 head ranks.
  assert.ok(Math.abs(zipfHeadShare(10, 2, 0.25) - (1 + 1 / 4 + 1 / 9) / 1.5497677311665408) < 1e-12);
});

test('zipfExponentForHeadShare inverts zipfHeadShare: 80% on the top 20% of 10000 items', () => {
  const s = zipfExponentForHeadShare(10_000, 0.2, 0.8);
  // s = 1 gives 0.8356 (above), so the 80/20 exponent is a little below 1.
  assert.ok(s > 0.9 && s < 1, `${s}`);
  assert.ok(Math.abs(zipfHeadShare(10_000, s, 0.2) - 0.8) < 1e-8);
  for (const [n, fraction, share] of [[1000, 0.1, 0.5], [5000, 0.01, 0.9], [100, 0.5, 0.6]]) {
    const e = zipfExponentForHeadShare(n, fraction, share);
    assert.ok(Math.abs(zipfHeadShare(n, e, fraction) - share) < 1e-8, `(${n}, ${fraction}, ${share}) → ${e}`);
  }
  assert.equal(zipfExponentForHeadShare(1000, 0.2, 0.2), 0);
  assert.throws(() => zipfExponentForHeadShare(1000, 0.2, 0.1), RangeError); // below the uniform share
  assert.throws(() => zipfExponentForHeadShare(1000, 0.2, 1), RangeError); // needs s = ∞
});
