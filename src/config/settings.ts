import type { OptionName } from './option-table.js';

/** One raw value and the field it came from, as the user wrote it (`--rate`, `STREAMGEN_RATE`, `run.yaml rate`). */
export interface Setting {
  readonly value: unknown;
  readonly field: string;
}

/** What one source (argv, env or config file) says, before parsing: single values, and entries of NAME=VALUE maps. */
export interface RawSettings {
  readonly values: Map<OptionName, Setting>;
  readonly entries: Map<OptionName, Map<string, Setting>>;
}

/** An empty set of settings. */
export function emptySettings(): RawSettings {
  return { values: new Map(), entries: new Map() };
}

/** Record one entry of a NAME=VALUE option; a later entry with the same name replaces an earlier one. */
export function addEntry(settings: RawSettings, name: OptionName, key: string, setting: Setting): void {
  let map = settings.entries.get(name);
  if (map === undefined) settings.entries.set(name, (map = new Map()));
  map.set(key, setting);
}
