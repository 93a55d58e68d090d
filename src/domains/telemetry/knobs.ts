import type { KnobSpec, KnobValues } from '../domain.js';
import { readKnobs } from '../knob-table.js';

/** The telemetry domain's knobs (spec 004), validated by src/config from this table. */
export const TELEMETRY_KNOBS: readonly KnobSpec[] = [
  { name: 'customers', type: 'integer', default: 1_000_000, min: 100, max: 100_000_000, doc: 'customer accounts (1 … N, ≈ 2 devices each); the keyspace the slices cut. Open sessions ≈ rate × 230 s must stay well below the devices, e.g. ≥ 1M customers for --rate 1000' },
  { name: 'titles', type: 'integer', default: 20_000, min: 10, max: 10_000_000, doc: 'titles in the catalogue (episodes, movies, specials), popularity Zipf over rank' },
  { name: 'titleZipfExponent', type: 'number', default: 1, min: 0, max: 3, doc: 'Zipf exponent of title popularity' },
  { name: 'pausesPerHour', type: 'number', default: 7, min: 0, max: 120, doc: 'pauses per hour of watching; 7 gives ≈ 14 events per viewer-hour (spec: 12–20 at peak, 8–15 off-peak)' },
  { name: 'bounceRate', type: 'number', default: 0.25, min: 0, max: 1, doc: 'share of sessions that only sample a title: start, then stop within minutes' },
  { name: 'continueRate', type: 'number', default: 0.3, min: 0, max: 1, doc: 'share of sessions that continue a title from an earlier position (start with position_seconds > 0)' },
  { name: 'completeRate', type: 'number', default: 0.5, min: 0, max: 1, doc: 'share of non-bounce sessions watched to the end (event complete, completion ≥ 92%)' },
  { name: 'abandonRate', type: 'number', default: 0.08, min: 0, max: 1, doc: 'probability that a pause ends the session (stop instead of resume)' },
  { name: 'warmupMinutes', type: 'number', default: 180, min: 0, max: 1440, doc: 'sessions already running at the start are simulated from this far back (0: the run starts with no session open)' },
  { name: 'dirtyRate', type: 'number', default: 0, min: 0, max: 1, doc: 'share of records that break exactly one data-quality rule, labelled by an extra field _dq_violation' },
];

/** Typed view of the knob values. */
export interface TelemetryKnobs {
  readonly customers: number;
  readonly titles: number;
  readonly titleZipfExponent: number;
  readonly pausesPerHour: number;
  readonly bounceRate: number;
  readonly continueRate: number;
  readonly completeRate: number;
  readonly abandonRate: number;
  readonly warmupMinutes: number;
  readonly dirtyRate: number;
}

/** Fill defaults for missing knobs; values were validated against TELEMETRY_KNOBS by src/config. */
export function readTelemetryKnobs(values: KnobValues): TelemetryKnobs {
  return readKnobs<TelemetryKnobs>(TELEMETRY_KNOBS, values);
}
