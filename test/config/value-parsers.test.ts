import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isStreamgenError } from '../../src/errors.js';
import {
  integerIn, parseAcks, parseBrokers, parseDuration, parseInstant, parseRate, parseShard, parseSuffixedNumber,
} from '../../src/config/value-parsers.js';

/** The code of the error `fn` throws. */
function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (isStreamgenError(err)) return err.code;
    throw err;
  }
  assert.fail('expected a coded error');
}

test('k and m suffixes scale exactly, without binary rounding', () => {
  const cases: Array<[string, number]> = [
    ['10k', 10_000], ['1.5m', 1_500_000], ['1.1k', 1_100], ['0.001m', 1_000], ['2M', 2_000_000], ['250', 250],
    ['0.5', 0.5], ['1.25k', 1_250], ['-5', -5], ['3.14159', 3.14159],
  ];
  for (const [text, expected] of cases) assert.equal(parseSuffixedNumber(text), expected, text);
  for (const text of ['', 'k', '1.5g', '1e3', '10 k', '1,000', 'fast', '.5']) assert.equal(parseSuffixedNumber(text), null, text);
  assert.equal(parseSuffixedNumber(42), 42);
  assert.equal(parseSuffixedNumber(Number.NaN), null);
});

test('integer options take suffixes where allowed and refuse fractions and out-of-range values', () => {
  const events = integerIn(1, Number.MAX_SAFE_INTEGER, { suffixes: true });
  assert.equal(events('10k', '--events'), 10_000);
  assert.equal(events('1.5m', '--events'), 1_500_000);
  assert.equal(codeOf(() => events('1.2345k', '--events')), 'SG_ERR_CONFIG_TYPE');
  assert.equal(codeOf(() => events('0', '--events')), 'SG_ERR_CONFIG_RANGE');
  const workers = integerIn(1, 64);
  assert.equal(workers('8', '--workers'), 8);
  assert.equal(codeOf(() => workers('8k', '--workers')), 'SG_ERR_CONFIG_TYPE');
  assert.equal(codeOf(() => workers(65, 'run.yaml workers')), 'SG_ERR_CONFIG_RANGE');
});

test('rates are numbers > 0 with suffixes, or max', () => {
  assert.equal(parseRate('10k', '--rate'), 10_000);
  assert.equal(parseRate('0.5', '--rate'), 0.5);
  assert.equal(parseRate('max', '--rate'), 'max');
  assert.equal(parseRate(2500, 'run.yaml rate'), 2500);
  assert.equal(codeOf(() => parseRate('0', '--rate')), 'SG_ERR_CONFIG_RANGE');
  assert.equal(codeOf(() => parseRate('MAX!', '--rate')), 'SG_ERR_CONFIG_TYPE');
});

test('durations convert to milliseconds, including combined units', () => {
  const cases: Array<[string, number]> = [
    ['30s', 30_000], ['10m', 600_000], ['2h', 7_200_000], ['7d', 604_800_000], ['1h30m', 5_400_000],
    ['250ms', 250], ['1.5s', 1_500], ['1d12h', 129_600_000],
  ];
  for (const [text, ms] of cases) assert.equal(parseDuration(text, '--duration'), ms, text);
  for (const bad of ['10', '10 m', '-5s', 'soon', '1w', 'h', 600]) assert.equal(codeOf(() => parseDuration(bad, '--duration')), 'SG_ERR_CONFIG_TYPE', String(bad));
  assert.equal(codeOf(() => parseDuration('0s', '--duration')), 'SG_ERR_CONFIG_RANGE');
});

test('instants need a time zone and a real calendar date', () => {
  assert.equal(parseInstant('2026-02-07T10:00:00.000Z', '--start'), Date.UTC(2026, 1, 7, 10));
  assert.equal(parseInstant('2026-02-07T11:00:00+01:00', '--start'), Date.UTC(2026, 1, 7, 10));
  assert.equal(parseInstant('2024-02-29T00:00Z', '--start'), Date.UTC(2024, 1, 29));
  assert.equal(codeOf(() => parseInstant('2026-02-07T10:00:00', '--start')), 'SG_ERR_CONFIG_TYPE');
  assert.equal(codeOf(() => parseInstant('2026-02-07', '--start')), 'SG_ERR_CONFIG_TYPE');
  assert.equal(codeOf(() => parseInstant('2025-02-29T00:00:00Z', '--start')), 'SG_ERR_CONFIG_RANGE');
  assert.equal(codeOf(() => parseInstant('2026-13-01T00:00:00Z', '--start')), 'SG_ERR_CONFIG_RANGE');
  assert.equal(codeOf(() => parseInstant('2026-01-01T24:00:00Z', '--start')), 'SG_ERR_CONFIG_RANGE');
});

test('shards are I/N with 0 <= I < N <= 1024', () => {
  assert.deepEqual(parseShard('0/1', '--shard'), { index: 0, count: 1 });
  assert.deepEqual(parseShard('1023/1024', '--shard'), { index: 1023, count: 1024 });
  for (const bad of ['2/2', '0/0', '0/1025']) assert.equal(codeOf(() => parseShard(bad, '--shard')), 'SG_ERR_CONFIG_RANGE', bad);
  for (const bad of ['1', '-1/2', 'a/b', '1/2/3']) assert.equal(codeOf(() => parseShard(bad, '--shard')), 'SG_ERR_CONFIG_TYPE', bad);
});

test('brokers are host:port lists, from a string or a YAML list', () => {
  assert.deepEqual(parseBrokers('127.0.0.1:9092, kafka-2:9093', '--brokers'), ['127.0.0.1:9092', 'kafka-2:9093']);
  assert.deepEqual(parseBrokers(['a:1', '[::1]:9092'], 'run.yaml kafka.brokers'), ['a:1', '[::1]:9092']);
  assert.equal(codeOf(() => parseBrokers('localhost', '--brokers')), 'SG_ERR_CONFIG_TYPE');
  assert.equal(codeOf(() => parseBrokers('localhost:70000', '--brokers')), 'SG_ERR_CONFIG_RANGE');
});

test('acks accept -1, 0, 1 and all, as strings or numbers', () => {
  assert.equal(parseAcks('all', '--acks'), -1);
  assert.equal(parseAcks('-1', '--acks'), -1);
  assert.equal(parseAcks(1, 'run.yaml kafka.acks'), 1);
  assert.equal(parseAcks('0', '--acks'), 0);
  assert.equal(codeOf(() => parseAcks(2, 'run.yaml kafka.acks')), 'SG_ERR_CONFIG_ENUM');
});
