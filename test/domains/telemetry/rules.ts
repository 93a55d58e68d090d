import type { TelemetryRecord } from './sample.js';

const REQUIRED = [
  'event_id', 'customer_id', 'title_id', 'session_id', 'event_type', 'event_timestamp', 'watch_duration_seconds',
  'position_seconds', 'completion_percentage', 'device_type', 'device_id', 'device_os', 'app_version', 'quality',
  'bandwidth_mbps', 'buffering_events', 'buffering_duration_seconds', 'error_count', 'ip_address', 'country', 'city',
  'isp', 'connection_type',
];
const ID_PATTERNS: ReadonlyArray<readonly [string, RegExp]> = [
  ['event_id', /^EVENT_[0-9a-f]{8}$/], ['customer_id', /^CUST_[0-9a-f]{8}$/], ['title_id', /^TITLE_[0-9a-f]{8}$/],
  ['session_id', /^SESSION_[0-9a-f]{8}$/], ['device_id', /^DEVICE_[0-9a-f]{8}$/],
];
const inRange = (x: unknown, lo: number, hi: number, integer: boolean): boolean =>
  typeof x === 'number' && x >= lo && x <= hi && (!integer || Number.isInteger(x));

/** The spec 004 data-quality rules a record breaks, by the names `_dq_violation` uses (other_range: the remaining ranges). */
export function violations(r: TelemetryRecord, titleLength: ReadonlyMap<string, number>): string[] {
  const v = r.v;
  const out: string[] = [];
  if (REQUIRED.some((f) => v[f] === undefined || v[f] === null)) out.push('required_field_null');
  if (ID_PATTERNS.some(([f, re]) => typeof v[f] === 'string' && !re.test(v[f] as string))) out.push('identifier_format');
  if (!inRange(v.completion_percentage, 0, 100, false)) out.push('completion_percentage_range');
  if (!inRange(v.bandwidth_mbps, 0, 1000, false)) out.push('bandwidth_mbps_range');
  if (v.buffering_duration_seconds > v.watch_duration_seconds) out.push('buffering_exceeds_watch');
  const len = titleLength.get(v.title_id);
  if (len === undefined || v.position_seconds > len) out.push('position_exceeds_length');
  if (v.event_type === 'start' && v.watch_duration_seconds !== 0) out.push('start_with_watch');
  if (v.buffering_events === 0 && v.buffering_duration_seconds !== 0) out.push('buffering_duration_without_events');
  if (v.quality === '4K' && !(v.bandwidth_mbps >= 15)) out.push('4k_low_bandwidth');
  if (!inRange(v.watch_duration_seconds, 0, 86_400, true) || !inRange(v.position_seconds, 0, 86_400, true)
    || !inRange(v.buffering_events, 0, 1000, true) || !inRange(v.buffering_duration_seconds, 0, 3600, true)
    || !inRange(v.error_count, 0, 100, true)) out.push('other_range');
  return out;
}
