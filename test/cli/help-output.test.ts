import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { displayFlag, optionRow } from '../../src/config/option-table.js';
import { COMMANDS } from '../../src/cli/commands.js';

const CLI = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));
const cli = (args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8', timeout: 60_000 });

test('streamgen --help lists every command and exits 0', () => {
  const r = cli(['--help']);
  assert.equal(r.status, 0);
  for (const c of COMMANDS) assert.match(r.stdout, new RegExp(`^  ${c.name} `, 'm'));
});

test('each command --help (and help <command>) lists every flag the command accepts, with -h as an alias', () => {
  for (const c of COMMANDS) {
    const r = cli([c.name, '--help']);
    assert.equal(r.status, 0, r.stderr);
    for (const name of c.options) assert.ok(r.stdout.includes(`  ${displayFlag(optionRow(name))}`), `${c.name}: ${name}`);
    assert.equal(cli(['help', c.name]).stdout, r.stdout);
    assert.equal(cli([c.name, '-h']).stdout, r.stdout);
  }
});

test('streamgen --version prints the package version', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  const r = cli(['--version']);
  assert.equal(r.status, 0);
  assert.equal(r.stdout, `${pkg.version}\n`);
});

test('describe --schema prints one JSON object keyed by topic name', () => {
  const all = JSON.parse(cli(['describe', '--schema']).stdout) as Record<string, { type?: unknown }>;
  assert.deepEqual(Object.keys(all), ['content_events', 'cdc.content.videos', 'cdc.users.profiles']);
  const one = JSON.parse(cli(['describe', '--topic', 'content_events']).stdout) as Record<string, unknown>;
  assert.deepEqual(one, { content_events: all['content_events'] });
});

test('describe --json lists the topics, knobs and every option', () => {
  const d = JSON.parse(cli(['describe', '--json']).stdout) as { topics: { name: string }[]; knobs: { name: string }[]; options: { flag: string }[] };
  assert.ok(d.topics.some((t) => t.name === 'content_events'));
  assert.ok(d.knobs.some((k) => k.name === 'videos'));
  assert.ok(d.options.some((o) => o.flag === '--no-create-topics'));
});
