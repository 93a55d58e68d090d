import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { OPTION_NAMES, displayFlag, optionRow } from '../../src/config/option-table.js';
import { CLI_DOC, renderCliReference, withReference } from '../../src/cli/cli-doc.js';
import { COMMANDS } from '../../src/cli/commands.js';

const doc = readFileSync(CLI_DOC, 'utf8');

test('the generated part of docs/cli.md matches the command and option tables (run `node dist/src/cli/cli-doc.js` after a change)', () => {
  assert.equal(doc, withReference(doc, renderCliReference()));
});

test('docs/cli.md mentions every flag and environment variable of the options table', () => {
  const missing = OPTION_NAMES.flatMap((name) => {
    const row = optionRow(name);
    return [displayFlag(row), ...(row.env === null ? [] : [row.env, ...row.envAliases])].filter((word) => !doc.includes(`\`${word}`));
  });
  assert.deepEqual(missing, []);
});

test('docs/cli.md has a section for every command', () => {
  for (const c of COMMANDS) assert.ok(doc.includes(`### \`streamgen ${c.name}`), c.name);
});
