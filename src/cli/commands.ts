import type { OptionName } from '../config/option-table.js';
import { RUN_OPTION_NAMES, parseRunOptions } from '../config/run-options.js';
import { HISTORICAL_OPTION_NAMES, parseHistoricalOptions } from '../config/historical-options.js';
import { SOAK_OPTION_NAMES, parseSoakOptions } from '../config/soak-options.js';
import type { CliContext } from './cli-io.js';
import {
  DESCRIBE_OPTION_NAMES, KAFKA_COMMAND_OPTION_NAMES, parseDescribeOptions, parseHealthOptions, parseTopicsOptions,
} from './command-options.js';

/** One example in a command's help: the command line and what it does. */
export interface Example {
  readonly line: string;
  readonly does: string;
}

/** A command of the CLI: what help shows, and how it runs. */
export interface CommandSpec {
  readonly name: string;
  /** One line for `streamgen --help`. */
  readonly summary: string;
  /** Positional arguments as help shows them (`create|describe`), '' for none. */
  readonly args: string;
  /** Rows of src/config/option-table.ts this command accepts, in help order. */
  readonly options: readonly OptionName[];
  readonly examples: readonly Example[];
  /** Validate the arguments, then import the command's module and run it; resolves to the exit code. */
  readonly action: (argv: readonly string[], ctx: CliContext) => Promise<number>;
}

/**
 * Every command, flag, description and example in one list (help, docs/cli.md and dispatch read it).
 * Adding a command is one row here plus one file, src/cli/commands/<name>.ts, exporting an async function
 * `(options, io) => exit code`. The row's `action` parses argv into that function's options (validation
 * first, so bad input never loads the command's dependencies) and imports the file lazily.
 */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'run',
    summary: 'generate records into a sink (files under ./out by default)',
    args: '',
    options: RUN_OPTION_NAMES,
    examples: [
      { line: 'streamgen run', does: '100,000 content events + CDC, deterministic, as JSON Lines under ./out' },
      { line: 'streamgen run --events 1m --workers 4 --gzip', does: 'one million events, gzipped part files' },
      { line: 'streamgen run --duration 7d --rate 2k --out ./backfill', does: 'a week of simulated timeline at 2,000 events/s' },
      { line: 'streamgen run --sink stdout --wrap --events 10 --quiet', does: 'ten records on stdout with topic, key and timestamp' },
      { line: 'streamgen run --sink kafka --clock real --rate 5k --duration 10m', does: 'ten minutes of live traffic into Kafka on 127.0.0.1:9092' },
      { line: 'streamgen run --shard 1/4 --knob videos=100k', does: 'the second of four instances, with a larger catalogue' },
    ],
    action: async (argv, ctx) => {
      const options = await parseRunOptions(argv, ctx.env, ctx.cwd);
      return (await import('./commands/run.js')).runCommand(options, ctx.io);
    },
  },
  {
    name: 'soak',
    summary: 'run on the real clock at a held rate, then check SLOs (rate, p99 latency, failures, RSS, broker counts)',
    args: '',
    options: SOAK_OPTION_NAMES,
    examples: [
      { line: 'streamgen soak --sink kafka', does: 'ten minutes at 10,000 events/s into Kafka, reconciled with the end offsets' },
      { line: 'streamgen soak --sink kafka --duration 4h --rate 20k --report soak.json', does: 'four hours at 20,000/s, verdict also as JSON' },
      { line: 'streamgen soak --sink null --duration 1m --stats-json soak.jsonl', does: 'a generator-only soak with the per-second series' },
    ],
    action: async (argv, ctx) => {
      const options = await parseSoakOptions(argv, ctx.env, ctx.cwd);
      return (await import('./commands/soak.js')).soakCommand(options, ctx.io);
    },
  },
  {
    name: 'historical',
    summary: 'backfill N days of history on the simulated clock, ending at the last UTC midnight (spec 002)',
    args: '',
    options: HISTORICAL_OPTION_NAMES,
    examples: [
      { line: 'streamgen historical --domain commerce --days 7', does: 'a week of shop traffic with daily cycles, as JSON Lines under ./out' },
      { line: 'streamgen historical --days 30 --profile diurnal --sink kafka', does: 'a month of content events with a daily load shape into Kafka' },
      { line: 'streamgen historical --days 1 --start 2026-11-27T00:00:00Z --domain commerce', does: 'Black Friday, reproducibly' },
    ],
    action: async (argv, ctx) => {
      const options = await parseHistoricalOptions(argv, ctx.env, ctx.cwd);
      return (await import('./commands/run.js')).runCommand(options, ctx.io);
    },
  },
  {
    name: 'describe',
    summary: "show a domain's topics, knobs and the options table, or its topics' JSON Schemas",
    args: '',
    options: DESCRIBE_OPTION_NAMES,
    examples: [
      { line: 'streamgen describe', does: 'topics, knobs and options of the content domain' },
      { line: 'streamgen describe --schema', does: 'JSON Schemas of every topic, keyed by topic name' },
      { line: 'streamgen describe --topic content_events', does: 'the JSON Schema of one topic' },
      { line: 'streamgen describe --json', does: 'everything above as one JSON document' },
    ],
    action: async (argv, ctx) => {
      const options = await parseDescribeOptions(argv, ctx);
      return (await import('./commands/describe.js')).describeCommand(options, ctx.io);
    },
  },
  {
    name: 'topics',
    summary: "create or describe the domain's Kafka topics",
    args: 'create|describe',
    options: KAFKA_COMMAND_OPTION_NAMES,
    examples: [
      { line: 'streamgen topics create --partitions content_events=24', does: 'create missing topics, 24 partitions for the main one' },
      { line: 'streamgen topics describe --brokers 127.0.0.1:9092', does: 'partitions and replication of each topic' },
    ],
    action: async (argv, ctx) => {
      const options = await parseTopicsOptions(argv, ctx);
      return (await import('./commands/topics.js')).topicsCommand(options, ctx.io);
    },
  },
  {
    name: 'health',
    summary: "check the Kafka cluster: connectivity, controller, the domain's topics and their partitions",
    args: '',
    options: KAFKA_COMMAND_OPTION_NAMES,
    examples: [{ line: 'streamgen health --brokers 127.0.0.1:9092', does: 'exit 0 when the cluster and topics are ready' }],
    action: async (argv, ctx) => {
      const options = await parseHealthOptions(argv, ctx);
      return (await import('./commands/health.js')).healthCommand(options, ctx.io);
    },
  },
];

/** The command of a name, or undefined. */
export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}
