import type { StepEffects } from '../domain.js';
import type { ContentKnobs } from './knobs.js';
import type { VideoCatalog } from './videos.js';

const HOUR_MS = 3_600_000;
/** Past this many half-lives the freshness boost is below 1e-12 and is skipped. */
const NEGLIGIBLE_HALF_LIVES = 40;

/**
 * Impression weight of a video during a table epoch (spec 000 §4.1): Zipf popularity × freshness decay
 * × viral coefficient. Zero when not yet uploaded at the epoch start, or banned before the guard
 * instant, so no impression can reach a video after its ban even when a slice's clock runs past the
 * step end. (Masses use the plain two-epoch guard; a stretched final step only differs by the few
 * videos banned within it, which changes the split of traffic, never the rules.)
 */
export class TrafficModel {
  private readonly catalog: VideoCatalog;
  private readonly boost: number;
  private readonly halfLifeMs: number;
  readonly epochMs: number;
  /** Number of slices; slice k holds the ids with id mod sliceCount == k. */
  readonly sliceCount: number;

  constructor(catalog: VideoCatalog, knobs: ContentKnobs, epochMs: number, sliceCount: number) {
    this.sliceCount = sliceCount;
    this.catalog = catalog;
    this.boost = knobs.freshnessBoost;
    this.halfLifeMs = knobs.freshnessHalfLifeHours * HOUR_MS;
    this.epochMs = epochMs;
  }

  /** Last instant (exclusive) a session of a step may start at: two epochs, or past a stretched final step. */
  guardMs(epochStartMs: number, stepEndMs: number): number {
    return Math.max(epochStartMs + 2 * this.epochMs, stepEndMs + this.epochMs);
  }

  /** Weight of one video at an epoch start, without run-time effects; the catalogue must be cached up to id. */
  weight(id: number, epochStartMs: number, guardMs: number): number {
    const c = this.catalog;
    const up = c.uploadMs[id];
    if (up > epochStartMs || c.banMs[id] < guardMs) return 0;
    const halfLives = (epochStartMs - up) / this.halfLifeMs;
    const fresh = halfLives > NEGLIGIBLE_HALF_LIVES ? 1 : 1 + this.boost * Math.pow(2, -halfLives);
    return c.basePopularity[id] * fresh;
  }

  /** Masses of all slices (id mod sliceCount) at an epoch start, with effects applied. */
  sliceMasses(epochStartMs: number, effects: StepEffects, out: Float64Array): void {
    const n = this.catalog.countAt(epochStartMs);
    this.catalog.ensure(n);
    const guard = this.guardMs(epochStartMs, epochStartMs);
    const slices = out.length;
    out.fill(0);
    for (let id = 1; id <= n; id++) {
      const w = this.weight(id, epochStartMs, guard);
      if (w > 0) out[id % slices] += w;
    }
    for (const [id, factor] of effects.boosts) {
      if (id >= 1 && id <= n) out[id % slices] += this.weight(id, epochStartMs, guard) * (factor - 1);
    }
  }

  /** Multiplier of one video from the effects (1 when not boosted). */
  static factorOf(effects: StepEffects, id: number): number {
    let f = 1;
    for (const [bid, factor] of effects.boosts) if (bid === id) f *= factor;
    return f;
  }
}
