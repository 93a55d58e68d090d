import { badValue } from './messages.js';

/**
 * Parsers from a raw value (a string from a flag or env var, or any YAML/JSON value from the config file) to a
 * typed option value. Each takes the field as the user wrote it (`--rate`, `STREAMGEN_RATE`, `run.yaml rate`)
 * and throws a coded error naming that field, what is allowed and what was received.
 */
export type ValueParser<T> = (raw: unknown, field: string) => T;

const SUFFIX_EXPONENT: Readonly<Record<string, number>> = { '': 0, k: 3, m: 6 };
const SUFFIXED = /^(-?)(\d+)(?:\.(\d+))?([km]?)$/i;

/**
 * A decimal number with an optional k (10^3) or m (10^6) suffix: "10k", "1.5m", "0.5". Digits are scaled as an
 * integer before one division, so "1.1k" is exactly 1100 (1.1 * 1000 would be 1100.0000000000002).
 */
export function parseSuffixedNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  const m = SUFFIXED.exec(raw.trim());
  if (m === null) return null;
  const [, sign, whole, fraction = '', suffix] = m;
  const shift = SUFFIX_EXPONENT[suffix.toLowerCase()] - fraction.length;
  const digits = Number(whole + fraction);
  const magnitude = shift >= 0 ? digits * 10 ** shift : digits / 10 ** -shift;
  return sign === '-' ? -magnitude : magnitude;
}

const SUFFIX_HINT = 'k and m suffixes allowed: 10k, 1.5m';

/** An integer in [min, max]; `suffixes` also accepts 10k / 1.5m. */
export function integerIn(min: number, max: number, opts: { suffixes?: boolean } = {}): ValueParser<number> {
  const allowed = opts.suffixes
    ? max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min} (${SUFFIX_HINT})` : `an integer from ${min} to ${max} (${SUFFIX_HINT})`
    : `an integer from ${min} to ${max}`;
  return (raw, field) => {
    const n = opts.suffixes ? parseSuffixedNumber(raw) : parsePlainNumber(raw);
    if (n === null || !Number.isInteger(n)) throw badValue('SG_ERR_CONFIG_TYPE', field, allowed, raw);
    if (n < min || n > max) throw badValue('SG_ERR_CONFIG_RANGE', field, allowed, raw);
    return n;
  };
}

/** A number in [min, max] (knobs). */
export function numberIn(min: number, max: number): ValueParser<number> {
  const allowed = `a number from ${min} to ${max}`;
  return (raw, field) => {
    const n = parseSuffixedNumber(raw);
    if (n === null) throw badValue('SG_ERR_CONFIG_TYPE', field, allowed, raw);
    if (n < min || n > max) throw badValue('SG_ERR_CONFIG_RANGE', field, allowed, raw);
    return n;
  };
}

function parsePlainNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string' || !/^-?\d+(\.\d+)?$/.test(raw.trim())) return null;
  return Number(raw);
}

/** --rate: records per second > 0 (k/m suffixes), or `max`. */
export const parseRate: ValueParser<number | 'max'> = (raw, field) => {
  const allowed = `a number > 0 (${SUFFIX_HINT}) or max`;
  if (raw === 'max') return 'max';
  const n = parseSuffixedNumber(raw);
  if (n === null) throw badValue('SG_ERR_CONFIG_TYPE', field, allowed, raw);
  if (n <= 0) throw badValue('SG_ERR_CONFIG_RANGE', field, allowed, raw);
  return n;
};

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/;
const DURATION_PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;

/** A duration such as 30s, 10m, 2h, 7d, 1h30m or 250ms, in whole milliseconds (> 0). */
export const parseDuration: ValueParser<number> = (raw, field) => {
  const allowed = 'a duration > 0 such as 30s, 10m, 2h, 7d or 1h30m';
  if (typeof raw !== 'string' || !DURATION.test(raw.trim())) throw badValue('SG_ERR_CONFIG_TYPE', field, allowed, raw);
  let ms = 0;
  for (const [, amount, unit] of raw.trim().matchAll(DURATION_PART)) ms += Number(amount) * UNIT_MS[unit];
  ms = Math.round(ms);
  if (ms < 1 || !Number.isSafeInteger(ms)) throw badValue('SG_ERR_CONFIG_RANGE', field, allowed, raw);
  return ms;
};

/** One of a fixed list of strings. YAML reads `sink: null` as the null value, so null stands for a choice named "null". */
export function oneOf<T extends string>(choices: readonly T[]): ValueParser<T> {
  return (raw, field) => {
    const text = raw === null ? 'null' : raw;
    if (typeof text === 'string' && (choices as readonly string[]).includes(text)) return text as T;
    throw badValue('SG_ERR_CONFIG_ENUM', field, `one of ${choices.join(', ')}`, raw);
  };
}

/** A boolean from an env var or config file: true/false, 1/0, yes/no. */
export const parseBoolean: ValueParser<boolean> = (raw, field) => {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'string') {
    const s = raw.trim().toLowerCase();
    if (s === 'true' || s === '1' || s === 'yes') return true;
    if (s === 'false' || s === '0' || s === 'no') return false;
  }
  throw badValue('SG_ERR_CONFIG_TYPE', field, 'true or false', raw);
};

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO-8601 instant with a time zone (Z or ±hh:mm), as epoch ms; impossible dates such as Feb 30 are refused. */
export const parseInstant: ValueParser<number> = (raw, field) => {
  const allowed = 'an ISO-8601 instant with a time zone, such as 2026-02-07T10:00:00Z';
  const text = raw instanceof Date ? raw.toISOString() : raw;
  const m = typeof text === 'string' ? INSTANT.exec(text.trim()) : null;
  if (m === null) throw badValue('SG_ERR_CONFIG_TYPE', field, allowed, raw);
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((part) => Number(part ?? 0));
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  const ms = Date.parse(String(text).trim());
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth || h > 23 || mi > 59 || s > 59 || Number.isNaN(ms)) {
    throw badValue('SG_ERR_CONFIG_RANGE', field, allowed, raw);
  }
  return ms;
};

/** `--shard I/N` with 0 <= I < N <= 1024. */
export const parseShard: ValueParser<{ index: number; count: number }> = (raw, field) => {
  const allowed = 'I/N with 0 <= I < N <= 1024, such as 0/4';
  const m = typeof raw === 'string' ? /^(\d+)\/(\d+)$/.exec(raw.trim()) : null;
  if (m === null) throw badValue('SG_ERR_CONFIG_TYPE', field, allowed, raw);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > 1024 || index >= count) throw badValue('SG_ERR_CONFIG_RANGE', field, allowed, raw);
  return { index, count };
};

/** A non-empty string (paths, names). */
export const parseText: ValueParser<string> = (raw, field) => {
  if (typeof raw === 'string' && raw.trim().length > 0) return raw;
  throw badValue('SG_ERR_CONFIG_TYPE', field, 'a non-empty string', raw);
};

const BROKER = /^(?:[A-Za-z0-9._-]+|\[[0-9A-Fa-f:.]+\]):(\d{1,5})$/;

/** Brokers as `host:port,host:port` (or a YAML list of `host:port`). */
export const parseBrokers: ValueParser<string[]> = (raw, field) => {
  const allowed = 'a comma-separated list of host:port';
  const items = typeof raw === 'string' ? raw.split(',').map((b) => b.trim()) : Array.isArray(raw) ? raw : null;
  if (items === null || items.length === 0) throw badValue('SG_ERR_CONFIG_TYPE', field, allowed, raw);
  for (const item of items) {
    const m = typeof item === 'string' ? BROKER.exec(item) : null;
    if (m === null) throw badValue('SG_ERR_CONFIG_TYPE', field, allowed, raw);
    const port = Number(m[1]);
    if (port < 1 || port > 65_535) throw badValue('SG_ERR_CONFIG_RANGE', field, `${allowed} (ports 1 to 65535)`, raw);
  }
  return items as string[];
};

/** Kafka acks: -1 (all in-sync replicas, also spelled `all`), 0 or 1. */
export const parseAcks: ValueParser<-1 | 0 | 1> = (raw, field) => {
  if (raw === 'all' || raw === -1 || raw === '-1') return -1;
  if (raw === 0 || raw === '0') return 0;
  if (raw === 1 || raw === '1') return 1;
  throw badValue('SG_ERR_CONFIG_ENUM', field, 'one of -1 (all), 0, 1', raw);
};
