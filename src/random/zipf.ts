import type { Rng } from './rng.js';

/** log1p(t)/t, continuous at t = 0 (Taylor terms below 1e-8, where the quotient loses digits). */
function log1pOverT(t: number): number {
  return Math.abs(t) > 1e-8 ? Math.log1p(t) / t : 1 - t * (0.5 - t / 3);
}

/** expm1(t)/t, continuous at t = 0. */
function expm1OverT(t: number): number {
  return Math.abs(t) > 1e-8 ? Math.expm1(t) / t : 1 + t * (0.5 + t / 6);
}

/**
 * Zipf ranks 1..n with P(k) ∝ k^-s, s ≥ 0, by rejection-inversion (Hörmann & Derflinger 1996): invert the
 * integral H of the hat x^-s, round to a rank, accept with a squeeze or one extra H evaluation. O(1) expected
 * per sample (fewer than ~1.1 rounds for any s), O(1) memory whatever n, no table.
 */
export class ZipfSampler {
  readonly n: number;
  readonly s: number;
  /** H(1.5) − 1: the lower end of the sampled H range; rank 1 owns [H(1.5) − 1, H(1.5)), all accepted. */
  private readonly hLow: number;
  /** H(n + 0.5): the upper end of the sampled H range. */
  private readonly hHigh: number;
  /** Squeeze: a rank k with k − x ≤ squeeze is accepted without evaluating H. */
  private readonly squeeze: number;

  /** Sampler over ranks 1..n (integer n ≥ 1) with exponent s (finite, ≥ 0; s = 0 is uniform). */
  constructor(n: number, s: number) {
    if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`zipf n must be an integer >= 1; got ${n}`);
    if (!(s >= 0 && s < Infinity)) throw new RangeError(`zipf exponent must be finite and >= 0; got ${s}`);
    this.n = n;
    this.s = s;
    this.hLow = this.hIntegral(1.5) - 1;
    this.hHigh = this.hIntegral(n + 0.5);
    this.squeeze = 2 - this.hIntegralInverse(this.hIntegral(2.5) - this.h(2));
  }

  /** A rank in [1, n]. Uses 53-bit uniforms so that ranks far in the tail keep their exact probability. */
  sample(rng: Rng): number {
    const n = this.n;
    for (;;) {
      const u = this.hHigh + rng.nextDouble() * (this.hLow - this.hHigh);
      const x = this.hIntegralInverse(u);
      let k = Math.floor(x + 0.5);
      if (k < 1) k = 1;
      else if (k > n) k = n;
      // k − 0.5 ≤ x < k + 0.5 maps u into [H(k − ½), H(k + ½)); keeping its top h(k) gives P(k) ∝ k^-s exactly.
      if (k - x <= this.squeeze || u >= this.hIntegral(k + 0.5) - this.h(k)) return k;
    }
  }

  /** h(x) = x^-s. */
  private h(x: number): number {
    return Math.exp(-this.s * Math.log(x));
  }

  /** H(x) = ∫₁ˣ t^-s dt = (x^(1−s) − 1)/(1 − s), which is log x at s = 1; written to stay exact near s = 1. */
  private hIntegral(x: number): number {
    const logX = Math.log(x);
    return expm1OverT((1 - this.s) * logX) * logX;
  }

  /** H⁻¹(y) = (1 + (1 − s)·y)^(1/(1−s)), exp(y) at s = 1. */
  private hIntegralInverse(y: number): number {
    let t = y * (1 - this.s);
    // Rounding can push t a hair below −1 at the far end for s < 1; −1 is the true limit there.
    if (t < -1) t = -1;
    return Math.exp(log1pOverT(t) * y);
  }
}

/** Number of head ranks ceil(fraction·n), immune to the product landing a few ulps above an integer. */
function headCount(n: number, headFraction: number): number {
  const x = headFraction * n;
  return Math.min(n, Math.max(0, Math.ceil(x - x * 1e-12)));
}

function checkZipfArgs(n: number, headFraction: number): void {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`zipf n must be an integer >= 1; got ${n}`);
  if (!(headFraction >= 0 && headFraction <= 1)) throw new RangeError(`head fraction must be in [0, 1]; got ${headFraction}`);
}

/**
 * Exact share of Zipf(n, s) mass on ranks 1..ceil(headFraction·n), by direct summation (smallest terms first,
 * for accuracy). O(n): about 0.5 s at n = 1e7.
 */
export function zipfHeadShare(n: number, s: number, headFraction: number): number {
  checkZipfArgs(n, headFraction);
  if (!(s >= 0 && s < Infinity)) throw new RangeError(`zipf exponent must be finite and >= 0; got ${s}`);
  const k = headCount(n, headFraction);
  let tail = 0;
  for (let i = n; i > k; i--) tail += Math.exp(-s * Math.log(i));
  let head = 0;
  for (let i = k; i >= 1; i--) head += Math.exp(-s * Math.log(i));
  return head / (head + tail);
}

/**
 * The exponent s ≥ 0 that puts `share` of the mass on the top ceil(headFraction·n) ranks (for example
 * 0.8 on the top 20%), by bisection on zipfHeadShare, which increases with s. Accurate to 1e-9 in s;
 * costs about 35 summations of n terms (≈ 40 ms at n = 1e4). Throws RangeError when no s ≥ 0 reaches the share.
 */
export function zipfExponentForHeadShare(n: number, headFraction: number, share: number): number {
  checkZipfArgs(n, headFraction);
  const k = headCount(n, headFraction);
  const uniform = k / n;
  if (!(share >= uniform && (share < 1 || k === n) && share <= 1)) {
    throw new RangeError(`head share must be in [${uniform}, 1) for ${k} of ${n} ranks; got ${share}`);
  }
  if (share === uniform) return 0;
  let lo = 0;
  let hi = 1;
  while (zipfHeadShare(n, hi, headFraction) < share) {
    lo = hi;
    hi *= 2;
    if (hi > 1024) throw new RangeError(`head share ${share} needs a zipf exponent above 1024`);
  }
  while (hi - lo > 1e-9) {
    const mid = (lo + hi) / 2;
    if (zipfHeadShare(n, mid, headFraction) < share) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
