import { StreamgenError } from '../errors.js';
import { didYouMean } from './closest.js';
import { badValue } from './messages.js';
import { OPTION_NAMES, optionRow, type OptionName } from './option-table.js';
import { addEntry, emptySettings, type RawSettings } from './settings.js';
import { parseBoolean } from './value-parsers.js';

/** The flags of one command line, and its positional arguments. */
export interface ArgvSettings {
  readonly settings: RawSettings;
  readonly positionals: readonly string[];
}

/**
 * Read `--flag value`, `--flag=value`, switches (`--gzip`, `--no-gzip`) and repeatable `--knob NAME=VALUE`.
 * `command` names the command in messages (`streamgen run`); only the `accepted` options are valid.
 * A value may start with a single dash (`--acks -1`) but not with two: `--out --gzip` is a missing value.
 */
export function readArgv(argv: readonly string[], accepted: readonly OptionName[], command: string): ArgvSettings {
  const byFlag = new Map<string, { name: OptionName; negated: boolean }>();
  for (const name of accepted) {
    const row = optionRow(name);
    byFlag.set(row.flag, { name, negated: false });
    if (row.kind === 'switch') byFlag.set(`--no-${row.flag.slice(2)}`, { name, negated: true });
  }
  const settings = emptySettings();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (!token.startsWith('-') || token === '-') {
      positionals.push(token);
      continue;
    }
    const eq = token.indexOf('=');
    const flag = eq > 0 && token.startsWith('--') ? token.slice(0, eq) : token;
    const inline = eq > 0 && token.startsWith('--') ? token.slice(eq + 1) : undefined;
    const hit = byFlag.get(flag);
    if (hit === undefined) throw unknownFlag(flag, [...byFlag.keys()], command);
    const row = optionRow(hit.name);
    if (row.kind === 'switch') {
      const on = inline === undefined ? true : parseBoolean(inline, flag);
      settings.values.set(hit.name, { value: hit.negated ? !on : on, field: flag });
      continue;
    }
    let raw = inline;
    if (raw === undefined) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) {
        throw new StreamgenError('SG_ERR_CONFIG_TYPE', `${flag} needs a value (${row.valueName}); got nothing`);
      }
      raw = next;
      i++;
    }
    if (row.kind === 'value') {
      settings.values.set(hit.name, { value: raw, field: flag });
    } else {
      const [key, entry] = splitPair(raw, flag, row.valueName);
      addEntry(settings, hit.name, key, { value: entry, field: `${flag} ${key}` });
    }
  }
  return { settings, positionals };
}

/** `NAME=VALUE` → [NAME, VALUE]; both parts non-empty. */
export function splitPair(raw: string, field: string, valueName: string): [string, string] {
  const eq = raw.indexOf('=');
  if (eq <= 0 || eq === raw.length - 1) throw badValue('SG_ERR_CONFIG_TYPE', field, valueName, raw);
  return [raw.slice(0, eq).trim(), raw.slice(eq + 1).trim()];
}

function unknownFlag(flag: string, valid: readonly string[], command: string): StreamgenError {
  const elsewhere = OPTION_NAMES.map(optionRow).some((row) => row.flag === flag || `--no-${row.flag.slice(2)}` === flag);
  const hint = didYouMean(flag, valid);
  const what = elsewhere ? `${flag} does not apply to ${command}` : `unknown flag ${flag} for ${command}`;
  return new StreamgenError('SG_ERR_CONFIG_UNKNOWN', `${what}${hint || `; see ${command} --help`}`);
}
