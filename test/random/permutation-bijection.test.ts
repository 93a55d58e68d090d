import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Permutation } from '../../src/random/permutation.js';

/** Asserts apply is a bijection on [0, n) and invert undoes it. */
function checkBijection(seed: number, n: number): Int32Array {
  const perm = new Permutation(seed, n);
  const image = new Int32Array(n);
  const seen = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const j = perm.apply(i);
    assert.ok(Number.isInteger(j) && j >= 0 && j < n, `apply(${i}) = ${j} outside [0, ${n})`);
    assert.equal(seen[j], 0, `apply hits ${j} twice`);
    seen[j] = 1;
    assert.equal(perm.invert(j), i);
    image[i] = j;
  }
  return image;
}

test('apply is a bijection on [0, n) and invert∘apply is the identity, for n = 1000 and n = 12345', () => {
  for (const seed of [0, 1, 2 ** 40 + 7]) {
    checkBijection(seed, 1000);
    checkBijection(seed, 12345);
  }
});

test('tiny and awkward sizes are bijections too: n = 1, 2, 3, 2^16, 2^16 + 1', () => {
  for (const n of [1, 2, 3, 65536, 65537]) checkBijection(9, n);
});

test('negative seeds (as from seed ^ salt) work, and seeds differing only above bit 32 give other permutations', () => {
  checkBijection(-123456789, 5000);
  const a = checkBijection(5, 5000);
  const b = checkBijection(5 + 2 ** 32, 5000);
  const c = checkBijection(6, 5000);
  let sameAB = 0;
  let sameAC = 0;
  for (let i = 0; i < 5000; i++) {
    if (a[i] === b[i]) sameAB++;
    if (a[i] === c[i]) sameAC++;
  }
  // Two independent random permutations agree at Poisson(1) points; 10 or more has probability ~1e-7.
  assert.ok(sameAB < 10 && sameAC < 10, `${sameAB}, ${sameAC}`);
});

test('n = 12345: the image is not correlated with the index (|Spearman r| < 4/sqrt(n))', () => {
  const n = 12345;
  const image = checkBijection(77, n);
  // Ranks are the values themselves: Spearman r = 1 − 6Σd²/(n(n²−1)); SE ≈ 1/sqrt(n − 1) = 0.009; 4 SE = 0.036.
  let sumD2 = 0;
  for (let i = 0; i < n; i++) sumD2 += (image[i] - i) ** 2;
  const r = 1 - (6 * sumD2) / (n * (n * n - 1));
  assert.ok(Math.abs(r) < 4 / Math.sqrt(n - 1), `${r}`);
});

test('large n up to 2^32 maps into range and inverts (spot checks)', () => {
  for (const n of [2 ** 31 + 11, 2 ** 32]) {
    const perm = new Permutation(3, n);
    for (const i of [0, 1, 12345, n - 2, n - 1]) {
      const j = perm.apply(i);
      assert.ok(Number.isInteger(j) && j >= 0 && j < n);
      assert.equal(perm.invert(j), i);
    }
  }
});

test('the constructor rejects sizes outside [1, 2^32] and non-integer seeds', () => {
  for (const n of [0, -1, 1.5, 2 ** 32 + 1, Number.NaN]) assert.throws(() => new Permutation(1, n), RangeError);
  for (const seed of [0.5, Number.NaN, 2 ** 54]) assert.throws(() => new Permutation(seed, 10), RangeError);
});
