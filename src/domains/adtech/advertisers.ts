import { formatUuidV4 } from '../../encoding/uuid.js';
import { hash32, hashUnit } from '../../random/hash.js';
import { Permutation } from '../../random/permutation.js';
import type { Rng } from '../../random/rng.js';
import { ZipfSampler } from '../../random/zipf.js';
import type { AdtechKnobs } from './knobs.js';
import { SALT } from './salts.js';
import { BRAND_SUFFIXES, NAME_WORDS_A, NAME_WORDS_B, SEATS, SEAT_TABLE, pick } from './vocabulary.js';

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

  constructor(seed: number, knobs: AdtechKnobs) {
    this.seed = seed;
    this.count = knobs.advertisers;
    this.rank = new Permutation(hash32(seed, 0, SALT.advertiserRank), this.count);
    this.zipf = new ZipfSampler(this.count, knobs.advertiserZipf);
  }

  /** An advertiser id drawn by share of bids. */
  sample(rng: Rng): number {
    return this.rank.apply(this.zipf.sample(rng) - 1) + 1;
  }

  /** The advertiser's brand domain, e.g. `brightkitchenshop.com`. */
  domain(id: number): string {
    const s = this.seed;
    return NAME_WORDS_A[hash32(s, id, SALT.advertiserNameA) % NAME_WORDS_A.length] + NAME_WORDS_B[hash32(s, id, SALT.advertiserNameB) % NAME_WORDS_B.length]
      + BRAND_SUFFIXES[hash32(s, id, SALT.advertiserSuffix) % BRAND_SUFFIXES.length] + '.com';
  }

  /** The DSP seat the advertiser buys through. */
  seat(id: number): string {
    return SEATS[pick(SEAT_TABLE, hashUnit(this.seed, id, SALT.advertiserSeat))];
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
    const s = this.seed;
    const salt = SALT.creativeAdWord;
    return formatUuidV4(hash32(s, creative, salt), hash32(s, creative, salt + 1), hash32(s, creative, salt + 2), hash32(s, creative, salt + 3));
  }
}
