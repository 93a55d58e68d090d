/**
 * 32-bit integer mixing shared by the seeded streams, the stateless hashes and the permutation.
 * Everything here is a bijection on uint32 (xor-shift and odd multiply both are), so feeding distinct
 * words in keeps them distinct until the caller deliberately folds words together.
 */

/** 2^32, the modulus of every word operation here. */
export const TWO_POW_32 = 4294967296;

/**
 * Avalanche finaliser (Wellons' "lowbias32": xor-shift 16, multiply, xor-shift 15, multiply, xor-shift 16),
 * chosen over murmur3's fmix32 because its measured bias is lower for the same cost (two Math.imul).
 * Returns an int32 (use `>>> 0` for the unsigned value).
 */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  return x ^ (x >>> 16);
}

/** Low 32 bits of an integer |x| ≤ 2^53 (two's complement for negatives), as an int32. */
export function loWord(x: number): number {
  return x | 0;
}

/** High bits above 2^32 of an integer |x| ≤ 2^53 (floor division, so negatives stay distinct), as an int32. */
export function hiWord(x: number): number {
  return Math.floor(x / TWO_POW_32) | 0;
}

/** Whether `x` is an integer that loWord/hiWord split without loss (|x| ≤ 2^53). */
export function isSeedInteger(x: number): boolean {
  return Number.isInteger(x) && Math.abs(x) <= 9007199254740992;
}
