import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quoteJsonString } from '../../src/encoding/json-string.js';
import { createWords } from './seeded-words.js';

const TRICKY = [
  '', 'plain', 'v_123', 'with space', 'quote"inside', 'back\\slash', 'tab\there', 'nl\n', 'cr\r', '\u0000', '\u001f',
  '\u007f', '\u2028\u2029', 'café', '日本語', '😀', 'a😀b', '\ud83d', '\ude00', 'x\ud83dy', '\ude00\ud83d', '\ud83d\ud83d\ude00',
  'end high\ud800', '"', '\\', '</script>', 'x'.repeat(10_000), 'x'.repeat(10_000) + '"',
];

test('quoteJsonString equals JSON.stringify on escapes, controls, non-ASCII and lone or paired surrogates', () => {
  for (const s of TRICKY) assert.equal(quoteJsonString(s), JSON.stringify(s), JSON.stringify(s));
});

test('quoteJsonString equals JSON.stringify on 100k random strings drawn from a tricky alphabet, seed 4', () => {
  const alphabet = ['a', 'Z', '0', ' ', '"', '\\', '\n', '\u0001', '\u001f', 'é', '€', '\ud83d', '\ude00', '\udbff', '\udc00'];
  const next = createWords(4);
  for (let i = 0; i < 100_000; i++) {
    let s = '';
    const len = next() % 12;
    // Mostly safe characters, so the fast path is exercised as well as the fallback.
    for (let k = 0; k < len; k++) s += next() % 4 === 0 ? alphabet[next() % alphabet.length] : alphabet[next() % 4];
    assert.equal(quoteJsonString(s), JSON.stringify(s));
  }
});
