import { StreamgenError } from '../errors.js';
import { deepFreeze } from './deep-freeze.js';
import { optionsIn, type OptionName } from './option-table.js';
import type { RunOptions } from './options.js';
import { describeSetting, fieldOf, resolveOptions } from './resolve-options.js';
import { RUN_OPTION_NAMES, buildRunOptions } from './run-options.js';

/** The options `streamgen soak` accepts: everything `run` does, plus the SLO thresholds. */
export const SOAK_OPTION_NAMES: readonly OptionName[] = [...RUN_OPTION_NAMES, ...optionsIn('soak')];

/** A soak holds this main-topic rate unless --rate says otherwise, whatever the domain's own default rate. */
export const DEFAULT_SOAK_RATE = 10_000;
/** A soak run is this long unless --duration says otherwise. */
export const DEFAULT_SOAK_DURATION_MS = 10 * 60_000;

/** Validated options of `streamgen soak`. */
export interface SoakOptions {
  /** The run itself: always the real clock and a bounded --duration; its reportPath is null (soak writes its own). */
  readonly run: RunOptions;
  /** Where --report writes the soak report, or null. */
  readonly reportPath: string | null;
  /** The p99 produce latency SLO in ms (--slo-p99-ms). */
  readonly sloP99Ms: number;
}

/**
 * Parse `streamgen soak`: the run's options with soak defaults (real clock, 10 minutes at --rate, which defaults to
 * 10,000/s for every domain). A simulated clock, `--rate max` or `--events` contradict a soak at a held rate and are conflicts.
 */
export async function parseSoakOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): Promise<SoakOptions> {
  const r = await resolveOptions({ argv, env, cwd, command: 'streamgen soak' }, SOAK_OPTION_NAMES);
  const conflict = (message: string): StreamgenError => new StreamgenError('SG_ERR_CONFIG_CONFLICT', message);
  if (r.fields.has('clock') && r.values.clock !== 'real') throw conflict(`streamgen soak runs on the real clock; got ${describeSetting(r, 'clock', r.values.clock)}`);
  if (r.values.rate === 'max') throw conflict(`streamgen soak holds a target rate; got ${describeSetting(r, 'rate', 'max')}`);
  if (r.values.events !== null) throw conflict(`streamgen soak is bounded by --duration; got ${fieldOf(r, 'events')}`);
  const values = { ...r.values, clock: 'real' as const, duration: r.values.duration ?? DEFAULT_SOAK_DURATION_MS };
  const built = await buildRunOptions({ ...r, values }, cwd, 'streamgen soak');
  const rate = r.fields.has('rate') ? built.rate : DEFAULT_SOAK_RATE;
  return deepFreeze({ run: { ...built, rate, reportPath: null }, reportPath: built.reportPath, sloP99Ms: r.values.sloP99Ms });
}
