import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Domain } from '../domains/domain.js';
import { parseScenarioParams } from '../domains/scenario-params.js';
import { scenariosOf } from '../domains/traffic-modes.js';
import { StreamgenError } from '../errors.js';
import { badValue } from './messages.js';
import type { ChaosPlanEntry } from './options.js';
import { parseDuration } from './value-parsers.js';

const SPEC_FORM = 'NAME[:param=value,...][@START][+DURATION], several joined by ";" (supernova:factor=800@5m+10m;broken_client@20m)';

/** Validate one planned scenario against the domain's scenario tables. */
function entry(domain: Domain, name: string, startOffsetMs: number, durationMs: number | null, raw: Record<string, string | number>, field: string): ChaosPlanEntry {
  const spec = scenariosOf(domain).find((s) => s.name === name);
  if (!spec) {
    const names = scenariosOf(domain).map((s) => s.name).join(', ');
    throw new StreamgenError('SG_ERR_CONFIG_ENUM', `${field} scenario must be one of ${names} (domain ${domain.name}); got ${JSON.stringify(name)}`);
  }
  try {
    return { name, startOffsetMs, durationMs, params: parseScenarioParams(spec, raw) };
  } catch (err) {
    if (err instanceof StreamgenError) throw new StreamgenError(err.code, `${field}: ${err.message}`);
    throw err;
  }
}

/** Parse --chaos: `NAME[:k=v,...][@START][+DURATION]` entries separated by `;`. */
export function parseChaosFlag(domain: Domain, text: string, field: string): ChaosPlanEntry[] {
  return text.split(';').map((s) => s.trim()).filter(Boolean).map((part) => {
    const m = /^([a-z_]+)(?::([^@+]*))?(?:@([^+]+))?(?:\+(.+))?$/.exec(part);
    if (!m) throw badValue('SG_ERR_CONFIG_TYPE', field, SPEC_FORM, part);
    const params: Record<string, string> = {};
    for (const kv of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = kv.indexOf('=');
      if (eq <= 0) throw badValue('SG_ERR_CONFIG_TYPE', field, SPEC_FORM, part);
      params[kv.slice(0, eq)] = kv.slice(eq + 1);
    }
    const start = m[3] === undefined || m[3] === '0' ? 0 : parseDuration(m[3], `${field} start`);
    const duration = m[4] === undefined ? null : parseDuration(m[4], `${field} duration`);
    return entry(domain, m[1], start, duration, params, field);
  });
}

/**
 * Read a chaos timeline (YAML or JSON): a list of `{at: 5m, scenario: supernova, for: 10m, params: {factor: 500}}`
 * (`at` defaults to 0, `for` to the rest of the run), or a map with that list under `timeline:`.
 */
export async function readChaosTimeline(domain: Domain, path: string, cwd: string, field: string): Promise<ChaosPlanEntry[]> {
  let doc: unknown;
  try {
    doc = parseYaml(await readFile(resolve(cwd, path), 'utf8'));
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message.split('\n')[0] : String(err));
    throw new StreamgenError('SG_ERR_CONFIG_FILE', `cannot read chaos timeline ${path} (${field}): ${why}`, { cause: err });
  }
  const list = Array.isArray(doc) ? doc : (doc as { timeline?: unknown } | null)?.timeline;
  if (!Array.isArray(list)) throw badValue('SG_ERR_CONFIG_FILE', path, 'a list of {at, scenario, for, params} entries (or timeline: [...])', doc);
  return list.map((item: unknown, i: number) => {
    const where = `${path} timeline[${i}]`;
    if (typeof item !== 'object' || item === null) throw badValue('SG_ERR_CONFIG_FILE', where, 'a map with scenario, at, for, params', item);
    const e = item as Record<string, unknown>;
    for (const key of Object.keys(e)) {
      if (!['at', 'scenario', 'for', 'params'].includes(key)) throw new StreamgenError('SG_ERR_CONFIG_UNKNOWN', `${where} has no key ${JSON.stringify(key)}; keys: at, scenario, for, params`);
    }
    if (typeof e.scenario !== 'string') throw badValue('SG_ERR_CONFIG_FILE', `${where}.scenario`, 'a scenario name', e.scenario);
    const start = e.at === undefined || e.at === 0 || e.at === '0' ? 0 : parseDuration(e.at, `${where}.at`);
    const duration = e.for === undefined || e.for === null ? null : parseDuration(e.for, `${where}.for`);
    const params = (e.params ?? {}) as Record<string, string | number>;
    if (typeof params !== 'object') throw badValue('SG_ERR_CONFIG_FILE', `${where}.params`, 'a map of parameter values', params);
    return entry(domain, e.scenario, start, duration, params, where);
  });
}
