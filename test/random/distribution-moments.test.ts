import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  sampleBeta,
  sampleBinomial,
  sampleExponential,
  sampleGamma,
  sampleLogNormal,
  sampleNormal,
  samplePoisson,
} from '../../src/random/distributions.js';
import { type Rng, createRng } from '../../src/random/rng.js';
import { chiSquare, chiSquareCritical, moments } from './stats.js';

const N = 1_000_000;

function draw(stream: number, sample: (rng: Rng) => number): Float64Array {
  const rng = createRng(31, stream);
  const xs = new Float64Array(N);
  for (let i = 0; i < N; i++) xs[i] = sample(rng);
  return xs;
}

/**
 * Sample mean and variance within 4 standard errors of theory over N = 1e6 draws:
 * SE(mean) = σ/√N and SE(variance) = σ²·√((2 + excess kurtosis)/N).
 */
function checkMoments(label: string, xs: Float64Array, mean: number, variance: number, excessKurtosis: number): void {
  const got = moments(xs);
  const seMean = Math.sqrt(variance / N);
  const seVar = variance * Math.sqrt((2 + excessKurtosis) / N);
  assert.ok(Math.abs(got.mean - mean) < 4 * seMean, `${label}: mean ${got.mean}, expected ${mean} ± ${4 * seMean}`);
  assert.ok(Math.abs(got.variance - variance) < 4 * seVar, `${label}: variance ${got.variance}, expected ${variance} ± ${4 * seVar}`);
}

test('normal: mean 0 ± 0.004 and variance 1 ± 0.0057 over 1e6 draws', () => {
  // SE(mean) = 1/1000; SE(var) = √(2/1e6) = 0.00141.
  checkMoments('normal', draw(1, sampleNormal), 0, 1, 0);
});

test('normal: the polar pair is not correlated within or across pairs (|mean of xy| < 0.0057, n = 5e5 pairs)', () => {
  const xs = draw(2, sampleNormal);
  let within = 0;
  let across = 0;
  for (let i = 0; i + 2 < N; i += 2) {
    within += xs[i] * xs[i + 1];
    across += xs[i + 1] * xs[i + 2];
  }
  // E[xy] = 0 with SE 1/√5e5 = 0.00141 for unit normals; 4 SE = 0.0057.
  assert.ok(Math.abs(within / (N / 2)) < 0.0057);
  assert.ok(Math.abs(across / (N / 2)) < 0.0057);
});

test('log-normal(mu 1.5, sigma 0.7): log has mean 1.5 ± 0.0028 and sd 0.7 ± 0.002 over 1e6 draws', () => {
  const logs = draw(3, (rng) => sampleLogNormal(rng, 1.5, 0.7));
  for (let i = 0; i < N; i++) {
    assert.ok(logs[i] > 0);
    logs[i] = Math.log(logs[i]);
  }
  const got = moments(logs);
  // SE(mean) = 0.7/1000 = 7e-4; SE(sd) = 0.7/√(2·1e6) = 4.95e-4.
  assert.ok(Math.abs(got.mean - 1.5) < 4 * 7e-4, `${got.mean}`);
  assert.ok(Math.abs(Math.sqrt(got.variance) - 0.7) < 4 * 4.95e-4, `${Math.sqrt(got.variance)}`);
});

test('exponential(rate 4): mean 0.25 and variance 0.0625 within 4 SE over 1e6 draws', () => {
  // Excess kurtosis 6: SE(var) = 0.0625·√(8/1e6) = 1.77e-4; SE(mean) = 0.25/1000.
  const xs = draw(4, (rng) => sampleExponential(rng, 4));
  assert.ok(xs.every((x) => x >= 0 && Number.isFinite(x)));
  checkMoments('exponential', xs, 0.25, 0.0625, 6);
});

for (const shape of [0.5, 2, 9]) {
  test(`gamma(shape ${shape}, scale 3): mean ${3 * shape} and variance ${9 * shape} within 4 SE over 1e6 draws`, () => {
    // Mean k·θ, variance k·θ², excess kurtosis 6/k: at k = 0.5 SE(var) = 4.5·√(14/1e6) = 0.0168.
    const xs = draw(10 + shape * 2, (rng) => sampleGamma(rng, shape, 3));
    assert.ok(xs.every((x) => x >= 0 && Number.isFinite(x)));
    checkMoments(`gamma(${shape})`, xs, 3 * shape, 9 * shape, 6 / shape);
  });
}

for (const [index, [a, b]] of [[2, 5], [0.5, 0.5], [0.2, 3]].entries()) {
  test(`beta(${a}, ${b}): mean and variance within 4 SE over 1e6 draws, all draws in [0, 1]`, () => {
    const mean = a / (a + b);
    const variance = (a * b) / ((a + b) ** 2 * (a + b + 1));
    // Beta excess kurtosis 6[(a−b)²(a+b+1) − ab(a+b+2)] / [ab(a+b+2)(a+b+3)]; −0.12 for (2, 5), −1.5 for (½, ½).
    const excess = (6 * ((a - b) ** 2 * (a + b + 1) - a * b * (a + b + 2))) / (a * b * (a + b + 2) * (a + b + 3));
    const xs = draw(20 + index, (rng) => sampleBeta(rng, a, b));
    assert.ok(xs.every((x) => x >= 0 && x <= 1));
    checkMoments(`beta(${a}, ${b})`, xs, mean, variance, excess);
  });
}

for (const lambda of [3, 12, 1000, 1e6]) {
  test(`poisson(${lambda}): mean and variance ${lambda} within 4 SE over 1e6 draws`, () => {
    // Excess kurtosis 1/λ: SE(var) = λ·√((2 + 1/λ)/1e6), e.g. 1000·0.001414 = 1.41 at λ = 1000; SE(mean) = √λ/1000.
    const xs = draw(40 + lambda, (rng) => samplePoisson(rng, lambda));
    assert.ok(xs.every((x) => Number.isInteger(x) && x >= 0));
    checkMoments(`poisson(${lambda})`, xs, lambda, lambda, 1 / lambda);
  });
}

/** log(k!) by summation, independent of the library's table and Stirling series. */
function logFactorial(k: number): number {
  let s = 0;
  for (let i = 2; i <= k; i++) s += Math.log(i);
  return s;
}

/** Chi-square of integer draws against a pmf over cells lo..hi, each tail below lo and above hi pooled into one cell. */
function checkPmf(label: string, xs: Float64Array, pmf: (k: number) => number, lo: number, hi: number): void {
  const observed: number[] = [];
  const probs: number[] = [];
  let below = 0;
  let belowP = 0;
  for (let k = 0; k < lo; k++) belowP += pmf(k);
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  for (const [k, c] of counts) if (k < lo) below += c;
  if (lo > 0) {
    observed.push(below);
    probs.push(belowP);
  }
  let cumulative = belowP;
  for (let k = lo; k <= hi; k++) {
    observed.push(counts.get(k) ?? 0);
    probs.push(pmf(k));
    cumulative += pmf(k);
  }
  let above = 0;
  for (const [k, c] of counts) if (k > hi) above += c;
  observed.push(above);
  probs.push(Math.max(0, 1 - cumulative));
  const stat = chiSquare(observed, probs, xs.length);
  assert.ok(stat < chiSquareCritical(observed.length - 1), `${label}: chi-square ${stat} over ${observed.length} cells`);
}

test('poisson(3) (inversion) and poisson(12) (PTRS) match the exact pmf over 1e6 draws (chi-square, z = 4)', () => {
  for (const [lambda, hi] of [[3, 12], [12, 28]]) {
    const xs = draw(60 + lambda, (rng) => samplePoisson(rng, lambda));
    const pmf = (k: number): number => Math.exp(-lambda + k * Math.log(lambda) - logFactorial(k));
    // Cells 0..hi plus the pooled upper tail (expected ≥ 13): df = hi + 1, critical at z = 4 ≈ 46.1 (λ = 3), ≈ 70.2 (λ = 12).
    checkPmf(`poisson(${lambda})`, xs, pmf, 0, hi);
  }
});

for (const [index, [n, p]] of [[20, 0.3], [1000, 0.4], [1000, 0.9], [1e7, 0.3], [1e9, 2e-9]].entries()) {
  test(`binomial(${n}, ${p}): mean and variance within 4 SE over 1e6 draws`, () => {
    const q = 1 - p;
    // Mean np, variance npq, excess kurtosis (1 − 6pq)/(npq).
    const xs = draw(70 + index, (rng) => sampleBinomial(rng, n, p));
    assert.ok(xs.every((x) => Number.isInteger(x) && x >= 0 && x <= n));
    checkMoments(`binomial(${n}, ${p})`, xs, n * p, n * p * q, (1 - 6 * p * q) / (n * p * q));
  });
}

test('binomial(20, 0.3) (inversion) and binomial(100, 0.2) (BTRS) match the exact pmf over 1e6 draws', () => {
  for (const [n, p, lo, hi] of [[20, 0.3, 0, 13], [100, 0.2, 7, 35]]) {
    const xs = draw(80 + n, (rng) => sampleBinomial(rng, n, p));
    const pmf = (k: number): number =>
      k < 0 || k > n ? 0 : Math.exp(logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log1p(-p));
    // Cells lo..hi plus the pooled tails: df = 14 (critical ≈ 46.1) for (20, 0.3) with lo = 0; df = 30 (≈ 71.7) for (100, 0.2).
    checkPmf(`binomial(${n}, ${p})`, xs, pmf, lo, hi);
  }
});

test('degenerate parameters give the point mass: poisson(0), binomial with p = 0, p = 1 or n = 0', () => {
  const rng = createRng(32, 0);
  for (let i = 0; i < 1000; i++) {
    assert.equal(samplePoisson(rng, 0), 0);
    assert.equal(sampleBinomial(rng, 50, 0), 0);
    assert.equal(sampleBinomial(rng, 50, 1), 50);
    assert.equal(sampleBinomial(rng, 0, 0.5), 0);
  }
});

test('the same Rng state gives the same draws whatever the sampler mix (the normal spare lives on the Rng)', () => {
  const run = (): number[] => {
    const rng = createRng(33, 0);
    const out: number[] = [];
    for (let i = 0; i < 1000; i++) out.push(sampleNormal(rng), sampleGamma(rng, 0.7, 1), samplePoisson(rng, 50), rng.next());
    return out;
  };
  assert.deepEqual(run(), run());
});
