import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { domainNames } from '../../src/domains/index.js';

const CLI = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));
const SUFFIXES = 'k and m suffixes allowed: 10k, 1.5m';

interface Row {
  readonly name: string;
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** Files to create in the temporary working directory first. */
  readonly files?: Readonly<Record<string, string>>;
  readonly line: string;
}

// One bad input per row; each must print exactly `line` on stderr, exit 2, and write nothing.
const ROWS: readonly Row[] = [
  { name: 'unknown flag, close to a valid one', args: ['run', '--ratee', '5'], line: 'unknown flag --ratee for streamgen run; did you mean --rate? [SG_ERR_CONFIG_UNKNOWN]' },
  { name: 'unknown flag, not close to any', args: ['run', '--frobnicate'], line: 'unknown flag --frobnicate for streamgen run; see streamgen run --help [SG_ERR_CONFIG_UNKNOWN]' },
  { name: 'flag of another command', args: ['describe', '--rate', '5'], line: '--rate does not apply to streamgen describe; see streamgen describe --help [SG_ERR_CONFIG_UNKNOWN]' },
  { name: 'unknown command', args: ['rn'], line: 'unknown command "rn"; did you mean run? [SG_ERR_CONFIG_UNKNOWN]' },
  { name: 'flag without its value', args: ['run', '--events'], line: '--events needs a value (N); got nothing [SG_ERR_CONFIG_TYPE]' },
  { name: 'negative rate', args: ['run', '--rate', '-5'], line: `--rate must be a number > 0 (${SUFFIXES}) or max; got "-5" [SG_ERR_CONFIG_RANGE]` },
  { name: 'rate that is not a number', args: ['run', '--rate', 'fast'], line: `--rate must be a number > 0 (${SUFFIXES}) or max; got "fast" [SG_ERR_CONFIG_TYPE]` },
  { name: 'zero events', args: ['run', '--events', '0'], line: `--events must be an integer >= 1 (${SUFFIXES}); got "0" [SG_ERR_CONFIG_RANGE]` },
  { name: 'fractional events', args: ['run', '--events', '1.5'], line: `--events must be an integer >= 1 (${SUFFIXES}); got "1.5" [SG_ERR_CONFIG_TYPE]` },
  { name: 'duration without a unit', args: ['run', '--duration', '10'], line: '--duration must be a duration > 0 such as 30s, 10m, 2h, 7d or 1h30m; got "10" [SG_ERR_CONFIG_TYPE]' },
  { name: 'start that is not an instant', args: ['run', '--start', 'yesterday'], line: '--start must be an ISO-8601 instant with a time zone, such as 2026-02-07T10:00:00Z; got "yesterday" [SG_ERR_CONFIG_TYPE]' },
  { name: 'start on a day that does not exist', args: ['run', '--start', '2026-02-30T00:00:00Z'], line: '--start must be an ISO-8601 instant with a time zone, such as 2026-02-07T10:00:00Z; got "2026-02-30T00:00:00Z" [SG_ERR_CONFIG_RANGE]' },
  { name: 'shard index equal to the count', args: ['run', '--shard', '2/2'], line: '--shard must be I/N with 0 <= I < N <= 1024, such as 0/4; got "2/2" [SG_ERR_CONFIG_RANGE]' },
  { name: 'workers out of range', args: ['run', '--workers', '65'], line: '--workers must be an integer from 1 to 64; got "65" [SG_ERR_CONFIG_RANGE]' },
  { name: 'unknown domain', args: ['run', '--domain', 'music'], line: `--domain must be one of ${domainNames.join(', ')}; got "music" [SG_ERR_CONFIG_ENUM]` },
  { name: 'unknown sink', args: ['run', '--sink', 'kafak'], line: '--sink must be one of null, stdout, files, kafka; got "kafak" [SG_ERR_CONFIG_ENUM]' },
  { name: 'bad acks', args: ['run', '--acks', '2'], line: '--acks must be one of -1 (all), 0, 1; got "2" [SG_ERR_CONFIG_ENUM]' },
  { name: 'env var with a bad value', args: ['run'], env: { STREAMGEN_RATE: 'fast' }, line: `STREAMGEN_RATE must be a number > 0 (${SUFFIXES}) or max; got "fast" [SG_ERR_CONFIG_TYPE]` },
  { name: 'spec alias env var with a bad value', args: ['run'], env: { EVENTS_PER_SECOND: '0' }, line: `EVENTS_PER_SECOND must be a number > 0 (${SUFFIXES}) or max; got "0" [SG_ERR_CONFIG_RANGE]` },
  {
    name: 'malformed YAML config', args: ['run', '--config', 'bad.yaml'], files: { 'bad.yaml': 'rate: [1,\n  x: : y\n' },
    line: 'cannot parse config file bad.yaml: Unexpected : in flow sequence at line 2, column 6 [SG_ERR_CONFIG_FILE]',
  },
  { name: 'missing config file', args: ['run', '--config', 'nope.yaml'], line: 'cannot read config file nope.yaml: ENOENT [SG_ERR_CONFIG_FILE]' },
  { name: 'config unknown key', args: ['run', '--config', 'run.yaml'], files: { 'run.yaml': 'ratee: 5\n' }, line: 'run.yaml ratee is not an option; did you mean rate? [SG_ERR_CONFIG_UNKNOWN]' },
  { name: 'config bad Kafka value', args: ['run', '--config', 'run.yaml'], files: { 'run.yaml': 'kafka:\n  acks: 2\n' }, line: 'run.yaml kafka.acks must be one of -1 (all), 0, 1; got 2 [SG_ERR_CONFIG_ENUM]' },
  { name: 'config JSON with a bad value', args: ['run', '--config', 'run.json'], files: { 'run.json': '{"events": -3}' }, line: `run.json events must be an integer >= 1 (${SUFFIXES}); got -3 [SG_ERR_CONFIG_RANGE]` },
  { name: 'rate max with the simulated clock', args: ['run', '--rate', 'max'], line: '--rate max needs --clock real (a simulated timeline has a fixed rate); got the default --clock simulated [SG_ERR_CONFIG_CONFLICT]' },
  { name: 'start with the real clock', args: ['run', '--clock', 'real', '--start', '2026-01-01T00:00:00Z'], line: '--start only applies to --clock simulated (the real clock starts now); got --clock real [SG_ERR_CONFIG_CONFLICT]' },
  { name: 'gzip with the stdout sink', args: ['run', '--sink', 'stdout', '--gzip'], line: '--gzip only applies to --sink files; got --sink stdout [SG_ERR_CONFIG_CONFLICT]' },
  { name: 'file naming without a prefix', args: ['run', '--file-naming', 'firehose:'], line: '--file-naming must be parts or firehose:PREFIX (PREFIX of 1 to 100 letters, digits, ., _ or -), such as firehose:AcmeTelemetry-MSK-to-S3; got "firehose:" [SG_ERR_CONFIG_TYPE]' },
  { name: 'out under a regular file', args: ['run', '--out', 'blocker/out'], files: { blocker: 'not a directory' }, line: '--out must be a directory streamgen can create and write; got "blocker/out" (ENOTDIR) [SG_ERR_OUT_UNWRITABLE]' },
  { name: 'report in a missing directory', args: ['run', '--report', 'missing/r.json'], line: '--report must be a file in an existing, writable directory; got "missing/r.json" (ENOENT) [SG_ERR_OUT_UNWRITABLE]' },
  { name: 'unknown knob', args: ['run', '--knob', 'vidoes=100'], line: '--knob vidoes is not a knob of domain content; did you mean videos? [SG_ERR_CONFIG_UNKNOWN]' },
  { name: 'knob value of the wrong type', args: ['run', '--knob', 'videos=many'], line: `--knob videos must be an integer from 10 to 50000000 (${SUFFIXES}); got "many" [SG_ERR_CONFIG_TYPE]` },
  { name: 'knob value out of range', args: ['run', '--knob', 'playRate=1.5'], line: '--knob playRate must be a number from 0 to 1; got "1.5" [SG_ERR_CONFIG_RANGE]' },
  { name: 'knob without a value', args: ['run', '--knob', 'videos'], line: '--knob must be NAME=VALUE; got "videos" [SG_ERR_CONFIG_TYPE]' },
  { name: 'partitions for an unknown topic', args: ['run', '--partitions', 'content_evnts=3'], line: '--partitions content_evnts is not a topic of domain content; did you mean content_events? [SG_ERR_CONFIG_UNKNOWN]' },
  { name: 'describe an unknown topic', args: ['describe', '--topic', 'clicks'], line: '--topic must be one of content_events, cdc.content.videos, cdc.users.profiles; got "clicks" [SG_ERR_CONFIG_ENUM]' },
  { name: 'unknown chaos scenario', args: ['run', '--chaos', 'volcano'], line: '--chaos scenario must be one of supernova, broken_client, inventory_drought, peak_traffic, maintenance_mode (domain content); got "volcano" [SG_ERR_CONFIG_ENUM]' },
  { name: 'unknown chaos parameter', args: ['run', '--chaos', 'supernova:speed=3@1m'], line: '--chaos: scenario supernova has no parameter "speed"; parameters: video, factor, rampSeconds [SG_ERR_CONFIG_UNKNOWN]' },
  { name: 'chaos parameter out of range', args: ['run', '--chaos', 'supernova:factor=0'], line: '--chaos: scenario supernova parameter factor must be a number from 1 to 1000000; got "0" [SG_ERR_CONFIG_RANGE]' },
  {
    name: 'chaos timeline with an unknown key', args: ['run', '--chaos-timeline', 't.yaml'], files: { 't.yaml': '- at: 5m\n  scenario: supernova\n  during: 10m\n' },
    line: 't.yaml timeline[0] has no key "during"; keys: at, scenario, for, params [SG_ERR_CONFIG_UNKNOWN]',
  },
  { name: 'malformed rate profile', args: ['run', '--profile', 'ramp:1k..x'], line: '--profile must be constant, diurnal, ramp:FROM..TO/DURATION (ramp:1k..10k/5m), step:RATE@AT,RATE@AT,... (step:1k@0,5k@2m) or burst:xFACTOR/DURATION/EVERY (burst:x3/30s/5m); got "ramp:1k..x" [SG_ERR_CONFIG_TYPE]' },
  { name: 'topics without an action', args: ['topics'], line: 'the action of streamgen topics must be one of create, describe; got nothing [SG_ERR_CONFIG_ENUM]' },
];

/** A clean environment: PATH only, so the developer's STREAMGEN_* variables cannot change a row's outcome. */
const baseEnv = { PATH: process.env.PATH ?? '' };

for (const row of ROWS) {
  test(`bad input: ${row.name} prints one line, exits 2 and writes nothing`, () => {
    const cwd = mkdtempSync(join(tmpdir(), 'streamgen-bad-'));
    try {
      for (const [file, text] of Object.entries(row.files ?? {})) writeFileSync(join(cwd, file), text);
      const r = spawnSync(process.execPath, [CLI, ...row.args], { cwd, env: { ...baseEnv, ...row.env }, encoding: 'utf8', timeout: 60_000 });
      assert.equal(r.stderr, `streamgen: ${row.line}\n`);
      assert.equal(r.status, 2);
      assert.equal(r.stdout, '');
      assert.deepEqual(readdirSync(cwd).sort(), Object.keys(row.files ?? {}).sort());
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
}
