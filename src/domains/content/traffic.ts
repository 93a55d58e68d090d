import type { StepEffects } from '../domain.js';
import { isUploadSuppressed, supernovaTargets } from './chaos.js';
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
  /** Base popularity at the top-1% rank: where a supernova climbs to. */
  private readonly headPopularity: number;

  constructor(catalog: VideoCatalog, knobs: ContentKnobs, epochMs: number, sliceCount: number) {
    this.sliceCount = sliceCount;
    this.headPopularity = Math.pow(Math.max(1, Math.ceil(knobs.videos * 0.01)), -knobs.zipfExponent);
    this.catalog = catalog;
    this.boost = knobs.freshnessBoost;
    this.halfLifeMs = knobs.freshnessHalfLifeHours * HOUR_MS;
    this.epochMs = epochMs;
  }

  /** Last instant (exclusive) a session of a step may start at: two epochs, or past a stretched final step. */
  guardMs(epochStartMs: number, stepEndMs: number): number {
    return Math.max(epochStartMs + 2 * this.epochMs, stepEndMs + this.epochMs);
  }

  /** Weight of one video at an epoch start, before supernovas; the catalogue must be cached up to id. */
  weight(id: number, epochStartMs: number, guardMs: number, effects: StepEffects): number {
    const c = this.catalog;
    const up = c.uploadMs[id];
    if (up > epochStartMs || c.banMs[id] < guardMs) return 0;
    if (effects.scenarios.length > 0 && isUploadSuppressed(effects, up)) return 0;
    return c.basePopularity[id] * this.freshness(up, epochStartMs);
  }

  private freshness(uploadMs: number, atMs: number): number {
    const halfLives = (atMs - uploadMs) / this.halfLifeMs;
    return halfLives > NEGLIGIBLE_HALF_LIVES ? 1 : 1 + this.boost * Math.pow(2, -halfLives);
  }

  /**
   * Weight of a supernova target (spec 000 §5 A). A viral video first climbs into the head (its base
   * popularity is lifted to that of the top 1%), then its viral coefficient multiplies it: at the default
   * ×500 it becomes #1 and takes about a third of all impressions, a flood that still leaves the rest visible.
   */
  supernovaWeight(id: number, epochStartMs: number, guardMs: number, effects: StepEffects, strength: number, factor: number): number {
    const w = this.weight(id, epochStartMs, guardMs, effects);
    if (w === 0) return 0;
    const base = this.catalog.basePopularity[id];
    const lifted = base + (Math.max(base, this.headPopularity) - base) * strength;
    return lifted * this.freshness(this.catalog.uploadMs[id], epochStartMs) * (1 + (factor - 1) * strength);
  }

  /** Masses of all slices (id mod sliceCount): catalogue at the epoch start, effects at `atMs`. */
  sliceMasses(epochStartMs: number, effects: StepEffects, out: Float64Array, atMs: number): void {
    const n = this.catalog.countAt(epochStartMs);
    this.catalog.ensure(n);
    const guard = this.guardMs(epochStartMs, epochStartMs);
    const slices = out.length;
    out.fill(0);
    for (let id = 1; id <= n; id++) {
      const w = this.weight(id, epochStartMs, guard, effects);
      if (w > 0) out[id % slices] += w;
    }
    for (const t of supernovaTargets(effects, atMs)) {
      if (t.video < 1 || t.video > n) continue;
      out[t.video % slices] += this.supernovaWeight(t.video, epochStartMs, guard, effects, t.strength, t.factor) - this.weight(t.video, epochStartMs, guard, effects);
    }
  }
}
