import { telemetryDomain } from '../../../src/domains/telemetry/index.js';
import { IdFormatter } from '../../../src/domains/telemetry/ids.js';
import { SALT } from '../../../src/domains/telemetry/salts.js';
import { TelemetryWorld } from '../../../src/domains/telemetry/world.js';
import type { KnobValues } from '../../../src/domains/domain.js';
import { DEFAULT_START_MS, runInline } from '../../support/inline-engine.js';

/** One acme-telemetry record as parsed JSON plus its Kafka key and timestamp. */
export interface TelemetryRecord {
  readonly key: string;
  readonly timestampMs: number;
  readonly v: Record<string, unknown> & {
    event_id: string; customer_id: string; title_id: string; session_id: string; device_id: string;
    event_type: string; event_timestamp: string; watch_duration_seconds: number; position_seconds: number;
    completion_percentage: number; quality: string; bandwidth_mbps: number; buffering_events: number;
    buffering_duration_seconds: number; error_count: number; _dq_violation?: string;
  };
}

/** Run the telemetry domain inline and parse every record, in emission order. */
export function sample(seed: number, events: number, ratePerSec: number, knobs: KnobValues = {}): TelemetryRecord[] {
  const out: TelemetryRecord[] = [];
  runInline({ domain: telemetryDomain, seed, events, ratePerSec, knobs }, (r) => {
    if (r.topic !== 'acme-telemetry') throw new Error(`unexpected topic ${r.topic}`);
    out.push({ key: r.key, timestampMs: r.timestampMs, v: JSON.parse(r.value) as TelemetryRecord['v'] });
  });
  return out;
}

/** Title length (seconds) by TITLE_ id, from the world of the same seed and knobs. */
export function titleLengths(seed: number, knobs: KnobValues = {}): Map<string, number> {
  const world = new TelemetryWorld({ seed, startMs: DEFAULT_START_MS, sliceCount: 64, knobs });
  const ids = new IdFormatter(seed, SALT.idTitle);
  const out = new Map<string, number>();
  for (let id = 1; id <= world.titles.count; id++) out.set('TITLE_' + ids.hex(id), world.titles.lengthSec[id]);
  return out;
}

/** Records grouped by session_id, each group in emission order. */
export function bySession(records: readonly TelemetryRecord[]): Map<string, TelemetryRecord[]> {
  const out = new Map<string, TelemetryRecord[]>();
  for (const r of records) {
    const list = out.get(r.v.session_id);
    if (list) list.push(r);
    else out.set(r.v.session_id, [r]);
  }
  return out;
}
