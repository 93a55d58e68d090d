import { StreamgenError } from '../errors.js';
import type { ScenarioSpec } from './domain.js';

/** Validate `key=value` parameters of a scenario against its table. */
export function parseScenarioParams(spec: ScenarioSpec, raw: Readonly<Record<string, string | number>>): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const [key, value] of Object.entries(raw)) {
    const p = spec.params.find((x) => x.name === key);
    if (!p) {
      const allowed = spec.params.length > 0 ? spec.params.map((x) => x.name).join(', ') : 'none';
      throw new StreamgenError('SG_ERR_CONFIG_UNKNOWN', `scenario ${spec.name} has no parameter ${JSON.stringify(key)}; parameters: ${allowed}`);
    }
    if (p.type === 'string') {
      out[key] = String(value);
      continue;
    }
    const n = Number(value);
    const okType = Number.isFinite(n) && (p.type !== 'integer' || Number.isInteger(n));
    if (!okType || (p.min !== undefined && n < p.min) || (p.max !== undefined && n > p.max)) {
      throw new StreamgenError('SG_ERR_CONFIG_RANGE', `scenario ${spec.name} parameter ${key} must be ${p.type === 'integer' ? 'an integer' : 'a number'} from ${p.min} to ${p.max}; got ${JSON.stringify(value)}`);
    }
    out[key] = n;
  }
  return out;
}
