import { splitPair } from './argv.js';
import { optionRow, type OptionName } from './option-table.js';
import { addEntry, emptySettings, type RawSettings } from './settings.js';

/**
 * Read the `accepted` options from environment variables: STREAMGEN_<NAME>, else the specs' alias names.
 * An empty variable counts as unset (`STREAMGEN_RATE= streamgen run` uses the next source). NAME=VALUE options
 * take comma-separated pairs: STREAMGEN_KNOBS=videos=1000,users=50000.
 */
export function readEnv(env: Readonly<Record<string, string | undefined>>, accepted: readonly OptionName[]): RawSettings {
  const settings = emptySettings();
  for (const name of accepted) {
    const row = optionRow(name);
    if (row.env === null) continue;
    const variable = [row.env, ...row.envAliases].find((v) => (env[v] ?? '') !== '');
    if (variable === undefined) continue;
    const raw = env[variable] as string;
    if (row.kind === 'pairs') {
      for (const pair of raw.split(',').filter((p) => p.trim() !== '')) {
        const [key, value] = splitPair(pair.trim(), variable, row.valueName);
        addEntry(settings, name, key, { value, field: `${variable} ${key}` });
      }
    } else {
      settings.values.set(name, { value: raw, field: variable });
    }
  }
  return settings;
}
