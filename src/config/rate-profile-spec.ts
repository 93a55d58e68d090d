import { badValue } from './messages.js';
import type { RateProfileSpec } from './options.js';
import { parseDuration, parseRate, type ValueParser } from './value-parsers.js';

const ALLOWED = 'constant, diurnal, ramp:FROM..TO/DURATION (ramp:1k..10k/5m), step:RATE@AT,RATE@AT,... (step:1k@0,5k@2m) or burst:xFACTOR/DURATION/EVERY (burst:x3/30s/5m)';

/** A --profile value: how the main-topic rate varies over the run. */
export const parseProfile: ValueParser<RateProfileSpec> = (raw, field) => {
  if (typeof raw !== 'string') throw badValue('SG_ERR_CONFIG_TYPE', field, ALLOWED, raw);
  const fail = (): never => {
    throw badValue('SG_ERR_CONFIG_TYPE', field, ALLOWED, raw);
  };
  const rate = (s: string): number => {
    const r = parseRate(s, field);
    return r === 'max' ? fail() : r;
  };
  const text = raw.trim();
  if (text === 'constant' || text === 'diurnal') return { kind: text };
  const [kind, arg] = [text.slice(0, text.indexOf(':')), text.slice(text.indexOf(':') + 1)];
  if (kind === 'ramp') {
    const m = /^([^.]+)\.\.([^/]+)\/(.+)$/.exec(arg) ?? fail();
    return { kind, fromPerSec: rate(m[1]), toPerSec: rate(m[2]), durationMs: parseDuration(m[3], field) };
  }
  if (kind === 'step') {
    const steps = arg.split(',').map((part) => {
      const m = /^([^@]+)@(.+)$/.exec(part) ?? fail();
      return { perSec: rate(m[1]), atMs: m[2] === '0' ? 0 : parseDuration(m[2], field) };
    });
    if (steps[0].atMs !== 0 || steps.some((s, i) => i > 0 && s.atMs <= steps[i - 1].atMs)) {
      throw badValue('SG_ERR_CONFIG_RANGE', field, 'steps starting @0 at increasing offsets', raw);
    }
    return { kind, steps };
  }
  if (kind === 'burst') {
    const m = /^x([0-9.]+)\/([^/]+)\/(.+)$/.exec(arg) ?? fail();
    const factor = Number(m[1]);
    const durationMs = parseDuration(m[2], field);
    const everyMs = parseDuration(m[3], field);
    if (!(factor > 0) || everyMs <= durationMs) throw badValue('SG_ERR_CONFIG_RANGE', field, 'a factor > 0 and EVERY longer than DURATION', raw);
    return { kind, factor, durationMs, everyMs };
  }
  return fail();
};
