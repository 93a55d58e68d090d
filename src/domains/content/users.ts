import { hashUnit, hashUnitOpen } from '../../random/hash.js';
import type { ContentKnobs } from './knobs.js';
import { SALT } from './salts.js';
import { APP_RELEASES, COUNTRIES, DEFAULT_IOS_SHARE, IOS_SHARE, NETWORK_TYPES, pickIndex, type LtvSegment } from './vocabulary.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Initial users registered over the two years before the start. */
const HISTORY_MS = 730 * DAY_MS;
const APP_ADOPTION_MEAN_MS = 5 * DAY_MS;

/** A profile change of one user, as the CDC stream emits it. */
export interface ProfileChange {
  readonly atMs: number;
  readonly isCreator: boolean;
  readonly ltv: LtvSegment;
}

/**
 * Users as pure functions of (seed, id[, time]). Ids 1..users exist at the start (registered over the
 * previous two years, ids in registration order); later ids register at `registrationsPerHour`.
 * Nothing is stored, so a catalogue of 10 million users costs no memory.
 */
export class Population {
  readonly seed: number;
  readonly startMs: number;
  readonly initial: number;
  private readonly gapMs: number;
  private readonly k: ContentKnobs;
  private readonly releaseMs: Float64Array;
  private readonly creatorDelayMs: number;
  private readonly ltvDelayMs: number;

  constructor(seed: number, startMs: number, knobs: ContentKnobs) {
    this.seed = seed;
    this.startMs = startMs;
    this.initial = knobs.users;
    this.k = knobs;
    this.gapMs = knobs.registrationsPerHour > 0 ? HOUR_MS / knobs.registrationsPerHour : Infinity;
    this.creatorDelayMs = knobs.creatorDelayDays * DAY_MS;
    this.ltvDelayMs = knobs.ltvChangeDays * DAY_MS;
    this.releaseMs = Float64Array.from(APP_RELEASES, (r) => startMs - r.daysBeforeStart * DAY_MS);
  }

  /** Registration instant of a user. */
  registeredMs(id: number): number {
    if (id <= this.initial) {
      // Denser towards the start: the platform grew over its history.
      const x = (this.initial - id + 0.5) / this.initial;
      return Math.floor(this.startMs - HISTORY_MS * Math.pow(x, 1.5)) - 1;
    }
    if (this.gapMs === Infinity) return Infinity;
    const j = id - this.initial;
    return Math.floor(this.startMs + (j - 1 + hashUnit(this.seed, id, SALT.userRegJitter)) * this.gapMs);
  }

  /** Number of users registered at or before `tMs` (ids 1..count). */
  countAt(tMs: number): number {
    if (tMs < this.startMs || this.gapMs === Infinity) return this.initial;
    let n = this.initial + Math.floor((tMs - this.startMs) / this.gapMs);
    // The last candidate registers somewhere inside its gap; include it only once it has.
    if (this.registeredMs(n + 1) <= tMs) n += 1;
    return n;
  }

  /** Country index into COUNTRIES. */
  countryIndex(id: number): number {
    return pickIndex(COUNTRIES, hashUnit(this.seed, id, SALT.userCountry));
  }

  /** Country code. */
  country(id: number): string {
    return COUNTRIES.values[this.countryIndex(id)];
  }

  /** Patience in (0,1): high patience watches low-quality videos to the end. Triangular around 0.5. */
  patience(id: number): number {
    return (hashUnitOpen(this.seed, id, SALT.userPatienceA) + hashUnitOpen(this.seed, id, SALT.userPatienceB)) / 2;
  }

  /** True when the user's device runs iOS (else Android), by country mix. */
  isIos(id: number): boolean {
    const share = IOS_SHARE[this.country(id)] ?? DEFAULT_IOS_SHARE;
    return hashUnit(this.seed, id, SALT.userDevice) < share;
  }

  /** Index into NETWORK_TYPES of the user's usual connection. */
  networkIndex(id: number): number {
    return pickIndex(NETWORK_TYPES, hashUnit(this.seed, id, SALT.userNetwork));
  }

  /** Index into APP_RELEASES of the version the user runs at `tMs` (-1 if none yet released). */
  appVersionIndex(id: number, tMs: number): number {
    const reg = this.registeredMs(id);
    for (let r = this.releaseMs.length - 1; r >= 0; r--) {
      const released = this.releaseMs[r];
      if (released > tMs) continue;
      // A user who registers after a release installs it then; others update after a personal delay.
      const adopted = reg >= released ? reg : released - Math.log(hashUnitOpen(this.seed, id, SALT.userAppDelay + r)) * APP_ADOPTION_MEAN_MS;
      if (adopted <= tMs) return r;
    }
    return 0;
  }

  /** When the user becomes a creator, or Infinity if never. */
  creatorSinceMs(id: number): number {
    if (id === 1) return this.registeredMs(1); // the platform's first account: always a creator, so every video has an author
    if (hashUnit(this.seed, id, SALT.userCreator) >= this.k.creatorRate) return Infinity;
    return Math.floor(this.registeredMs(id) - Math.log(hashUnitOpen(this.seed, id, SALT.userCreatorDelay)) * this.creatorDelayMs);
  }

  /** When the user leaves the 'new' segment. */
  private ltvFirstMs(id: number): number {
    return Math.floor(this.registeredMs(id) - Math.log(hashUnitOpen(this.seed, id, SALT.userLtvDelay)) * this.ltvDelayMs);
  }

  /** The segment after 'new': 60% casual, 40% regular. */
  private ltvSecond(id: number): LtvSegment {
    return hashUnit(this.seed, id, SALT.userLtvPath) < 0.6 ? 'casual' : 'regular';
  }

  /** When a regular user becomes VIP, or Infinity. */
  private vipMs(id: number): number {
    if (this.ltvSecond(id) !== 'regular' || hashUnit(this.seed, id, SALT.userVip) >= this.k.vipRate) return Infinity;
    return Math.floor(this.ltvFirstMs(id) - Math.log(hashUnitOpen(this.seed, id, SALT.userVipDelay)) * 4 * this.ltvDelayMs);
  }

  /** LTV segment at `tMs`. */
  ltvAt(id: number, tMs: number): LtvSegment {
    if (tMs >= this.vipMs(id)) return 'VIP';
    if (tMs >= this.ltvFirstMs(id)) return this.ltvSecond(id);
    return 'new';
  }

  /** Creator flag at `tMs`. */
  isCreatorAt(id: number, tMs: number): boolean {
    return tMs >= this.creatorSinceMs(id);
  }

  /** Profile changes strictly after `afterMs`, in time order (at most three). */
  changesAfter(id: number, afterMs: number): ProfileChange[] {
    const times = [this.creatorSinceMs(id), this.ltvFirstMs(id), this.vipMs(id)]
      .filter((t) => t > afterMs && t !== Infinity && t > this.registeredMs(id))
      .sort((a, b) => a - b);
    const out: ProfileChange[] = [];
    let prev = -1;
    for (const t of times) {
      if (t === prev) continue; // two changes at the same ms are one update
      prev = t;
      out.push({ atMs: t, isCreator: this.isCreatorAt(id, t), ltv: this.ltvAt(id, t) });
    }
    return out;
  }
}
