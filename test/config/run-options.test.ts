import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRunOptions } from '../../src/config/run-options.js';

const cwd = mkdtempSync(join(tmpdir(), 'streamgen-options-'));
test.after(() => rmSync(cwd, { recursive: true, force: true }));

test('no flags: 100,000 events of the content domain on the simulated clock into ./out, which now exists and is empty', async () => {
  const o = await parseRunOptions([], {}, cwd);
  assert.equal(o.domain, 'content');
  assert.equal(o.events, 100_000);
  assert.equal(o.durationMs, null);
  assert.equal(o.clock, 'simulated');
  assert.equal(o.startMs, Date.parse('2026-02-07T10:00:00.000Z'));
  assert.deepEqual(o.shard, { index: 0, count: 1 });
  assert.equal(o.slices, 64);
  assert.equal(o.sink.name, 'files');
  assert.equal(o.sink.outDir, join(cwd, 'out'));
  assert.deepEqual(readdirSync(join(cwd, 'out')), []);
});

test('the event default applies only to a simulated run without --duration', async () => {
  assert.equal((await parseRunOptions(['--sink', 'null', '--duration', '1h'], {}, cwd)).events, null);
  const real = await parseRunOptions(['--sink', 'null', '--clock', 'real'], {}, cwd);
  assert.equal(real.events, null);
  assert.equal(real.durationMs, null);
  assert.equal((await parseRunOptions(['--sink', 'null', '--clock', 'real', '--rate', 'max'], {}, cwd)).rate, 'max');
});

test('RunOptions are deep-frozen and carry a full Kafka config and every knob', async () => {
  const o = await parseRunOptions(['--sink', 'kafka', '--partitions', 'content_events=24', '--no-create-topics'], {}, cwd);
  assert.ok(Object.isFrozen(o) && Object.isFrozen(o.sink) && Object.isFrozen(o.sink.kafka) && Object.isFrozen(o.sink.kafka.brokers));
  assert.ok(Object.isFrozen(o.knobs) && Object.isFrozen(o.shard));
  assert.deepEqual(o.sink.kafka, {
    brokers: ['127.0.0.1:9092'], clientId: 'streamgen', compression: 'lz4', acks: -1, batchMaxRecords: 10_000,
    lingerMs: 5, maxInFlight: 5, requestTimeoutMs: 30_000, connectTimeoutMs: 15_000, retries: 5,
    replicationFactor: 1, partitions: { content_events: 24 }, createTopics: false,
  });
  assert.equal(o.knobs['videos'], 10_000);
  assert.equal(o.knobs['playRate'], 0.85);
});

test('--out is created only for the files sink', async () => {
  await parseRunOptions(['--sink', 'stdout', '--out', 'not-made'], {}, cwd);
  assert.equal(existsSync(join(cwd, 'not-made')), false);
  const o = await parseRunOptions(['--out', 'nested/dir'], {}, cwd);
  assert.equal(o.sink.outDir, join(cwd, 'nested', 'dir'));
  assert.deepEqual(readdirSync(join(cwd, 'nested', 'dir')), []);
});

test('--report resolves against the working directory', async () => {
  const o = await parseRunOptions(['--sink', 'null', '--report', 'r.json'], {}, cwd);
  assert.equal(o.reportPath, join(cwd, 'r.json'));
  assert.equal(existsSync(join(cwd, 'r.json')), false);
});
