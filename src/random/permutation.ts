import { TWO_POW_32, hiWord, isSeedInteger, loWord, mix32 } from './mix.js';

/** Feistel rounds; four suffice for a pseudo-random permutation with random round functions (Luby–Rackoff),
 * two more give margin on tiny domains, where each round function sees only a few distinct inputs. */
const ROUNDS = 6;

/**
 * A seeded pseudo-random bijection on [0, n), n ≤ 2^32, without a table: a balanced Feistel network on the
 * smallest even bit width covering n, with cycle walking to stay inside [0, n). The covering domain is
 * under 4n, so apply and invert take fewer than 4 network passes on average. Nothing allocates per call.
 */
export class Permutation {
  readonly n: number;
  private readonly halfBits: number;
  private readonly mask: number;
  private readonly keys: Int32Array;

  /** The permutation of [0, n) selected by `seed` (any integer with |seed| ≤ 2^53; n an integer in [1, 2^32]). */
  constructor(seed: number, n: number) {
    if (!isSeedInteger(seed)) throw new RangeError(`permutation seed must be an integer with |seed| <= 2^53; got ${seed}`);
    if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) throw new RangeError(`permutation size must be an integer in [1, 2^32]; got ${n}`);
    this.n = n;
    let bits = 0;
    while (2 ** bits < n) bits++;
    this.halfBits = Math.max(1, Math.ceil(bits / 2));
    this.mask = (1 << this.halfBits) - 1;
    this.keys = new Int32Array(ROUNDS);
    // Both seed halves feed every round key, so seeds that differ only above bit 32 still differ.
    const base = mix32((mix32(loWord(seed) ^ 0x5bd1e995) + hiWord(seed)) | 0);
    for (let r = 0; r < ROUNDS; r++) this.keys[r] = mix32((base + Math.imul(r + 1, 0x9e3779b9)) | 0);
  }

  /** The image of i ∈ [0, n). */
  apply(i: number): number {
    let x = this.encrypt(i);
    while (x >= this.n) x = this.encrypt(x);
    return x;
  }

  /** The j' with apply(j') = j, for j ∈ [0, n). */
  invert(j: number): number {
    let x = this.decrypt(j);
    while (x >= this.n) x = this.decrypt(x);
    return x;
  }

  /** One pass of the Feistel network on [0, 2^(2·halfBits)). */
  private encrypt(x: number): number {
    const h = this.halfBits;
    const mask = this.mask;
    const keys = this.keys;
    let left = (x >>> h) & mask;
    let right = x & mask;
    for (let r = 0; r < ROUNDS; r++) {
      const next = left ^ (mix32(right ^ keys[r]) & mask);
      left = right;
      right = next;
    }
    return ((left << h) | right) >>> 0;
  }

  /** The inverse pass: the rounds in reverse order. */
  private decrypt(x: number): number {
    const h = this.halfBits;
    const mask = this.mask;
    const keys = this.keys;
    let left = (x >>> h) & mask;
    let right = x & mask;
    for (let r = ROUNDS - 1; r >= 0; r--) {
      const prev = right ^ (mix32(left ^ keys[r]) & mask);
      right = left;
      left = prev;
    }
    return ((left << h) | right) >>> 0;
  }
}
