import { hash32 } from '../../random/hash.js';
import { mix32 } from '../../random/mix.js';

const HEX_PAIRS: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Eight lowercase hex digits of a uint32. */
export function hex8(x: number): string {
  return HEX_PAIRS[x >>> 24] + HEX_PAIRS[(x >>> 16) & 255] + HEX_PAIRS[(x >>> 8) & 255] + HEX_PAIRS[x & 255];
}

/**
 * The 8-hex-digit suffix of one id kind (spec 004 §1: `PREFIX_[8-char-hex]`). A keyed bijection of the number
 * modulo 2^32 (add a seed-dependent key, then the mix32 bijection), so distinct numbers below 2^32 never share
 * a suffix, unlike a hash whose 32-bit values collide by the birthday bound after ~65k ids.
 */
export class IdFormatter {
  private readonly key: number;

  constructor(seed: number, salt: number) {
    this.key = hash32(seed, 0, salt);
  }

  /** Suffix of number n (an integer below 2^32). */
  hex(n: number): string {
    return hex8(mix32((n + this.key) | 0) >>> 0);
  }
}
