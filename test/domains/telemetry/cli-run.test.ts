import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fingerprint, readOutput, streamgen } from '../../support/cli.js';

// 40,000 records at 150/s (the spec's peak rate), seed 17, gzip files sink, through the real CLI.
const root = mkdtempSync(join(tmpdir(), 'streamgen-telemetry-'));
const base = ['run', '--domain', 'telemetry', '--events', '40000', '--rate', '150', '--seed', '17', '--sink', 'files', '--gzip', '--quiet'];

function runTo(name: string, extra: string[]): string {
  const out = join(root, name);
  const r = streamgen([...base, '--out', out, ...extra]);
  assert.equal(r.status, 0, r.stderr);
  return out;
}

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(relative(dir, join(d, e.name)));
    }
  };
  walk(dir);
  return out;
}

test.after(() => rmSync(root, { recursive: true, force: true }));

test('streamgen run --domain telemetry writes gzip JSON Lines under acme-telemetry/year=/month=/day=/hour=/', () => {
  const out = runTo('layout', ['--workers', '1']);
  const paths = files(out);
  assert.ok(paths.length > 0);
  for (const p of paths) assert.match(p, /^acme-telemetry\/year=\d{4}\/month=\d{2}\/day=\d{2}\/hour=\d{2}\/[^/]+\.gz$/);
  const lines = readOutput(out).get('acme-telemetry') ?? [];
  assert.equal(lines.length, 40_000);
});

test('1 and 3 workers give the same records', () => {
  const one = readOutput(runTo('w1', ['--workers', '1'])).get('acme-telemetry') ?? [];
  const three = readOutput(runTo('w3', ['--workers', '3'])).get('acme-telemetry') ?? [];
  assert.equal(three.length, one.length);
  assert.equal(fingerprint(three), fingerprint(one));
});
