import { sampleExponential } from '../random/distributions.js';
import type { Rng } from '../random/rng.js';

/** A slice's Poisson arrival process: the next arrival instant and the current rate. */
export interface ArrivalClock {
  nextArrivalMs: number;
  lambdaPerMs: number;
}

/**
 * Set a slice's arrival rate for a step that must emit `records` main-topic records, about
 * `recordsPerArrival` per arrival. A clock left behind the step start restarts there. The rate steers the
 * clock back to the step end (compress time when ahead, stretch when behind), within 4× of nominal, so a
 * slice's timestamps track the timeline while its counts stay exact.
 */
export function steerArrivals(clock: ArrivalClock, rng: Rng, records: number, recordsPerArrival: number, startMs: number, endMs: number): void {
  const nominal = records / recordsPerArrival / Math.max(1, endMs - startMs);
  if (!(clock.nextArrivalMs >= startMs)) clock.nextArrivalMs = startMs + sampleExponential(rng, nominal);
  const span = endMs - clock.nextArrivalMs;
  const wanted = span > 0 ? records / recordsPerArrival / span : Infinity;
  clock.lambdaPerMs = Math.min(4 * nominal, Math.max(nominal / 4, wanted));
}
