import { resolve } from 'node:path';
import { loadDomain } from '../domains/index.js';
import { StreamgenError } from '../errors.js';
import { parseChaosFlag, readChaosTimeline } from './chaos-plan.js';
import { deepFreeze } from './deep-freeze.js';
import { checkPartitionTopics, kafkaConfigFrom } from './kafka-options.js';
import { validateKnobs } from './knob-values.js';
import { optionsIn, type OptionName } from './option-table.js';
import type { RunOptions } from './options.js';
import { describeSetting, fieldOf, resolveOptions, type ResolvedOptions } from './resolve-options.js';
import { checkReportPath, ensureWritableDir } from './writable-paths.js';

/** The options `streamgen run` accepts: the run and Kafka sections of the table. */
export const RUN_OPTION_NAMES: readonly OptionName[] = [...optionsIn('run'), ...optionsIn('kafka')];

/** `--events` when neither --events nor --duration bounds a simulated run: a small deterministic run. */
export const DEFAULT_SIMULATED_EVENTS = 100_000;

/**
 * Parse and validate everything `streamgen run` is given (flags > env > config file > defaults) into the frozen
 * RunOptions. Nothing runs and nothing is written unless all input is valid; the last check creates the files
 * sink's output directory. Throws a coded StreamgenError (exit code 2) for any bad input.
 */
export async function parseRunOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): Promise<RunOptions> {
  const r = await resolveOptions({ argv, env, cwd, command: 'streamgen run' }, RUN_OPTION_NAMES);
  return buildRunOptions(r, cwd, 'streamgen run', env);
}

/** Validate resolved values into the frozen RunOptions (shared by `run` and `soak`); `env` supplies knob aliases. */
export async function buildRunOptions(r: ResolvedOptions, cwd: string, command: string, env: Readonly<Record<string, string | undefined>> = {}): Promise<RunOptions> {
  if (r.positionals.length > 0) {
    throw new StreamgenError('SG_ERR_CONFIG_UNKNOWN', `unexpected argument ${JSON.stringify(r.positionals[0])} for ${command}; options are flags such as --events 10k`);
  }
  checkConflicts(r);
  const v = r.values;
  const domain = await loadDomain(v.domain);
  const knobs = validateKnobs(domain, v.knobs, r.entryFields.get('knobs') ?? new Map(), env);
  checkPartitionTopics(domain, r);

  const chaos = [
    ...(v.chaos === null ? [] : parseChaosFlag(domain, v.chaos, fieldOf(r, 'chaos'))),
    ...(v.chaosTimeline === null ? [] : await readChaosTimeline(domain, v.chaosTimeline, cwd, fieldOf(r, 'chaosTimeline'))),
  ];
  const reportPath = v.report === null ? null : resolve(cwd, v.report);
  if (v.report !== null) await checkReportPath(resolve(cwd, v.report), fieldOf(r, 'report'), v.report);
  const statsJsonPath = v.statsJson === null ? null : resolve(cwd, v.statsJson);
  if (v.statsJson !== null) await checkReportPath(resolve(cwd, v.statsJson), fieldOf(r, 'statsJson'), v.statsJson);
  const outDir = resolve(cwd, v.out);
  if (v.sink === 'files') await ensureWritableDir(outDir, fieldOf(r, 'out'), v.out);

  const options: RunOptions = {
    domain: v.domain,
    events: v.events ?? (v.clock === 'simulated' && v.duration === null ? DEFAULT_SIMULATED_EVENTS : null),
    durationMs: v.duration,
    rate: r.fields.has('rate') ? v.rate : (domain.defaultRatePerSec ?? v.rate),
    profile: v.profile,
    chaos,
    controlPort: v.controlPort,
    controlHost: v.controlHost,
    seed: v.seed,
    workers: v.workers,
    clock: v.clock,
    startMs: v.start,
    shard: { ...v.shard },
    slices: v.slices,
    sink: { name: v.sink, outDir, gzip: v.gzip, fileNaming: v.fileNaming, wrap: v.wrap, kafka: kafkaConfigFrom(v) },
    knobs,
    reportPath,
    statsJsonPath,
    metricsPort: v.metricsPort,
    metricsHost: v.metricsHost,
    quiet: v.quiet,
    verbose: v.verbose,
  };
  return deepFreeze(options);
}

/** Options that cannot be used together, named as the user set them. */
function checkConflicts(r: ResolvedOptions): void {
  const v = r.values;
  const conflict = (message: string): StreamgenError => new StreamgenError('SG_ERR_CONFIG_CONFLICT', message);
  if (v.rate === 'max' && v.clock === 'simulated') {
    throw conflict(`${describeSetting(r, 'rate', 'max')} needs --clock real (a simulated timeline has a fixed rate); got ${describeSetting(r, 'clock', v.clock)}`);
  }
  if (r.fields.has('start') && v.clock === 'real') {
    throw conflict(`${fieldOf(r, 'start')} only applies to --clock simulated (the real clock starts now); got ${describeSetting(r, 'clock', v.clock)}`);
  }
  if (v.quiet && v.verbose) throw conflict(`${fieldOf(r, 'quiet')} cannot be used with ${fieldOf(r, 'verbose')}`);
  if (v.gzip && v.sink !== 'files') throw conflict(`${fieldOf(r, 'gzip')} only applies to --sink files; got ${describeSetting(r, 'sink', v.sink)}`);
  if (v.fileNaming !== 'parts' && v.sink !== 'files') throw conflict(`${fieldOf(r, 'fileNaming')} only applies to --sink files; got ${describeSetting(r, 'sink', v.sink)}`);
  if (v.wrap && v.sink !== 'stdout') throw conflict(`${fieldOf(r, 'wrap')} only applies to --sink stdout; got ${describeSetting(r, 'sink', v.sink)}`);
}
