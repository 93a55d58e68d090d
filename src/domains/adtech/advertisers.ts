import { pickCumulative } from '../../random/cumulative.js';
import { formatUuidV4 } from '../../encoding/uuid.js';
import { hash32, hashUnit } from '../../random/hash.js';
import { Permutation } from '../../random/permutation.js';
import type { Rng } from '../../random/rng.js';
import { ZipfSampler } from '../../random/zipf.js';
import type { AdtechKnobs } from './knobs.js';
import { SALT } from './salts.js';
import { BRAND_SUFFIXES, NAME_WORDS_A, NAME_WORDS_B, SEATS, SEAT_TABLE } from './vocabulary.js';

/** Most ad ids memoised per thread (~100 bytes each), so a huge advertiser knob cannot exhaust memory. */
const MAX_MEMO_AD_IDS = 1 << 20;
/** Creative variants an advertiser runs per banner size, at most. */
const MAX_VARIANTS = 3;

/**
 * The demand side as pure functions of (seed, advertiser id): advertisers 1..A with a Zipf share of bids
 * (through a seeded rank permutation), a brand domain (the bid's adomain), the DSP seat they buy through,
 * and 1–3 creatives per banner size. Creative ids are `cr-<a·100 + size·10 + variant>` (the spec's
 * `cr-1001` is advertiser 10's first 300x250), so a creative always has one size; its adid is a uuid.
 */
export class Advertisers {
  readonly count: number;
  private readonly seed: number;
  private readonly rank: Permutation;
  private readonly zipf: ZipfSampler;
  // Memo of the pure attributes on the hot path, filled on first use (a thread sees each advertiser many times).
  private readonly domains: string[];
  private readonly seats: string[];
  private readonly adIds = new Map<number, string>();

  constructor(seed: number, knobs: AdtechKnobs) {
    this.seed = seed;
    this.count = knobs.advertisers;
    this.rank = new Permutation(hash32(seed, 0, SALT.advertiserRank), this.count);
    this.zipf = new ZipfSampler(this.count, knobs.advertiserZipf);
    this.domains = new Array<string>(this.count + 1).fill('');
    this.seats = new Array<string>(this.count + 1).fill('');
  }

  /** An advertiser id drawn by share of bids. */
  sample(rng: Rng): number {
    return this.rank.apply(this.zipf.sample(rng) - 1) + 1;
  }

  /** The advertiser's brand domain, e.g. `brightkitchenshop.com`. */
  domain(id: number): string {
    const known = this.domains[id];
    if (known !== '') return known;
    const s = this.seed;
    return this.domains[id] = NAME_WORDS_A[hash32(s, id, SALT.advertiserNameA) % NAME_WORDS_A.length] + NAME_WORDS_B[hash32(s, id, SALT.advertiserNameB) % NAME_WORDS_B.length]
      + BRAND_SUFFIXES[hash32(s, id, SALT.advertiserSuffix) % BRAND_SUFFIXES.length] + '.com';
  }

  /** The DSP seat the advertiser buys through. */
  seat(id: number): string {
    const known = this.seats[id];
    if (known !== '') return known;
    return this.seats[id] = SEATS[pickCumulative(SEAT_TABLE, hashUnit(this.seed, id, SALT.advertiserSeat))];
  }

  /** Number of creative variants the advertiser runs per size, 1..MAX_VARIANTS. */
  variants(id: number): number {
    return 1 + (hash32(this.seed, id, SALT.advertiserVariants) % MAX_VARIANTS);
  }

  /** Numeric creative id of a variant (1-based) of a size index. */
  creative(id: number, sizeIndex: number, variant: number): number {
    return id * 100 + sizeIndex * 10 + variant;
  }

  /** The ad markup id of a creative: a uuid fixed per creative. */
  adId(creative: number): string {
    const known = this.adIds.get(creative);
    if (known !== undefined) return known;
    const s = this.seed;
    const salt = SALT.creativeAdWord;
    const id = formatUuidV4(hash32(s, creative, salt), hash32(s, creative, salt + 1), hash32(s, creative, salt + 2), hash32(s, creative, salt + 3));
    if (this.adIds.size < MAX_MEMO_AD_IDS) this.adIds.set(creative, id);
    return id;
  }
}
