import type { KnobSpec, KnobValues } from './domain.js';

/** A domain's knob values as a typed record, defaults filled in (values were validated by src/config). */
export function readKnobs<T>(table: readonly KnobSpec[], values: KnobValues): T {
  const out: Record<string, number | boolean | string> = {};
  for (const k of table) {
    const v = values[k.name] ?? k.default;
    out[k.name] = k.type === 'number' || k.type === 'integer' ? Number(v) : v;
  }
  return out as T;
}
