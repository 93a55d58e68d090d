import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OPTION_NAMES, optionRow } from '../../src/config/option-table.js';

const snake = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
/** The one exception: a repeatable flag reads as singular (`--knob a=1 --knob b=2` builds `knobs`). */
const SINGULAR_FLAGS: Readonly<Record<string, string>> = { knobs: '--knob' };
const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

test('an option has one name everywhere: env STREAMGEN_<UPPER_SNAKE>, config key, and flag', () => {
  for (const name of OPTION_NAMES) {
    const row = optionRow(name);
    if (row.env !== null) assert.equal(row.env, `STREAMGEN_${snake(name)}`, name);
    if (row.configKey !== null) assert.equal(row.configKey, row.section === 'kafka' ? `kafka.${name}` : name, name);
    assert.equal(row.flag, SINGULAR_FLAGS[name] ?? `--${kebab(name)}`, name);
  }
});

test('flags and env variables are unique, and every row documents itself', () => {
  const flags = OPTION_NAMES.map((n) => optionRow(n).flag);
  assert.equal(new Set(flags).size, flags.length);
  const envs = OPTION_NAMES.flatMap((n) => { const r = optionRow(n); return r.env === null ? [] : [r.env, ...r.envAliases]; });
  assert.equal(new Set(envs).size, envs.length);
  for (const name of OPTION_NAMES) {
    const row = optionRow(name);
    assert.ok(row.doc.length > 10 && row.defaultText.length > 0, name);
    assert.equal(row.valueName === '', row.kind === 'switch', name);
  }
});
