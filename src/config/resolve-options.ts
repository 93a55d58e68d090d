import { readArgv } from './argv.js';
import { readConfigFile } from './config-file.js';
import { readEnv } from './env.js';
import { OPTION_NAMES, optionRow, type OptionName, type OptionValues } from './option-table.js';
import { emptySettings, type RawSettings, type Setting } from './settings.js';
import { parseBoolean } from './value-parsers.js';

/** Option values after precedence (flag > env > config file > default), with where each came from. */
export interface ResolvedOptions {
  readonly values: OptionValues;
  /** Field of each option that was set, as the user wrote it; options left at their default are absent. */
  readonly fields: ReadonlyMap<OptionName, string>;
  /** Field of each entry of the NAME=VALUE options (`--knob videos`, `run.yaml knobs.videos`). */
  readonly entryFields: ReadonlyMap<OptionName, ReadonlyMap<string, string>>;
  readonly positionals: readonly string[];
}

/** The command line, environment and working directory a command is parsed from. */
export interface Invocation {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** The command as messages name it: `streamgen run`. */
  readonly command: string;
}

/**
 * Read the `accepted` options from argv, env and the config file (when `config` is accepted and given), apply
 * precedence per option (per entry for NAME=VALUE maps) and parse every value. Options not accepted keep their
 * defaults. Throws the coded error of the first bad value, in the order flags, env, file.
 */
export async function resolveOptions(inv: Invocation, accepted: readonly OptionName[]): Promise<ResolvedOptions> {
  const flags = readArgv(inv.argv, accepted, inv.command);
  const env = readEnv(inv.env, accepted);
  const configSetting = flags.settings.values.get('config') ?? env.values.get('config');
  const file = configSetting === undefined || !accepted.includes('config')
    ? emptySettings()
    : await readConfigFile(String(configSetting.value), inv.cwd, accepted);
  const sources = [flags.settings, env, file];

  // Parse the winning value of each option, flags first, so the first error reported is one typed on the command line.
  const winners = OPTION_NAMES.flatMap((name) => {
    const winner = pickValue(sources, name);
    return winner === undefined ? [] : [{ name, ...winner }];
  }).sort((a, b) => a.source - b.source);
  const parsed = new Map<OptionName, unknown>();
  const fields = new Map<OptionName, string>();
  for (const w of winners) {
    parsed.set(w.name, parseSetting(w.name, w.setting));
    fields.set(w.name, w.setting.field);
  }
  const values: Record<string, unknown> = {};
  const entryFields = new Map<OptionName, Map<string, string>>();
  for (const name of OPTION_NAMES) {
    const row = optionRow(name);
    if (row.kind !== 'pairs') {
      values[name] = parsed.has(name) ? parsed.get(name) : row.default;
      continue;
    }
    const merged: Record<string, unknown> = {};
    const where = new Map<string, string>();
    // Highest precedence first: an entry already taken (from a flag) hides the same key in env or the file.
    for (const source of sources) {
      for (const [key, setting] of source.entries.get(name) ?? []) {
        if (where.has(key)) continue;
        merged[key] = row.parseEntry(setting.value, setting.field);
        where.set(key, setting.field);
      }
    }
    values[name] = merged;
    entryFields.set(name, where);
  }
  return { values: values as unknown as OptionValues, fields, entryFields, positionals: flags.positionals };
}

function pickValue(sources: readonly RawSettings[], name: OptionName): { source: number; setting: Setting } | undefined {
  for (let i = 0; i < sources.length; i++) {
    const setting = sources[i].values.get(name);
    if (setting !== undefined) return { source: i, setting };
  }
  return undefined;
}

function parseSetting(name: OptionName, setting: Setting): unknown {
  const row = optionRow(name);
  if (row.kind === 'switch') return parseBoolean(setting.value, setting.field);
  if (row.kind === 'value') return row.parse(setting.value, setting.field);
  return setting.value;
}

/**
 * How a conflict message names an option's current value: `--clock real`, `STREAMGEN_CLOCK=real`,
 * `run.yaml clock: real`, or `the default --clock simulated`.
 */
export function describeSetting(resolved: ResolvedOptions, name: OptionName, shown: string): string {
  const field = resolved.fields.get(name);
  const row = optionRow(name);
  if (field === undefined) return `the default ${row.flag} ${shown}`;
  if (field.startsWith('--')) return `${field} ${shown}`;
  if (field.includes(' ')) return `${field}: ${shown}`;
  return `${field}=${shown}`;
}

/** The field an option was set with, or its flag when it kept its default. */
export function fieldOf(resolved: ResolvedOptions, name: OptionName): string {
  return resolved.fields.get(name) ?? optionRow(name).flag;
}
