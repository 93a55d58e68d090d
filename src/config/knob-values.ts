import type { Domain, KnobSpec, KnobValues } from '../domains/domain.js';
import { StreamgenError } from '../errors.js';
import { didYouMean } from './closest.js';
import type { RawKnob } from './option-table.js';
import { integerIn, numberIn, oneOf, parseBoolean, parseText, type ValueParser } from './value-parsers.js';

/** The parser a knob's table row calls for: its type, range and choices. */
export function knobParser(spec: KnobSpec): ValueParser<number | boolean | string> {
  const min = spec.min ?? -Number.MAX_SAFE_INTEGER;
  const max = spec.max ?? Number.MAX_SAFE_INTEGER;
  switch (spec.type) {
    case 'integer': return integerIn(min, max, { suffixes: true });
    case 'number': return numberIn(min, max);
    case 'boolean': return parseBoolean;
    case 'string': return spec.choices ? oneOf(spec.choices) : parseText;
  }
}

/**
 * Validate knob values against the domain's knob table and fill in the defaults of the others.
 * `fields` names each knob as the user set it (`--knob videos`, `run.yaml knobs.videos`). A knob set nowhere
 * else is taken from its spec environment aliases (`WIN_RATE`), named as such in errors.
 */
export function validateKnobs(
  domain: Domain,
  given: Readonly<Record<string, RawKnob>>,
  givenFields: ReadonlyMap<string, string>,
  env: Readonly<Record<string, string | undefined>> = {},
): KnobValues {
  const names = domain.knobs.map((k) => k.name);
  const raw: Record<string, RawKnob> = { ...given };
  const fields = new Map(givenFields);
  for (const spec of domain.knobs) {
    if (spec.name in raw) continue;
    const alias = spec.envAliases?.find((a) => env[a] !== undefined && env[a] !== '');
    if (alias === undefined) continue;
    raw[spec.name] = env[alias] as string;
    fields.set(spec.name, alias);
  }
  const out: Record<string, number | boolean | string> = {};
  for (const [name, value] of Object.entries(raw)) {
    const field = fields.get(name) ?? `--knob ${name}`;
    const spec = domain.knobs.find((k) => k.name === name);
    if (spec === undefined) {
      const hint = didYouMean(name, names);
      throw new StreamgenError('SG_ERR_CONFIG_UNKNOWN', `${field} is not a knob of domain ${domain.name}${hint || `; knobs: ${names.join(', ')}`}`);
    }
    out[name] = knobParser(spec)(value, field);
  }
  for (const spec of domain.knobs) if (!(spec.name in out)) out[spec.name] = spec.default;
  return out;
}
