import type { Domain } from '../domain.js';
import { TELEMETRY_KNOBS } from './knobs.js';
import { TELEMETRY_EVENT_SCHEMA } from './schemas.js';
import { loadFactor } from './load-profile.js';
import { TelemetryWorld } from './world.js';

export { loadFactor };

/** Table epoch: slice masses are fixed in time here, so the epoch only sets the step length of the simulated clock. */
const EPOCH_MS = 10_000;

/** spec 004: ACME video telemetry — viewing sessions of a streaming service, one topic keyed by customer_id. */
export const telemetryDomain: Domain = {
  name: 'telemetry',
  description: 'Video streaming telemetry (spec 004): sessions start → pause/resume → stop|complete, device, quality, network, geo',
  topics: [
    { name: 'acme-telemetry', keyField: 'customer_id', defaultPartitions: 20, role: 'main', description: 'one record per playback event (start, pause, resume, stop, complete)', schema: TELEMETRY_EVENT_SCHEMA },
  ],
  knobs: TELEMETRY_KNOBS,
  epochMs: EPOCH_MS,
  // spec 004: 100–150 events/s at peak; the mean of a 12.5M-events day is about 145/s.
  defaultRatePerSec: 145,
  loadFactor,
  // Open sessions at the end ≈ rate × (mean session length / events per session) ≈ rate × 7 min of records;
  // a 15-minute reserve lets the final step close every one of them (each owes one or two records).
  drainMs: 900_000,
  createWorld: (ctx) => new TelemetryWorld(ctx),
};
