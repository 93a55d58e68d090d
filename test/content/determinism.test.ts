import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fingerprint, readOutput, streamgen } from '../support/cli.js';

// Simulated clock, seed 11, 150,000 content events (+ CDC), written by the files sink through the real CLI.
const root = mkdtempSync(join(tmpdir(), 'streamgen-det-'));
const base = ['run', '--events', '150000', '--seed', '11', '--sink', 'files', '--quiet', '--knob', 'uploadsPerHour=20000', '--knob', 'registrationsPerHour=50000'];

function runTo(name: string, extra: string[]): Map<string, string[]> {
  const out = join(root, name);
  const r = streamgen([...base, '--out', out, ...extra]);
  assert.equal(r.status, 0, r.stderr);
  return readOutput(out);
}

function fingerprints(output: Map<string, string[]>): Record<string, string> {
  return Object.fromEntries([...output.entries()].map(([topic, lines]) => [topic, `${lines.length}:${fingerprint(lines)}`]));
}

test.after(() => rmSync(root, { recursive: true, force: true }));

test('the same seed and event count give the same records on 1, 2 and 4 workers and across runs', () => {
  const one = fingerprints(runTo('w1', ['--workers', '1']));
  assert.equal(Number(one['content_events'].split(':')[0]), 150_000);
  assert.ok(Number(one['cdc.content.videos'].split(':')[0]) > 10_000);
  assert.deepEqual(fingerprints(runTo('w2', ['--workers', '2'])), one);
  assert.deepEqual(fingerprints(runTo('w4', ['--workers', '4'])), one);
  assert.deepEqual(fingerprints(runTo('w2-again', ['--workers', '2'])), one);
});

test('the union of --shard 0/2 and --shard 1/2 equals the single-instance output', () => {
  const single = runTo('single', ['--workers', '2']);
  const a = runTo('shard0', ['--shard', '0/2', '--workers', '2']);
  const b = runTo('shard1', ['--shard', '1/2', '--workers', '1']);
  for (const [topic, lines] of single) {
    const left = a.get(topic) ?? [];
    const right = b.get(topic) ?? [];
    assert.ok(left.length > 0 && right.length > 0, `${topic}: both shards contribute`);
    assert.equal(left.length + right.length, lines.length, `${topic}: shards are disjoint and complete`);
    assert.equal(fingerprint([...left, ...right]), fingerprint(lines), topic);
  }
});

test('a different seed gives different records', () => {
  const a = fingerprints(runTo('seed11', ['--workers', '1']));
  const out = join(root, 'seed12');
  const r = streamgen([...base.map((x) => (x === '11' ? '12' : x)), '--out', out, '--workers', '1']);
  assert.equal(r.status, 0, r.stderr);
  assert.notEqual(fingerprints(readOutput(out))['content_events'], a['content_events']);
});
