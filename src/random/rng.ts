import { TWO_POW_32, hiWord, isSeedInteger, loWord, mix32 } from './mix.js';

const TWO_POW_MINUS_32 = 2.3283064365386963e-10;
const TWO_POW_MINUS_53 = 1.1102230246251565e-16;
const TWO_POW_26 = 67108864;

/**
 * A seeded stream of uniform random numbers: xoshiro128** (Blackman & Vigna 2018).
 *
 * Why this generator: it passes BigCrush and PractRand, its 128-bit state is one cycle of period 2^128 − 1
 * (so streams seeded at distinct states never share a short cycle, unlike sfc32 whose cycles vary in length),
 * and one step is 32-bit xor/shift/rotate plus two Math.imul, which V8 keeps in int32 registers. The state
 * lives in four int32 fields (fixed shape, no typed-array bounds checks); nothing allocates per call.
 *
 * Build one with `createRng(seed, stream)`; the constructor takes raw state words.
 */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  /** Whether `normalSpare` holds the unused second deviate of a polar-method pair (owned by sampleNormal). */
  hasNormalSpare: boolean;
  /** The pending second standard-normal deviate; meaningful only while `hasNormalSpare`. */
  normalSpare: number;

  /** Start from four raw state words (not all zero); `createRng` is the usual way in. */
  constructor(s0: number, s1: number, s2: number, s3: number) {
    if ((s0 | s1 | s2 | s3) === 0) throw new RangeError('xoshiro128** state must not be all zero');
    this.s0 = s0 | 0;
    this.s1 = s1 | 0;
    this.s2 = s2 | 0;
    this.s3 = s3 | 0;
    this.hasNormalSpare = false;
    this.normalSpare = 0;
  }

  /** Uniform uint32 in [0, 2^32). */
  nextU32(): number {
    const s0 = this.s0;
    const s1 = this.s1;
    const s2 = this.s2 ^ s0;
    const s3 = this.s3 ^ s1;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9);
    this.s0 = s0 ^ s3;
    this.s1 = s1 ^ s2;
    this.s2 = s2 ^ (s1 << 9);
    this.s3 = (s3 << 11) | (s3 >>> 21);
    return result >>> 0;
  }

  /** Uniform in [0, 1) with 32-bit resolution: a multiple of 2^-32, at most 1 − 2^-32; one nextU32 per call. */
  next(): number {
    return this.nextU32() * TWO_POW_MINUS_32;
  }

  /** Uniform in [0, 1) with full 53-bit resolution: a multiple of 2^-53; two nextU32 per call. */
  nextDouble(): number {
    const hi = this.nextU32() >>> 5;
    const lo = this.nextU32() >>> 6;
    return (hi * TWO_POW_26 + lo) * TWO_POW_MINUS_53;
  }

  /**
   * Uniform integer in [0, n) for an integer 1 ≤ n ≤ 2^32, exactly unbiased (Lemire 2019, "nearly divisionless":
   * a division happens only when the low word lands in the first n values, probability < n/2^32).
   */
  int(n: number): number {
    let x = this.nextU32();
    // Low 32 bits of the 64-bit product x·n, exact through imul (n = 2^32 wraps to 0, which is also right).
    let lo = Math.imul(x, n) >>> 0;
    if (lo < n) {
      const threshold = (TWO_POW_32 - n) % n;
      while (lo < threshold) {
        x = this.nextU32();
        lo = Math.imul(x, n) >>> 0;
      }
    }
    // High word: x·n in doubles is off by at most 2^12 from the exact product hi·2^32 + lo, far below 2^31,
    // so rounding recovers hi exactly.
    return Math.round((x * n - lo) * TWO_POW_MINUS_32);
  }

  /** True with probability p (p ≤ 0 never, p ≥ 1 always; resolution 2^-32). */
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/**
 * An independent stream for (seed, stream), both integers in [0, 2^53].
 * The four state words come from a splitmix-style mixer over the seed's and the stream's 32-bit halves: two
 * rounds in which each word adds its neighbour and is remixed by mix32, so every state bit depends on every
 * input bit. Each step is a bijection of the 128-bit tuple, so distinct pairs start at distinct points of the
 * single 2^128 − 1 cycle; S streams of L draws each overlap with probability below S²·L/2^128.
 */
export function createRng(seed: number, stream: number): Rng {
  if (!isSeedInteger(seed) || seed < 0) throw new RangeError(`seed must be an integer in [0, 2^53]; got ${seed}`);
  if (!isSeedInteger(stream) || stream < 0) throw new RangeError(`stream must be an integer in [0, 2^53]; got ${stream}`);
  // Distinct odd constants (golden-ratio Weyl steps) so that (0, 0) does not start from the all-zero tuple.
  let a = loWord(seed) ^ 0x9e3779b9;
  let b = hiWord(seed) ^ 0x3c6ef372;
  let c = loWord(stream) ^ 0xdaa66d2b;
  let d = hiWord(stream) ^ 0x78dde6e4;
  for (let pass = 0; pass < 2; pass++) {
    a = mix32((a + d) | 0);
    b = mix32((b + a) | 0);
    c = mix32((c + b) | 0);
    d = mix32((d + c) | 0);
  }
  // Exactly one 128-bit input maps to the forbidden all-zero state; nudge it (a single, astronomically unlikely pair).
  if ((a | b | c | d) === 0) d = 1;
  return new Rng(a, b, c, d);
}
