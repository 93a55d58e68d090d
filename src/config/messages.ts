import { StreamgenError, type ErrorCode } from '../errors.js';

/** How a received value is quoted in messages: strings in quotes, numbers and booleans bare, long values cut. */
export function shown(raw: unknown): string {
  const text = raw === undefined ? 'nothing' : JSON.stringify(raw) ?? String(raw);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The one shape of a bad-value error: `<field> must be <allowed>; got <received>`. */
export function badValue(code: ErrorCode, field: string, allowed: string, raw: unknown): StreamgenError {
  return new StreamgenError(code, `${field} must be ${allowed}; got ${shown(raw)}`);
}
