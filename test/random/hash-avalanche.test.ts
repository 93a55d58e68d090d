import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hash32, hashUnit, hashUnitOpen } from '../../src/random/hash.js';
import { createRng } from '../../src/random/rng.js';
import { chiSquare, chiSquareCritical } from './stats.js';

const SAMPLES = 20_000;

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/**
 * Flips one input bit on SAMPLES random inputs and checks the strict avalanche criterion: every output bit
 * flips with probability 1/2, and on average 16 of the 32 bits flip.
 */
function checkAvalanche(label: string, bits: number, flip: (seed: number, id: number, salt: number, bit: number) => number): void {
  const rng = createRng(99, bits);
  const flips = new Float64Array(32);
  for (let bit = 0; bit < bits; bit++) {
    flips.fill(0);
    let total = 0;
    for (let i = 0; i < SAMPLES; i++) {
      const seed = rng.int(2 ** 32) + rng.int(2 ** 21) * 2 ** 32;
      const id = rng.int(2 ** 32) + rng.int(2 ** 8) * 2 ** 32;
      const salt = rng.int(2 ** 31);
      const diff = hash32(seed, id, salt) ^ flip(seed, id, salt, bit);
      total += popcount(diff);
      for (let o = 0; o < 32; o++) flips[o] += (diff >>> o) & 1;
    }
    // Flipped-bit count is Binomial(32, 1/2) per input: sd sqrt(8) = 2.83; SE of the mean 2.83/sqrt(2e4) = 0.02; 4 SE = 0.08.
    const mean = total / SAMPLES;
    assert.ok(Math.abs(mean - 16) < 0.08, `${label} bit ${bit}: ${mean} bits flip on average`);
    for (let o = 0; o < 32; o++) {
      // Each output bit flips with p = 1/2: SE sqrt(0.25/2e4) = 0.00354; 4 SE = 0.0141.
      const p = flips[o] / SAMPLES;
      assert.ok(Math.abs(p - 0.5) < 0.0141, `${label} bit ${bit} → output bit ${o}: flips with p = ${p}`);
    }
  }
}

/** x with bit b (0 ≤ b < 53) toggled, for non-negative integers up to 2^53. */
function toggle(x: number, b: number): number {
  const unit = 2 ** b;
  return Math.floor(x / unit) % 2 === 1 ? x - unit : x + unit;
}

test('flipping any of the 40 id bits flips each output bit with p = 0.5 ± 0.014 (2e4 random ids per bit)', () => {
  checkAvalanche('id', 40, (seed, id, salt, bit) => hash32(seed, toggle(id, bit), salt));
});

test('flipping any of the 53 seed bits or 32 salt bits also avalanches', () => {
  checkAvalanche('seed', 53, (seed, id, salt, bit) => hash32(toggle(seed, bit), id, salt));
  checkAvalanche('salt', 32, (seed, id, salt, bit) => hash32(seed, id, salt ^ (1 << bit)));
});

test('hashUnit over sequential ids 0..1e6 is uniform: chi-square over 64 buckets of its top and bottom bits', () => {
  const n = 1_000_000;
  const top = new Float64Array(64);
  const bottom = new Float64Array(64);
  for (let id = 0; id < n; id++) {
    const u = hashUnit(17, id, 3);
    assert.ok(u >= 0 && u < 1);
    top[Math.floor(u * 64)]++;
    bottom[hash32(17, id, 3) & 63]++;
  }
  const probs = new Float64Array(64).fill(1 / 64);
  // df = 63; critical value at z = 4 ≈ 118.4.
  assert.ok(chiSquare(top, probs, n) < chiSquareCritical(63));
  assert.ok(chiSquare(bottom, probs, n) < chiSquareCritical(63));
});

test('hash32 is a pure function and uses every word: ids past 2^32, seeds past 2^32 and salts all matter', () => {
  assert.equal(hash32(1, 2, 3), hash32(1, 2, 3));
  const h = hash32(1, 2, 3);
  for (const other of [hash32(1, 2 + 2 ** 32, 3), hash32(1 + 2 ** 32, 2, 3), hash32(1, 2, 4), hash32(2, 1, 3), hash32(3, 2, 1)]) {
    assert.notEqual(other, h);
  }
  let collisions = 0;
  const seen = new Set<number>();
  for (let id = 2 ** 40 - 100_000; id < 2 ** 40; id++) {
    const x = hash32(5, id, 0);
    assert.ok(Number.isInteger(x) && x >= 0 && x < 2 ** 32);
    if (seen.has(x)) collisions++;
    seen.add(x);
  }
  // Birthday bound: 1e5 values in 2^32 collide about 1e10/2/2^32 = 1.16 times (Poisson); 10 is beyond 4 SE.
  assert.ok(collisions < 10, `${collisions} collisions`);
});

test('hashUnitOpen stays strictly inside (0, 1) and tracks hashUnit within 2^-33', () => {
  for (let id = 0; id < 100_000; id++) {
    const u = hashUnitOpen(8, id, 1);
    assert.ok(u > 0 && u < 1);
    assert.ok(Math.abs(u - hashUnit(8, id, 1)) <= 2 ** -33);
  }
});
