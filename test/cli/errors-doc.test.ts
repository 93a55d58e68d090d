import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ERROR_CATALOGUE } from '../../src/errors.js';

const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
/** Codes in the first column of the table in docs/errors.md. */
const documented = [...doc.matchAll(/^\| `(SG_ERR_[A-Z_]+)` \|/gm)].map((m) => m[1]);

test('every catalogue code has a row in docs/errors.md', () => {
  const missing = Object.keys(ERROR_CATALOGUE).filter((code) => !documented.includes(code));
  assert.deepEqual(missing, []);
});

test('every code documented in docs/errors.md exists in the catalogue, once', () => {
  assert.deepEqual(documented.filter((code) => !Object.hasOwn(ERROR_CATALOGUE, code)), []);
  assert.equal(new Set(documented).size, documented.length);
});

test('each row of docs/errors.md has a meaning and what to do', () => {
  for (const line of doc.split('\n').filter((l) => l.startsWith('| `SG_ERR_'))) {
    const cells = line.split(' | ').map((c) => c.replace(/^\| |\|$/g, '').trim());
    assert.equal(cells.length, 3, line);
    assert.ok(cells[1].length > 10 && cells[2].length > 10, line);
  }
});
