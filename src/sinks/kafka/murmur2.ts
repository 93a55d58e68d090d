/**
 * Kafka's murmur2: the 32-bit MurmurHash2 variant of the Java client's `Utils.murmur2`
 * (seed 0x9747b28c), which the default partitioner applies to a record's serialised key.
 * Java works in wrapping signed 32-bit ints; Math.imul and `| 0` give the same bits here.
 */

const SEED = 0x9747b28c;
const M = 0x5bd1e995;
const R = 24;

/** Kafka's murmur2 of the first `length` bytes of `data` (all of it by default), as a signed 32-bit int. */
export function murmur2(data: Uint8Array, length: number = data.length): number {
  let h = (SEED ^ length) | 0;
  const bodyEnd = length & ~3;
  for (let i = 0; i < bodyEnd; i += 4) {
    // Little-endian word, as Java assembles it from four unsigned bytes.
    let k = data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
    k = Math.imul(k, M);
    k ^= k >>> R;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  // The Java tail is a fall-through switch on length % 4; the same steps as guards.
  const tail = length & 3;
  if (tail === 3) h ^= data[bodyEnd + 2] << 16;
  if (tail >= 2) h ^= data[bodyEnd + 1] << 8;
  if (tail >= 1) {
    h ^= data[bodyEnd];
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h;
}

/** Kafka's `Utils.toPositive`: clears the sign bit (not Math.abs, which differs for negative values). */
export function toPositive(n: number): number {
  return n & 0x7fffffff;
}
