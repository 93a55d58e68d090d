import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRunOptions } from '../../src/config/run-options.js';

const cwd = mkdtempSync(join(tmpdir(), 'streamgen-precedence-'));
test.after(() => rmSync(cwd, { recursive: true, force: true }));
writeFileSync(join(cwd, 'run.yaml'), [
  'rate: 100', 'seed: 7', 'workers: 3', 'sink: null',
  'knobs:', '  videos: 500', '  users: 600',
  'kafka:', '  acks: 0', '  lingerMs: 20', '  partitions:', '    content_events: 3',
].join('\n'));
const file = ['--config', 'run.yaml'];

test('a flag wins over its env variable, which wins over the config file, which wins over the default', async () => {
  const fromFile = await parseRunOptions(file, {}, cwd);
  assert.equal(fromFile.rate, 100);
  assert.equal(fromFile.seed, 7);
  const fromEnv = await parseRunOptions(file, { STREAMGEN_RATE: '200', STREAMGEN_SEED: '8' }, cwd);
  assert.equal(fromEnv.rate, 200);
  assert.equal(fromEnv.seed, 8);
  const fromFlag = await parseRunOptions([...file, '--rate', '300'], { STREAMGEN_RATE: '200' }, cwd);
  assert.equal(fromFlag.rate, 300);
  const defaults = await parseRunOptions(['--sink', 'null'], {}, cwd);
  assert.equal(defaults.rate, 10_000);
  assert.equal(defaults.seed, 42);
});

test('the config file can come from STREAMGEN_CONFIG, and Kafka keys from its kafka: map', async () => {
  const o = await parseRunOptions([], { STREAMGEN_CONFIG: 'run.yaml', STREAMGEN_LINGER_MS: '9' }, cwd);
  assert.equal(o.workers, 3);
  assert.equal(o.sink.kafka.acks, 0);
  assert.equal(o.sink.kafka.lingerMs, 9);
  assert.deepEqual(o.sink.kafka.partitions, { content_events: 3 });
});

test('knobs merge per entry: a flag replaces one knob of the env or file and keeps the others', async () => {
  const o = await parseRunOptions([...file, '--knob', 'videos=1k'], { STREAMGEN_KNOBS: 'users=700,playRate=0.5' }, cwd);
  assert.equal(o.knobs['videos'], 1_000);
  assert.equal(o.knobs['users'], 700);
  assert.equal(o.knobs['playRate'], 0.5);
});

test('STREAMGEN_ variables win over the spec aliases, which are read when alone', async () => {
  assert.equal((await parseRunOptions(['--sink', 'null'], { EVENTS_PER_SECOND: '50' }, cwd)).rate, 50);
  assert.equal((await parseRunOptions(['--sink', 'null'], { EVENTS_PER_SECOND: '50', STREAMGEN_RATE: '60' }, cwd)).rate, 60);
  const kafka = await parseRunOptions(['--sink', 'null'], { KAFKA_BOOTSTRAP_SERVERS: 'kafka:29092' }, cwd);
  assert.deepEqual(kafka.sink.kafka.brokers, ['kafka:29092']);
});

test('an empty env variable counts as unset', async () => {
  assert.equal((await parseRunOptions(file, { STREAMGEN_RATE: '' }, cwd)).rate, 100);
});

test('a switch set in the file can be turned off by its --no- flag', async () => {
  writeFileSync(join(cwd, 'gzip.yaml'), 'gzip: true\nout: gz\n');
  assert.equal((await parseRunOptions(['--config', 'gzip.yaml'], {}, cwd)).sink.gzip, true);
  assert.equal((await parseRunOptions(['--config', 'gzip.yaml', '--no-gzip'], {}, cwd)).sink.gzip, false);
});

test('a conflict names each value where it was set: env variable, config file or default', async () => {
  writeFileSync(join(cwd, 'clock.yaml'), 'clock: simulated\n');
  await assert.rejects(parseRunOptions(['--config', 'clock.yaml', '--sink', 'null'], { STREAMGEN_RATE: 'max' }, cwd), {
    code: 'SG_ERR_CONFIG_CONFLICT',
    message: 'STREAMGEN_RATE=max needs --clock real (a simulated timeline has a fixed rate); got clock.yaml clock: simulated',
  });
});
