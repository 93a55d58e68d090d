/** What the planner decides for one step. */
export interface PlannedStep {
  /** Exact main-topic records per slice (all slices, owned or not). */
  readonly counts: Int32Array;
  /** Records of all slices in this step. */
  readonly total: number;
  /** True when this step completes an --events or --duration run. */
  readonly final: boolean;
}

/** Inputs that fix the plan. */
export interface PlannerOptions {
  readonly sliceCount: number;
  /** Main-topic records per second of timeline. */
  readonly ratePerSec: number;
  /** Global main-topic record limit, or null. */
  readonly eventsLimit: number | null;
  /** Records kept for the final step beyond its normal share, so open sessions can finish (0: none). */
  readonly reserveRecords: number;
}

/**
 * Turns (masses, step length) into exact per-slice record counts.
 * Each slice accumulates its expected count `rate × share × seconds` and emits the whole part, so no
 * slice is favoured by rounding; the step that reaches an --events limit hands out the exact remainder
 * by largest remainder. Everything is computed in slice order from deterministic inputs, so every worker
 * count and every --shard arrives at the same counts.
 */
export class StepPlanner {
  private readonly expected: Float64Array;
  private readonly opts: PlannerOptions;
  /** Records planned so far over all slices. */
  planned = 0;

  constructor(opts: PlannerOptions) {
    this.opts = opts;
    this.expected = new Float64Array(opts.sliceCount);
  }

  /** Plan a step of `stepMs` at the given slice masses; `records` overrides the rate (real clock at --rate max). */
  next(masses: Float64Array, stepMs: number, lastStep: boolean, records?: number): PlannedStep {
    const n = this.opts.sliceCount;
    let total = 0;
    for (let k = 0; k < n; k++) total += masses[k];
    if (!(total > 0)) throw new Error('no traffic mass: every slice is empty');
    const stepRecords = records ?? (this.opts.ratePerSec * stepMs) / 1000;
    const counts = new Int32Array(n);
    let sum = 0;
    for (let k = 0; k < n; k++) {
      const before = Math.floor(this.expected[k]);
      this.expected[k] += (stepRecords * masses[k]) / total;
      counts[k] = Math.floor(this.expected[k]) - before;
      sum += counts[k];
    }
    const limit = this.opts.eventsLimit;
    if (limit !== null && this.planned + sum >= limit - this.opts.reserveRecords) {
      const remaining = limit - this.planned;
      this.planned = limit;
      return { counts: largestRemainder(remaining, masses, total), total: remaining, final: true };
    }
    this.planned += sum;
    return { counts, total: sum, final: lastStep };
  }
}

/**
 * End of the final step of an --events run on the simulated clock: long enough for its count at the
 * run's rate, so a step that carries the drain reserve is not squeezed into a burst.
 */
export function finalStepEndMs(startMs: number, nominalEndMs: number, records: number, ratePerSec: number): number {
  return Math.max(nominalEndMs, startMs + Math.ceil((records * 1000) / ratePerSec));
}

/** Split `records` over slices in proportion to mass; leftover units go to the largest fractional parts (ties: lower slice). */
export function largestRemainder(records: number, masses: Float64Array, total: number): Int32Array {
  const n = masses.length;
  const out = new Int32Array(n);
  const frac = new Float64Array(n);
  let given = 0;
  for (let k = 0; k < n; k++) {
    const exact = (records * masses[k]) / total;
    out[k] = Math.floor(exact);
    frac[k] = masses[k] > 0 ? exact - out[k] : -1;
    given += out[k];
  }
  const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => frac[b] - frac[a] || a - b);
  for (let i = 0; given < records; i++, given++) out[order[i % n]] += 1;
  return out;
}
