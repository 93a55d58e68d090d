import { StreamgenError } from '../errors.js';
import { deepFreeze } from './deep-freeze.js';
import { optionsIn, type OptionName } from './option-table.js';
import type { RunOptions } from './options.js';
import { fieldOf, resolveOptions } from './resolve-options.js';
import { RUN_OPTION_NAMES, buildRunOptions } from './run-options.js';

/** The options `streamgen historical` accepts: everything `run` does, plus --days. */
export const HISTORICAL_OPTION_NAMES: readonly OptionName[] = [...RUN_OPTION_NAMES, ...optionsIn('historical')];

/** Days of backfill when --days is not given. */
export const DEFAULT_HISTORICAL_DAYS = 7;
const DAY_MS = 86_400_000;

/**
 * Parse `streamgen historical` (spec 002's backfill): the simulated clock over --days whole days ending at the last
 * UTC midnight before `nowMs` (or starting at --start when given, for a reproducible backfill). The clock, --events and
 * --duration are implied, so setting them is a conflict.
 */
export async function parseHistoricalOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  nowMs: number = Date.now(),
): Promise<RunOptions> {
  const r = await resolveOptions({ argv, env, cwd, command: 'streamgen historical' }, HISTORICAL_OPTION_NAMES);
  for (const name of ['clock', 'events', 'duration'] as const) {
    if (r.fields.has(name)) {
      throw new StreamgenError('SG_ERR_CONFIG_CONFLICT', `streamgen historical sets the clock and the length itself (simulated, --days); got ${fieldOf(r, name)}`);
    }
  }
  const days = r.values.days ?? DEFAULT_HISTORICAL_DAYS;
  const start = r.fields.has('start') ? r.values.start : Math.floor(nowMs / DAY_MS) * DAY_MS - days * DAY_MS;
  const values = { ...r.values, clock: 'simulated' as const, start, duration: days * DAY_MS, events: null };
  return deepFreeze(await buildRunOptions({ ...r, values }, cwd, 'streamgen historical', env));
}
