import { availableParallelism } from 'node:os';
import { domainNames } from '../domains/index.js';
import { sinkNames } from '../sinks/index.js';
import type { FileNaming } from '../sinks/sink.js';
import { badValue } from './messages.js';
import { parseProfile } from './rate-profile-spec.js';
import type { RateProfileSpec } from './options.js';
import {
  integerIn, oneOf, parseAcks, parseBrokers, parseDuration, parseInstant, parseRate, parseShard, parseText,
  type ValueParser,
} from './value-parsers.js';

/**
 * Every option streamgen reads, one row each. Flag parsing, environment variables, config-file keys, `--help`,
 * `describe` and docs/cli.md all derive from these rows; src/config/run-options.ts turns the values into the
 * frozen RunOptions. One name everywhere: key `batchRecords` ↔ flag `--batch-records` ↔ env
 * `STREAMGEN_BATCH_RECORDS` ↔ config key `kafka.batchRecords` (test/config/option-table.test.ts checks it).
 */

/** Where an option belongs: `run` and `kafka` options can come from flags, env and the config file (`kafka:` map). */
export type OptionSection = 'run' | 'kafka' | 'describe' | 'soak' | 'historical';

interface RowBase {
  /** The flag; switches also accept `--no-<flag>`. Repeatable flags are singular (`--knob`). */
  readonly flag: string;
  /** STREAMGEN_<NAME_IN_UPPER_SNAKE>, or null for flag-only options. */
  readonly env: string | null;
  /** Names the source specifications use for the same setting (spec 003); read after `env`. */
  readonly envAliases: readonly string[];
  /** Key in the config file (`kafka.` prefix: inside the `kafka:` map), or null when the file cannot set it. */
  readonly configKey: string | null;
  readonly section: OptionSection;
  /** Placeholder of the value in help (`N`, `DURATION`); '' for switches. */
  readonly valueName: string;
  /** The default as people read it, with its unit. */
  readonly defaultText: string;
  readonly doc: string;
}

/** An option with one value. */
export interface ValueRow<T> extends RowBase {
  readonly kind: 'value';
  readonly default: T;
  readonly parse: ValueParser<T>;
}

/** A boolean option: `--gzip` / `--no-gzip`, `STREAMGEN_GZIP=true`, `gzip: true`. */
export interface SwitchRow extends RowBase {
  readonly kind: 'switch';
  readonly default: boolean;
}

/** A repeatable `name=value` option that builds a map (`--knob videos=1000`); env: comma-separated pairs. */
export interface PairsRow<V> extends RowBase {
  readonly kind: 'pairs';
  readonly parseEntry: ValueParser<V>;
}

export type OptionRow = ValueRow<unknown> | SwitchRow | PairsRow<unknown>;

const value = <T>(row: Omit<ValueRow<T>, 'kind' | 'envAliases'> & { envAliases?: readonly string[] }): ValueRow<T> =>
  ({ kind: 'value', envAliases: [], ...row });
const toggle = (row: Omit<SwitchRow, 'kind' | 'envAliases' | 'valueName'>): SwitchRow =>
  ({ kind: 'switch', envAliases: [], valueName: '', ...row });
const pairs = <V>(row: Omit<PairsRow<V>, 'kind' | 'envAliases'>): PairsRow<V> => ({ kind: 'pairs', envAliases: [], ...row });

/** A knob value as written: the domain's knob table validates it once the domain is known. */
export type RawKnob = string | number | boolean;

const parseRawKnob: ValueParser<RawKnob> = (raw, field) => {
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
  throw badValue('SG_ERR_CONFIG_TYPE', field, 'a number, boolean or string', raw);
};

/** A file name prefix: letters, digits, `.`, `_` and `-`, so it is safe in any file system and S3 key. */
const FILE_PREFIX = /^[A-Za-z0-9._-]{1,100}$/;

/** --file-naming: `parts` or `firehose:PREFIX`. */
const parseFileNaming: ValueParser<FileNaming> = (raw, field) => {
  if (raw === 'parts') return 'parts';
  if (typeof raw === 'string' && raw.startsWith('firehose:') && FILE_PREFIX.test(raw.slice('firehose:'.length))) return raw as FileNaming;
  throw badValue('SG_ERR_CONFIG_TYPE', field, 'parts or firehose:PREFIX (PREFIX of 1 to 100 letters, digits, ., _ or -), such as firehose:AcmeTelemetry-MSK-to-S3', raw);
};

/** Workers by default: one per core the process may use, capped at the --workers maximum. */
const DEFAULT_WORKERS = Math.min(64, availableParallelism());

export const OPTION_TABLE = {
  domain: value({
    flag: '--domain', env: 'STREAMGEN_DOMAIN', configKey: 'domain', section: 'run', valueName: 'NAME',
    default: 'content', defaultText: 'content', doc: 'domain to generate; `streamgen --help` lists the domains, `streamgen describe --domain NAME` shows one',
    parse: oneOf(domainNames),
  }),
  events: value<number | null>({
    flag: '--events', env: 'STREAMGEN_EVENTS', configKey: 'events', section: 'run', valueName: 'N',
    default: null, defaultText: '100000 (simulated clock without --duration), else unbounded',
    doc: 'stop after N records on the main topic (10k, 1.5m allowed)',
    parse: integerIn(1, Number.MAX_SAFE_INTEGER, { suffixes: true }),
  }),
  duration: value<number | null>({
    flag: '--duration', env: 'STREAMGEN_DURATION', configKey: 'duration', section: 'run', valueName: 'DURATION',
    default: null, defaultText: 'unbounded', doc: 'stop after this much (simulated or real) time: 30s, 10m, 2h, 7d, 1h30m',
    parse: parseDuration,
  }),
  rate: value<number | 'max'>({
    flag: '--rate', env: 'STREAMGEN_RATE', envAliases: ['EVENTS_PER_SECOND'], configKey: 'rate', section: 'run', valueName: 'N|max',
    default: 10_000, defaultText: "10000 records/s; the domain's spec volume where it has one (adtech 10, commerce 28, telemetry 145)",
    doc: 'main-topic records per second of the timeline (simulated clock) or of wall time (real clock); max: as fast as possible, real clock only',
    parse: parseRate,
  }),
  profile: value<RateProfileSpec>({
    flag: '--profile', env: 'STREAMGEN_PROFILE', configKey: 'profile', section: 'run', valueName: 'PROFILE',
    default: { kind: 'constant' }, defaultText: 'constant',
    doc: 'how the rate varies around --rate: constant, diurnal (daily cycle), ramp:1k..10k/5m, step:1k@0,5k@2m, burst:x3/30s/5m; on the simulated clock it shapes the timestamps',
    parse: parseProfile,
  }),
  chaos: value<string | null>({
    flag: '--chaos', env: 'STREAMGEN_CHAOS', configKey: 'chaos', section: 'run', valueName: 'SPEC',
    default: null, defaultText: 'none',
    doc: 'plant scenarios: NAME[:param=value,...][@START][+DURATION], joined by ";" (supernova@5m+10m;broken_client:adoptionMinutes=10@20m); `streamgen describe` lists them',
    parse: parseText,
  }),
  chaosTimeline: value<string | null>({
    flag: '--chaos-timeline', env: 'STREAMGEN_CHAOS_TIMELINE', configKey: 'chaosTimeline', section: 'run', valueName: 'FILE',
    default: null, defaultText: 'none', doc: 'YAML/JSON list of {at: 5m, scenario: NAME, for: 10m, params: {...}}; adds to --chaos',
    parse: parseText,
  }),
  controlPort: value<number | null>({
    flag: '--control-port', env: 'STREAMGEN_CONTROL_PORT', configKey: 'controlPort', section: 'run', valueName: 'PORT',
    default: null, defaultText: 'off', doc: 'serve the chaos control API (GET /scenarios, POST /scenarios/NAME/start|stop) on this port; 0 picks a free one',
    parse: integerIn(0, 65_535),
  }),
  controlHost: value({
    flag: '--control-host', env: 'STREAMGEN_CONTROL_HOST', configKey: 'controlHost', section: 'run', valueName: 'HOST',
    default: '127.0.0.1', defaultText: '127.0.0.1 (loopback only)', doc: 'address the control API binds to',
    parse: parseText,
  }),
  seed: value({
    flag: '--seed', env: 'STREAMGEN_SEED', configKey: 'seed', section: 'run', valueName: 'N',
    default: 42, defaultText: '42', doc: 'seed of every random choice: same seed and options, same records',
    parse: integerIn(0, Number.MAX_SAFE_INTEGER),
  }),
  workers: value({
    flag: '--workers', env: 'STREAMGEN_WORKERS', configKey: 'workers', section: 'run', valueName: 'N',
    default: DEFAULT_WORKERS, defaultText: 'os.availableParallelism(), at most 64', doc: 'worker threads (1 to 64); does not change the records',
    parse: integerIn(1, 64),
  }),
  sink: value({
    flag: '--sink', env: 'STREAMGEN_SINK', configKey: 'sink', section: 'run', valueName: 'NAME',
    default: 'files', defaultText: 'files', doc: `where records go: ${sinkNames.join(', ')}`,
    parse: oneOf(sinkNames),
  }),
  out: value({
    flag: '--out', env: 'STREAMGEN_OUT', configKey: 'out', section: 'run', valueName: 'DIR',
    default: './out', defaultText: './out', doc: 'files sink: output directory, created if missing (relative paths: from the working directory)',
    parse: parseText,
  }),
  gzip: toggle({
    flag: '--gzip', env: 'STREAMGEN_GZIP', configKey: 'gzip', section: 'run',
    default: false, defaultText: 'off', doc: 'files sink: gzip each part file (.jsonl.gz)',
  }),
  fileNaming: value({
    flag: '--file-naming', env: 'STREAMGEN_FILE_NAMING', configKey: 'fileNaming', section: 'run', valueName: 'parts|firehose:PREFIX',
    default: 'parts' as FileNaming, defaultText: 'parts',
    doc: 'files sink: parts writes part-<writer>.jsonl[.gz]; firehose:PREFIX writes one gzipped file per Kafka partition, named PREFIX-{partition}-{YYYY-MM-DD-HH-MM-SS}-{uuid}.gz (spec 004)',
    parse: parseFileNaming,
  }),
  wrap: toggle({
    flag: '--wrap', env: 'STREAMGEN_WRAP', configKey: 'wrap', section: 'run',
    default: false, defaultText: 'off', doc: 'stdout sink: write each record as {topic,key,timestamp,value}',
  }),
  clock: value({
    flag: '--clock', env: 'STREAMGEN_CLOCK', configKey: 'clock', section: 'run', valueName: 'real|simulated',
    default: 'simulated' as 'real' | 'simulated', defaultText: 'simulated',
    doc: 'simulated: a timeline from --start, generated as fast as possible; real: timestamps are now, paced by the wall clock',
    parse: oneOf(['real', 'simulated'] as const),
  }),
  start: value({
    flag: '--start', env: 'STREAMGEN_START', configKey: 'start', section: 'run', valueName: 'INSTANT',
    default: Date.parse('2026-02-07T10:00:00.000Z'), defaultText: '2026-02-07T10:00:00.000Z',
    doc: 'simulated clock: ISO-8601 start of the timeline, with a time zone',
    parse: parseInstant,
  }),
  shard: value({
    flag: '--shard', env: 'STREAMGEN_SHARD', configKey: 'shard', section: 'run', valueName: 'I/N',
    default: { index: 0, count: 1 }, defaultText: '0/1', doc: 'run part I of N instances; the union of the N outputs equals one instance',
    parse: parseShard,
  }),
  slices: value({
    flag: '--slices', env: 'STREAMGEN_SLICES', configKey: 'slices', section: 'run', valueName: 'N',
    default: 64, defaultText: '64', doc: 'virtual slices of the main keyspace (1 to 4096); part of the world, so it changes the records',
    parse: integerIn(1, 4096),
  }),
  knobs: pairs({
    flag: '--knob', env: 'STREAMGEN_KNOBS', configKey: 'knobs', section: 'run', valueName: 'NAME=VALUE',
    defaultText: "the domain's defaults", doc: 'set a domain knob (repeatable); `streamgen describe` lists them with ranges',
    parseEntry: parseRawKnob,
  }),
  report: value<string | null>({
    flag: '--report', env: 'STREAMGEN_REPORT', configKey: 'report', section: 'run', valueName: 'FILE',
    default: null, defaultText: 'none', doc: 'also write the final report as JSON to FILE (its directory must exist)',
    parse: parseText,
  }),
  statsJson: value<string | null>({
    flag: '--stats-json', env: 'STREAMGEN_STATS_JSON', configKey: 'statsJson', section: 'run', valueName: 'FILE',
    default: null, defaultText: 'none', doc: 'write a per-second time series as JSON Lines (t, records, rate, target, topics, p50/p99/p999, failed, rss, cpu, lagMs)',
    parse: parseText,
  }),
  metricsPort: value<number | null>({
    flag: '--metrics-port', env: 'STREAMGEN_METRICS_PORT', configKey: 'metricsPort', section: 'run', valueName: 'PORT',
    default: null, defaultText: 'off', doc: 'serve Prometheus metrics (GET /metrics: counters, gauges, latency summary) on this port; 0 picks a free one',
    parse: integerIn(0, 65_535),
  }),
  metricsHost: value({
    flag: '--metrics-host', env: 'STREAMGEN_METRICS_HOST', configKey: 'metricsHost', section: 'run', valueName: 'HOST',
    default: '127.0.0.1', defaultText: '127.0.0.1 (loopback only)', doc: 'address the metrics endpoint binds to',
    parse: parseText,
  }),
  quiet: toggle({
    flag: '--quiet', env: 'STREAMGEN_QUIET', configKey: 'quiet', section: 'run',
    default: false, defaultText: 'off', doc: 'print no progress and no summary (errors still go to stderr)',
  }),
  verbose: toggle({
    flag: '--verbose', env: 'STREAMGEN_VERBOSE', configKey: 'verbose', section: 'run',
    default: false, defaultText: 'off', doc: 'more detail: client logs, and the cause chain or stack of an error',
  }),
  config: value<string | null>({
    flag: '--config', env: 'STREAMGEN_CONFIG', configKey: null, section: 'run', valueName: 'FILE',
    default: null, defaultText: 'none', doc: 'read options from a YAML or JSON file (keys: option names; knobs: and kafka: maps)',
    parse: parseText,
  }),
  sloP99Ms: value({
    flag: '--slo-p99-ms', env: 'STREAMGEN_SLO_P99_MS', configKey: 'sloP99Ms', section: 'soak', valueName: 'MS',
    default: 250, defaultText: '250 ms', doc: 'soak: the p99 produce latency (send → ack) the run must stay under (1 to 600000)',
    parse: integerIn(1, 600_000),
  }),
  days: value<number | null>({
    flag: '--days', env: 'STREAMGEN_DAYS', configKey: 'days', section: 'historical', valueName: 'N',
    default: null, defaultText: '7', doc: 'historical: backfill N days of timeline ending at the last UTC midnight (1 to 3650)',
    parse: integerIn(1, 3650),
  }),
  brokers: value({
    flag: '--brokers', env: 'STREAMGEN_BROKERS', envAliases: ['KAFKA_BOOTSTRAP_SERVERS'], configKey: 'kafka.brokers', section: 'kafka',
    valueName: 'HOST:PORT,...', default: ['127.0.0.1:9092'], defaultText: '127.0.0.1:9092', doc: 'Kafka bootstrap brokers',
    parse: parseBrokers,
  }),
  clientId: value({
    flag: '--client-id', env: 'STREAMGEN_CLIENT_ID', configKey: 'kafka.clientId', section: 'kafka', valueName: 'ID',
    default: 'streamgen', defaultText: 'streamgen', doc: 'Kafka client id (broker logs and quotas)',
    parse: parseText,
  }),
  compression: value({
    flag: '--compression', env: 'STREAMGEN_COMPRESSION', configKey: 'kafka.compression', section: 'kafka', valueName: 'none|gzip|lz4',
    default: 'lz4' as 'none' | 'gzip' | 'lz4', defaultText: 'lz4', doc: 'Kafka batch compression',
    parse: oneOf(['none', 'gzip', 'lz4'] as const),
  }),
  acks: value({
    flag: '--acks', env: 'STREAMGEN_ACKS', configKey: 'kafka.acks', section: 'kafka', valueName: '-1|0|1',
    default: -1 as -1 | 0 | 1, defaultText: '-1 (all)',
    doc: 'acknowledgements per produce: -1 waits for all in-sync replicas (no acked record is lost when a broker fails); 1 trades that for throughput',
    parse: parseAcks,
  }),
  batchRecords: value({
    flag: '--batch-records', env: 'STREAMGEN_BATCH_RECORDS', configKey: 'kafka.batchRecords', section: 'kafka', valueName: 'N',
    default: 10_000, defaultText: '10000 records', doc: 'records per produce batch (1 to 1000000)',
    parse: integerIn(1, 1_000_000, { suffixes: true }),
  }),
  lingerMs: value({
    flag: '--linger-ms', env: 'STREAMGEN_LINGER_MS', configKey: 'kafka.lingerMs', section: 'kafka', valueName: 'MS',
    default: 5, defaultText: '5 ms', doc: 'wait up to this long to fill a batch (0 to 60000)',
    parse: integerIn(0, 60_000),
  }),
  maxInFlight: value({
    flag: '--max-in-flight', env: 'STREAMGEN_MAX_IN_FLIGHT', configKey: 'kafka.maxInFlight', section: 'kafka', valueName: 'N',
    default: 5, defaultText: '5 requests', doc: 'unacknowledged produce requests per producer (1 to 1024); the backpressure limit',
    parse: integerIn(1, 1024),
  }),
  requestTimeoutMs: value({
    flag: '--request-timeout-ms', env: 'STREAMGEN_REQUEST_TIMEOUT_MS', configKey: 'kafka.requestTimeoutMs', section: 'kafka', valueName: 'MS',
    default: 30_000, defaultText: '30000 ms', doc: 'time a broker has to answer a request (1 to 600000)',
    parse: integerIn(1, 600_000),
  }),
  connectTimeoutMs: value({
    flag: '--connect-timeout-ms', env: 'STREAMGEN_CONNECT_TIMEOUT_MS', configKey: 'kafka.connectTimeoutMs', section: 'kafka', valueName: 'MS',
    default: 15_000, defaultText: '15000 ms', doc: 'time to reach the cluster before failing with SG_ERR_KAFKA_CONNECT (1 to 600000)',
    parse: integerIn(1, 600_000),
  }),
  retries: value({
    flag: '--retries', env: 'STREAMGEN_RETRIES', configKey: 'kafka.retries', section: 'kafka', valueName: 'N',
    default: 5, defaultText: '5', doc: 'retries of a failed produce before its records count as failed (0 to 100)',
    parse: integerIn(0, 100),
  }),
  replicationFactor: value({
    flag: '--replication-factor', env: 'STREAMGEN_REPLICATION_FACTOR', configKey: 'kafka.replicationFactor', section: 'kafka', valueName: 'N',
    default: 1, defaultText: '1', doc: 'replication factor of topics streamgen creates (1 to 32767)',
    parse: integerIn(1, 32_767),
  }),
  partitions: pairs({
    flag: '--partitions', env: 'STREAMGEN_PARTITIONS', configKey: 'kafka.partitions', section: 'kafka', valueName: 'TOPIC=N',
    defaultText: "the domain's default per topic", doc: 'partitions of a topic streamgen creates (repeatable; 1 to 100000)',
    parseEntry: integerIn(1, 100_000),
  }),
  createTopics: toggle({
    flag: '--create-topics', env: 'STREAMGEN_CREATE_TOPICS', configKey: 'kafka.createTopics', section: 'kafka',
    default: true, defaultText: 'on', doc: 'create missing topics before producing; --no-create-topics expects them to exist',
  }),
  schema: toggle({
    flag: '--schema', env: null, configKey: null, section: 'describe',
    default: false, defaultText: 'off', doc: 'print the JSON Schema of every topic, as one JSON object keyed by topic name',
  }),
  topic: value<string | null>({
    flag: '--topic', env: null, configKey: null, section: 'describe', valueName: 'NAME',
    default: null, defaultText: 'all topics', doc: 'with --schema (implied): only this topic',
    parse: parseText,
  }),
  json: toggle({
    flag: '--json', env: null, configKey: null, section: 'describe',
    default: false, defaultText: 'off', doc: 'machine-readable output',
  }),
} as const;

export type OptionName = keyof typeof OPTION_TABLE;

type RowValue<R> =
  R extends ValueRow<infer T> ? T : R extends SwitchRow ? boolean : R extends PairsRow<infer V> ? Readonly<Record<string, V>> : never;

/** Typed values of every option after precedence and parsing. */
export type OptionValues = { readonly [K in OptionName]: RowValue<(typeof OPTION_TABLE)[K]> };

/** Option names in table order. */
export const OPTION_NAMES = Object.keys(OPTION_TABLE) as OptionName[];

/** The row of an option. */
export function optionRow(name: OptionName): OptionRow {
  return OPTION_TABLE[name] as OptionRow;
}

/** Names of the options in one section, in table order. */
export function optionsIn(section: OptionSection): OptionName[] {
  return OPTION_NAMES.filter((n) => OPTION_TABLE[n].section === section);
}

/** The flag as help shows it: a switch that is on by default shows its `--no-` form. */
export function displayFlag(row: OptionRow): string {
  return row.kind === 'switch' && row.default ? `--no-${row.flag.slice(2)}` : row.flag;
}
