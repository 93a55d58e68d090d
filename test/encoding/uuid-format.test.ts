import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatUuidV4 } from '../../src/encoding/uuid.js';
import { createWords } from './seeded-words.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('formatUuidV4 writes the words big-endian as canonical lowercase UUID v4 text', () => {
  assert.equal(formatUuidV4(0, 0, 0, 0), '00000000-0000-4000-8000-000000000000');
  assert.equal(formatUuidV4(0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff), 'ffffffff-ffff-4fff-bfff-ffffffffffff');
  // Version and variant bits replace what the words held there; every other nibble is kept.
  assert.equal(formatUuidV4(0x01234567, 0x89abcdef, 0xfedcba98, 0x76543210), '01234567-89ab-4def-bedc-ba9876543210');
  // Signed int32 inputs are read as their uint32 bits.
  assert.equal(formatUuidV4(-1, -1, -1, -1), formatUuidV4(0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff));
});

test('100k random UUIDs all match the v4 pattern and are distinct, seed 1', () => {
  const next = createWords(1);
  const seen = new Set<string>();
  const variants = new Set<string>();
  for (let i = 0; i < 100_000; i++) {
    const u = formatUuidV4(next(), next(), next(), next());
    assert.match(u, UUID_V4);
    seen.add(u);
    variants.add(u[19]);
  }
  // 122 random bits: a collision among 1e5 has probability ~1e10 / 2^123, so any duplicate is a bug.
  assert.equal(seen.size, 100_000);
  // All four variant digits 8, 9, a, b occur: the two free variant bits come from the input.
  assert.deepEqual([...variants].sort(), ['8', '9', 'a', 'b']);
});

test('each random nibble of the UUID takes all 16 values, so no input bits are dropped, seed 2', () => {
  const next = createWords(2);
  const digits = Array.from({ length: 36 }, () => new Set<string>());
  for (let i = 0; i < 10_000; i++) {
    const u = formatUuidV4(next(), next(), next(), next());
    for (let p = 0; p < 36; p++) digits[p].add(u[p]);
  }
  for (let p = 0; p < 36; p++) {
    const expected = [8, 13, 18, 23].includes(p) ? 1 : p === 14 ? 1 : p === 19 ? 4 : 16;
    // 10k draws: a uniform nibble misses a value with probability 16·(15/16)^10000 ≈ 0.
    assert.equal(digits[p].size, expected, `position ${p}`);
  }
});
