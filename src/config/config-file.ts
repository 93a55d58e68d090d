import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { StreamgenError } from '../errors.js';
import { didYouMean } from './closest.js';
import { badValue } from './messages.js';
import { OPTION_NAMES, optionRow, type OptionName } from './option-table.js';
import { addEntry, emptySettings, type RawSettings } from './settings.js';

/** Config keys (`rate`, `kafka.acks`, `knobs`) → option name, for every option a file may set. */
const BY_CONFIG_KEY = new Map<string, OptionName>(
  OPTION_NAMES.flatMap((name) => {
    const key = optionRow(name).configKey;
    return key === null ? [] : [[key, name] as const];
  }),
);

type Mapping = Record<string, unknown>;
const isMapping = (v: unknown): v is Mapping => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/**
 * Read a YAML or JSON config file (`path` as the user wrote it, relative to `cwd`). Keys are option names in
 * camelCase; `knobs:` and `kafka:` are maps. Every key must be an option (of any command, so one file serves
 * `run`, `topics` and `health`); only the `accepted` ones are returned. Messages name the file as written.
 */
export async function readConfigFile(path: string, cwd: string, accepted: readonly OptionName[]): Promise<RawSettings> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new StreamgenError('SG_ERR_CONFIG_FILE', `cannot read config file ${path}: ${code}`, { cause: err });
  }
  const doc = parseText(text, path);
  const settings = emptySettings();
  if (doc === null || doc === undefined) return settings;
  if (!isMapping(doc)) throw badValue('SG_ERR_CONFIG_FILE', path, 'a map of option names to values', doc);
  const take = (key: string, value: unknown, field: string): void => {
    const name = BY_CONFIG_KEY.get(key) as OptionName;
    if (!accepted.includes(name)) return;
    const row = optionRow(name);
    if (row.kind !== 'pairs') {
      settings.values.set(name, { value, field });
      return;
    }
    if (!isMapping(value)) throw badValue('SG_ERR_CONFIG_TYPE', field, `a map of ${row.valueName.replace('=', ': ')}`, value);
    for (const [entry, v] of Object.entries(value)) addEntry(settings, name, entry, { value: v, field: `${field}.${entry}` });
  };
  const topKeys = [...BY_CONFIG_KEY.keys()].filter((k) => !k.includes('.'));
  for (const [key, value] of Object.entries(doc)) {
    const field = `${path} ${key}`;
    if (key === 'kafka') {
      if (!isMapping(value)) throw badValue('SG_ERR_CONFIG_TYPE', field, 'a map of Kafka options', value);
      const kafkaKeys = [...BY_CONFIG_KEY.keys()].filter((k) => k.startsWith('kafka.')).map((k) => k.slice(6));
      for (const [kafkaKey, v] of Object.entries(value)) {
        if (!kafkaKeys.includes(kafkaKey)) throw unknownKey(`${field}.${kafkaKey}`, kafkaKey, kafkaKeys);
        take(`kafka.${kafkaKey}`, v, `${field}.${kafkaKey}`);
      }
    } else if (BY_CONFIG_KEY.has(key)) {
      take(key, value, field);
    } else {
      throw unknownKey(field, key, [...topKeys, 'kafka']);
    }
  }
  return settings;
}

function parseText(text: string, path: string): unknown {
  try {
    return extname(path).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    // The parser's first line names the problem and its line and column; the rest is a code excerpt.
    const first = (err instanceof Error ? err.message : String(err)).split('\n')[0].replace(/:$/, '');
    throw new StreamgenError('SG_ERR_CONFIG_FILE', `cannot parse config file ${path}: ${first}`, { cause: err });
  }
}

function unknownKey(field: string, key: string, valid: readonly string[]): StreamgenError {
  const hint = didYouMean(key, valid);
  return new StreamgenError('SG_ERR_CONFIG_UNKNOWN', `${field} is not an option${hint || `; valid keys: ${valid.join(', ')}`}`);
}
