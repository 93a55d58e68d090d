import { TWO_POW_32, mix32 } from './mix.js';

const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/**
 * Folds one 32-bit word into the running hash, murmur3-style: pre-scramble the word (multiply, rotate,
 * multiply) so that neighbouring inputs differ in many bits, xor it in, then rotate-multiply-add the state.
 */
function absorb(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/**
 * Stateless uint32 hash of (seed, id, salt) for entity attributes: the same triple always gives the same value.
 * seed and id are non-negative integers up to 2^53 (both 32-bit halves are hashed), salt an integer that
 * fits in 32 bits. Every input bit flips each output bit with probability ≈ 1/2 (tested).
 */
export function hash32(seed: number, id: number, salt: number): number {
  // `x / 2^32 >>> 0` truncates, which for non-negative x is the high word without a Math.floor call.
  let h = absorb(0x2545f491, seed | 0);
  h = absorb(h, (seed / TWO_POW_32) >>> 0);
  h = absorb(h, salt | 0);
  h = absorb(h, id | 0);
  h = absorb(h, (id / TWO_POW_32) >>> 0);
  return mix32(h) >>> 0;
}

/** hash32 mapped to [0, 1): a multiple of 2^-32, possibly exactly 0. */
export function hashUnit(seed: number, id: number, salt: number): number {
  return hash32(seed, id, salt) * TWO_POW_MINUS_32;
}

/** hash32 mapped to the open interval (0, 1): (h + 1/2)·2^-32, so safe under log and 1/x. */
export function hashUnitOpen(seed: number, id: number, salt: number): number {
  return (hash32(seed, id, salt) + 0.5) * TWO_POW_MINUS_32;
}
