import type { Rng } from './rng.js';

/*
 * Continuous and discrete samplers over an Rng. None allocates; argument checks are left to the caller
 * (parameters come from validated configuration, and these run per event).
 */

/** log(k!) for k < LOG_FACTORIAL_TABLE_SIZE, summed once at load; Stirling's series covers the rest. */
const LOG_FACTORIAL_TABLE_SIZE = 256;
const logFactorialTable = new Float64Array(LOG_FACTORIAL_TABLE_SIZE);
for (let k = 1; k < LOG_FACTORIAL_TABLE_SIZE; k++) logFactorialTable[k] = logFactorialTable[k - 1] + Math.log(k);
const HALF_LOG_2PI = 0.9189385332046728;

/** log(k!) for an integer k ≥ 0; beyond the table, Stirling's series to 1/x⁵ (error < 1e-14 for k ≥ 256). */
function logFactorial(k: number): number {
  if (k < LOG_FACTORIAL_TABLE_SIZE) return logFactorialTable[k];
  const x = k + 1;
  const r = 1 / x;
  const r2 = r * r;
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + r * (1 / 12 - r2 * (1 / 360 - r2 / 1260));
}

/** Uniform in (0, 1]: safe under log. */
function openUniform(rng: Rng): number {
  return 1 - rng.next();
}

/**
 * Standard normal N(0, 1), Marsaglia's polar method. Each accepted pair yields two deviates; the second is
 * kept on the Rng itself (`normalSpare`), so the sequence stays a function of that Rng alone.
 * Uniforms have 32-bit resolution, which bounds |z| below about 9.4.
 */
export function sampleNormal(rng: Rng): number {
  if (rng.hasNormalSpare) {
    rng.hasNormalSpare = false;
    return rng.normalSpare;
  }
  let u: number;
  let v: number;
  let q: number;
  do {
    u = 2 * rng.next() - 1;
    v = 2 * rng.next() - 1;
    q = u * u + v * v;
  } while (q >= 1 || q === 0);
  const f = Math.sqrt((-2 * Math.log(q)) / q);
  rng.normalSpare = v * f;
  rng.hasNormalSpare = true;
  return u * f;
}

/** Log-normal: exp(mu + sigma·Z), so log of the result has mean mu and standard deviation sigma. */
export function sampleLogNormal(rng: Rng, mu: number, sigma: number): number {
  return Math.exp(mu + sigma * sampleNormal(rng));
}

/** Exponential with the given rate (mean 1/rate), by inversion. */
export function sampleExponential(rng: Rng, rate: number): number {
  return -Math.log(openUniform(rng)) / rate;
}

/** Gamma(shape ≥ 1, 1) by Marsaglia & Tsang (2000): a squeezed rejection from a cubed normal. */
function gammaAtLeastOne(rng: Rng, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = sampleNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = openUniform(rng);
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * Gamma with shape > 0 and scale (mean shape·scale). Shape < 1 uses the boost
 * Gamma(a) = Gamma(a + 1)·U^(1/a), which Marsaglia & Tsang give for that case.
 */
export function sampleGamma(rng: Rng, shape: number, scale: number): number {
  if (shape >= 1) return gammaAtLeastOne(rng, shape) * scale;
  return gammaAtLeastOne(rng, shape + 1) * Math.pow(openUniform(rng), 1 / shape) * scale;
}

/** log of a Gamma(shape, 1) deviate, computed in logs for shape < 1 so that tiny values do not underflow to 0. */
function logGamma(rng: Rng, shape: number): number {
  if (shape >= 1) return Math.log(gammaAtLeastOne(rng, shape));
  return Math.log(gammaAtLeastOne(rng, shape + 1)) + Math.log(openUniform(rng)) / shape;
}

/**
 * Beta(a, b), a, b > 0, as X/(X + Y) with X ~ Gamma(a), Y ~ Gamma(b). When a shape is below 1 the ratio is
 * taken in logs, since both gammas can underflow to 0 and give 0/0.
 */
export function sampleBeta(rng: Rng, a: number, b: number): number {
  if (a >= 1 && b >= 1) {
    const x = gammaAtLeastOne(rng, a);
    return x / (x + gammaAtLeastOne(rng, b));
  }
  const lx = logGamma(rng, a);
  const ly = logGamma(rng, b);
  return 1 / (1 + Math.exp(ly - lx));
}

/** Below this mean Poisson uses sequential inversion (O(lambda) per draw); above, PTRS. */
const POISSON_INVERSION_MAX = 10;

/**
 * Poisson(lambda), lambda ≥ 0, exact in distribution: sequential-search inversion for lambda < 10, and
 * Hörmann's transformed rejection with squeeze (PTRS, 1993) above, O(1) expected whatever lambda.
 */
export function samplePoisson(rng: Rng, lambda: number): number {
  if (lambda < POISSON_INVERSION_MAX) {
    if (!(lambda > 0)) return 0;
    let p = Math.exp(-lambda);
    let cdf = p;
    let k = 0;
    const u = rng.next();
    // p > 0 guard: when rounding leaves the cdf a hair below u near 1, stop once the terms vanish.
    while (u > cdf && p > 0) {
      k++;
      p *= lambda / k;
      cdf += p;
    }
    return k;
  }
  const sqrtLambda = Math.sqrt(lambda);
  const logLambda = Math.log(lambda);
  const b = 0.931 + 2.53 * sqrtLambda;
  const a = -0.059 + 0.02483 * b;
  const logInvAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.next() - 0.5;
    const v = openUniform(rng);
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b) <= -lambda + k * logLambda - logFactorial(k)) return k;
  }
}

/** Below this n·min(p, 1−p) binomial uses sequential inversion; above, BTRS. */
const BINOMIAL_INVERSION_MAX = 10;

/**
 * Binomial(n, p), integer n ≥ 0, p in [0, 1], exact in distribution: sequential-search inversion when
 * n·min(p, 1−p) < 10, else Hörmann's transformed rejection (BTRS, 1993); O(1) expected for large n·p.
 */
export function sampleBinomial(rng: Rng, n: number, p: number): number {
  if (!(p > 0) || n <= 0) return 0;
  if (p >= 1) return n;
  // Sample the rarer side and mirror, so both branches work with p ≤ 1/2.
  const flip = p > 0.5;
  const pp = flip ? 1 - p : p;
  const k = n * pp < BINOMIAL_INVERSION_MAX ? binomialInversion(rng, n, pp) : binomialBtrs(rng, n, pp);
  return flip ? n - k : k;
}

/** Binomial by sequential search from k = 0, O(n·p) steps; p ≤ 1/2. */
function binomialInversion(rng: Rng, n: number, p: number): number {
  const q = 1 - p;
  const ratio = p / q;
  let prob = Math.exp(n * Math.log1p(-p));
  let cdf = prob;
  let k = 0;
  const u = rng.next();
  while (u > cdf && k < n && prob > 0) {
    prob *= (ratio * (n - k)) / (k + 1);
    k++;
    cdf += prob;
  }
  return k;
}

/** Binomial by BTRS for n·p ≥ 10, p ≤ 1/2: the same transformed-rejection scheme as PTRS, with the binomial pmf. */
function binomialBtrs(rng: Rng, n: number, p: number): number {
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const logAlpha = Math.log((2.83 + 5.1 / b) * spq);
  const logPq = Math.log(p / q);
  const m = Math.floor((n + 1) * p);
  const h = logFactorial(m) + logFactorial(n - m);
  for (;;) {
    const u = rng.next() - 0.5;
    const v = openUniform(rng);
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    if (Math.log(v) + logAlpha - Math.log(a / (us * us) + b) <= h - logFactorial(k) - logFactorial(n - k) + (k - m) * logPq) return k;
  }
}
