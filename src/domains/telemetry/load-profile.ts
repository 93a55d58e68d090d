import { CITIES } from './vocabulary.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * Viewing intensity by local hour (knots at h:00, linear in between): the late-night trough at 04:00, a
 * daytime plateau, the evening climb and the prime-time peak 20:00–22:00.
 */
const LOCAL_SHAPE = [
  0.5, 0.3, 0.16, 0.09, 0.07, 0.08, 0.13, 0.22, 0.28, 0.31, 0.34, 0.38,
  0.43, 0.45, 0.45, 0.47, 0.52, 0.61, 0.74, 0.9, 1, 1, 0.9, 0.72,
];
const SHAPE_MEAN = LOCAL_SHAPE.reduce((s, v) => s + v, 0) / LOCAL_SHAPE.length;

/** The audience's UTC offsets (hours) and their shares of customers. */
const OFFSETS: ReadonlyArray<readonly [number, number]> = (() => {
  const byOffset = new Map<number, number>();
  for (const c of CITIES) byOffset.set(c.utcOffsetHours, (byOffset.get(c.utcOffsetHours) ?? 0) + c.weight);
  const total = [...byOffset.values()].reduce((s, w) => s + w, 0);
  return [...byOffset.entries()].map(([o, w]) => [o, w / total] as const);
})();

/** Local-shape value at a fractional local hour in [0, 24). */
function shapeAt(hour: number): number {
  const h = Math.floor(hour);
  const f = hour - h;
  return LOCAL_SHAPE[h] * (1 - f) + LOCAL_SHAPE[(h + 1) % 24] * f;
}

/**
 * Relative event rate of the telemetry audience at an instant (spec 004 "Data Volume Expectations"): the
 * local-hour shape mixed over the customers' time zones, scaled so its mean over a UTC day is 1. A rate
 * profile multiplies its base rate by this to get prime-time peaks ≈ 7× the late-night trough (the spec's
 * 100–150 vs 10–25 events/s: midpoints 125 / 17.5 ≈ 7.1). Pure and periodic in the UTC day.
 */
export function loadFactor(timestampMs: number): number {
  const dayMs = ((timestampMs % DAY_MS) + DAY_MS) % DAY_MS;
  const utcHour = dayMs / HOUR_MS;
  let v = 0;
  for (const [offset, share] of OFFSETS) v += share * shapeAt((utcHour + offset + 24) % 24);
  return v / SHAPE_MEAN;
}
