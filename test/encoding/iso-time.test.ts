import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IsoTimeFormatter } from '../../src/encoding/iso-time.js';
import { createWords } from './seeded-words.js';

const YEAR_1970 = 0;
const YEAR_3000 = Date.UTC(3000, 0, 1);

/** Instants around which every field of the text rolls over, incl. leap days and centuries. */
const BOUNDARIES = [
  '1970-01-01T00:00:00.000Z', '1999-12-31T23:59:59.999Z', '2000-02-29T00:00:00.000Z', '2024-02-29T23:59:59.999Z',
  '2025-02-28T23:59:59.999Z', '2026-02-07T10:00:00.000Z', '2026-02-07T10:59:59.999Z', '2026-12-31T23:59:59.999Z',
  '2100-02-28T23:59:59.999Z', '2400-02-29T12:00:00.000Z', '2999-12-31T23:59:59.999Z',
].map((s) => Date.parse(s));

test('format equals toISOString on 1e6 random instants in 1970–2999, seed 3', () => {
  const next = createWords(3);
  const iso = new IsoTimeFormatter();
  for (let i = 0; i < 1_000_000; i++) {
    const ms = Math.floor(YEAR_1970 + ((next() * 2 ** 21 + (next() >>> 11)) / 2 ** 53) * (YEAR_3000 - YEAR_1970));
    assert.equal(iso.format(ms), new Date(ms).toISOString());
  }
});

test('format and formatSeconds equal toISOString across minute, hour, day, month, year and leap boundaries', () => {
  const iso = new IsoTimeFormatter();
  let checked = 0;
  for (const b of BOUNDARIES) {
    // Walk forward and backward through the boundary so both cache directions are exercised.
    for (const step of [1, -1]) {
      for (let d = -2_500; d <= 2_500; d += 7) {
        const ms = b + step * d;
        const want = new Date(ms).toISOString();
        assert.equal(iso.format(ms), want);
        assert.equal(iso.formatSeconds(ms), want.slice(0, 19) + 'Z');
        checked++;
      }
    }
  }
  assert.ok(checked > 7_000);
});

test('in-order timestamps (the hot path) match toISOString through a day in 997 ms steps', () => {
  const iso = new IsoTimeFormatter();
  const start = Date.parse('2026-02-07T23:00:00.000Z');
  for (let ms = start; ms < start + 2 * 3_600_000; ms += 997) assert.equal(iso.format(ms), new Date(ms).toISOString());
});

test('fractional milliseconds truncate like Date, and an invalid time throws RangeError like toISOString', () => {
  const iso = new IsoTimeFormatter();
  assert.equal(iso.format(1_770_458_400_123.9), new Date(1_770_458_400_123.9).toISOString());
  assert.equal(iso.formatSeconds(1_770_458_400_999.9), '2026-02-07T10:00:00Z');
  assert.throws(() => iso.format(NaN), RangeError);
  assert.throws(() => iso.formatSeconds(NaN), RangeError);
});

test('the first and last millisecond of every day from 1970 to 2999 format like toISOString', () => {
  const iso = new IsoTimeFormatter();
  for (let start = YEAR_1970; start < YEAR_3000; start += 86_400_000) {
    assert.equal(iso.format(start), new Date(start).toISOString());
    assert.equal(iso.formatSeconds(start + 86_399_999), new Date(start + 86_399_999).toISOString().slice(0, 19) + 'Z');
  }
});
