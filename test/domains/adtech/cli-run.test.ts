import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fingerprint, readOutput, streamgen } from '../../support/cli.js';

// Simulated clock, seed 21, 40,000 bid requests (+ their chains), written by the files sink through the real CLI.
const root = mkdtempSync(join(tmpdir(), 'streamgen-adtech-'));
const base = ['run', '--domain', 'adtech', '--events', '40000', '--seed', '21', '--sink', 'files', '--quiet', '--knob', 'clickRate=0.2'];
const TOPICS = ['bid-requests', 'bid-responses', 'impressions', 'clicks'];

function runTo(name: string, extra: string[]): Map<string, string[]> {
  const out = join(root, name);
  const r = streamgen([...base, '--out', out, ...extra]);
  assert.equal(r.status, 0, r.stderr);
  return readOutput(out);
}

test.after(() => rmSync(root, { recursive: true, force: true }));

test('streamgen run --domain adtech writes all four topics, the same records on 1 and 2 workers', () => {
  const one = runTo('w1', ['--workers', '1']);
  assert.deepEqual([...one.keys()].sort(), [...TOPICS].sort());
  assert.equal(one.get('bid-requests')?.length, 40_000);
  const two = runTo('w2', ['--workers', '2']);
  for (const topic of TOPICS) assert.equal(fingerprint(two.get(topic) ?? []), fingerprint(one.get(topic) ?? []), topic);
});

test('the union of --shard 0/2 and --shard 1/2 equals the single-instance output', () => {
  const single = runTo('single', ['--workers', '1']);
  const a = runTo('shard0', ['--shard', '0/2', '--workers', '1']);
  const b = runTo('shard1', ['--shard', '1/2', '--workers', '2']);
  for (const topic of TOPICS) {
    const left = a.get(topic) ?? [];
    const right = b.get(topic) ?? [];
    assert.ok(left.length > 0 && right.length > 0, `${topic}: both shards contribute`);
    assert.equal(fingerprint([...left, ...right]), fingerprint(single.get(topic) ?? []), topic);
  }
});
