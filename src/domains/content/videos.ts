import { hashUnit, hashUnitOpen, hash32 } from '../../random/hash.js';
import { Permutation } from '../../random/permutation.js';
import type { ContentKnobs } from './knobs.js';
import { SALT } from './salts.js';
import type { Population } from './users.js';
import { CATEGORIES, pickIndex } from './vocabulary.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** The initial catalogue was uploaded over the 180 days before the start. */
const HISTORY_MS = 180 * DAY_MS;
const AUTHOR_ATTEMPTS = 64;

/**
 * Videos as pure functions of (seed, id[, time]), with a typed-array cache of the attributes the hot
 * path reads (upload, ban, base popularity, quality, duration). Ids are in upload order, like an
 * auto-increment key: 1..videos exist at the start, later ids arrive at `uploadsPerHour`.
 */
export class VideoCatalog {
  readonly seed: number;
  readonly startMs: number;
  readonly initial: number;
  private readonly gapMs: number;
  private readonly k: ContentKnobs;
  private readonly users: Population;
  private readonly rank: Permutation;
  /** Cached attributes, index = id. */
  uploadMs: Float64Array = new Float64Array(0);
  banMs: Float64Array = new Float64Array(0);
  basePopularity: Float64Array = new Float64Array(0);
  quality: Float64Array = new Float64Array(0);
  durationMs: Int32Array = new Int32Array(0);
  /** Highest id whose attributes are cached. */
  cachedUpTo = 0;

  constructor(seed: number, startMs: number, knobs: ContentKnobs, users: Population) {
    this.seed = seed;
    this.startMs = startMs;
    this.initial = knobs.videos;
    this.k = knobs;
    this.users = users;
    this.gapMs = knobs.uploadsPerHour > 0 ? HOUR_MS / knobs.uploadsPerHour : Infinity;
    this.rank = new Permutation(hash32(seed, 0, SALT.popularityPermutation), knobs.videos);
  }

  /** Upload instant of a video (pure). */
  computeUploadMs(id: number): number {
    if (id <= this.initial) {
      // Denser towards the start (quadratic), so the catalogue has a realistic share of fresh videos.
      const x = (this.initial - id + 0.5) / this.initial;
      return Math.floor(this.startMs - HISTORY_MS * x * x) - 1;
    }
    if (this.gapMs === Infinity) return Infinity;
    const j = id - this.initial;
    return Math.floor(this.startMs + (j - 1 + hashUnit(this.seed, id, SALT.videoUploadJitter)) * this.gapMs);
  }

  /** Number of videos uploaded at or before `tMs` (ids 1..count). */
  countAt(tMs: number): number {
    if (tMs < this.startMs || this.gapMs === Infinity) return this.initial;
    let n = this.initial + Math.floor((tMs - this.startMs) / this.gapMs);
    if (this.computeUploadMs(n + 1) <= tMs) n += 1;
    return n;
  }

  /** Instant of the Trust & Safety ban, or Infinity for the 1 - banRate that stay active. */
  computeBanMs(id: number): number {
    if (hashUnit(this.seed, id, SALT.videoBan) >= this.k.banRate) return Infinity;
    return Math.floor(this.computeUploadMs(id) - Math.log(hashUnitOpen(this.seed, id, SALT.videoBanDelay)) * this.k.banDelayHours * HOUR_MS) + 1;
  }

  /**
   * Base popularity: Zipf weight rank^-s. Initial videos take the ranks 1..videos through a seeded
   * permutation (exact Zipf over the start catalogue); a later upload draws its rank uniformly, so it
   * lands anywhere from hit to flop.
   */
  computeBasePopularity(id: number): number {
    const rank = id <= this.initial
      ? this.rank.apply(id - 1) + 1
      : Math.ceil(hashUnitOpen(this.seed, id, SALT.videoPopularity) * this.initial);
    return Math.pow(rank, -this.k.zipfExponent);
  }

  /** Quality score in (0,1), mean 0.5 (Irwin–Hall of three uniforms). */
  computeQuality(id: number): number {
    return (hashUnitOpen(this.seed, id, SALT.videoQualityA) + hashUnitOpen(this.seed, id, SALT.videoQualityB)
      + hashUnitOpen(this.seed, id, SALT.videoQualityC)) / 3;
  }

  /** Whole seconds, log-normal with median 30 s, clamped to 5..180 s (short-video lengths). */
  durationSec(id: number): number {
    const u1 = hashUnitOpen(this.seed, id, SALT.videoDurationA);
    const u2 = hashUnit(this.seed, id, SALT.videoDurationB);
    const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    return Math.min(180, Math.max(5, Math.round(30 * Math.exp(0.7 * z))));
  }

  /** Category name. */
  category(id: number): string {
    return CATEGORIES.values[pickIndex(CATEGORIES, hashUnit(this.seed, id, SALT.videoCategory))];
  }

  /** A user who is a creator and registered by the upload instant (pure rejection sampling). */
  authorId(id: number): number {
    const up = this.computeUploadMs(id);
    const pool = this.users.countAt(up);
    for (let a = 0; a < AUTHOR_ATTEMPTS; a++) {
      const candidate = 1 + (hash32(this.seed, id, SALT.videoAuthor + a) % pool);
      if (this.users.registeredMs(candidate) <= up && this.users.isCreatorAt(candidate, up)) return candidate;
    }
    return 1; // user 1 is a creator from registration, before any upload
  }

  /** Make sure attributes of ids 1..maxId are cached. */
  ensure(maxId: number): void {
    if (maxId <= this.cachedUpTo) return;
    if (maxId >= this.uploadMs.length) this.grow(Math.max(maxId + 1, this.uploadMs.length * 2, 1024));
    for (let id = this.cachedUpTo + 1; id <= maxId; id++) {
      this.uploadMs[id] = this.computeUploadMs(id);
      this.banMs[id] = this.computeBanMs(id);
      this.basePopularity[id] = this.computeBasePopularity(id);
      this.quality[id] = this.computeQuality(id);
      this.durationMs[id] = this.durationSec(id) * 1000;
    }
    this.cachedUpTo = maxId;
  }

  private grow(cap: number): void {
    const f = (a: Float64Array): Float64Array => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    this.uploadMs = f(this.uploadMs);
    this.banMs = f(this.banMs);
    this.basePopularity = f(this.basePopularity);
    this.quality = f(this.quality);
    const d = new Int32Array(cap);
    d.set(this.durationMs);
    this.durationMs = d;
  }
}
