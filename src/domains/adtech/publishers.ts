import { pickCumulative } from '../../random/cumulative.js';
import { hash32, hashUnit } from '../../random/hash.js';
import { Permutation } from '../../random/permutation.js';
import { companyNameLiterals } from './company-names.js';
import type { AdtechKnobs } from './knobs.js';
import { SALT } from './salts.js';
import { IAB_CATEGORIES, IAB_CATEGORY_TABLE, NAME_WORDS_A, NAME_WORDS_B, PAGE_SECTIONS, TLDS, TMAX_TABLE, TMAX_VALUES } from './vocabulary.js';

/** Most sites one publisher owns; site numbers are (publisher − 1) · MAX_SITES + j + 1. */
export const MAX_SITES = 4;
const SUBDOMAINS: readonly string[] = ['news', 'sports', 'food', 'tech', 'travel', 'auto', 'money', 'style'];

/** Zero-padded to at least three digits, as the spec's `pub-001` / `site-001`. */
export function pad3(n: number): string {
  return n < 10 ? '00' + n : n < 100 ? '0' + n : String(n);
}


/**
 * The supply side as pure functions of (seed, publisher id): publishers 1..P with Zipf traffic weights
 * (rank from a seeded permutation, so the head is not always publisher 1), their name, 1–4 sites with a
 * domain, IAB category and page section, and the tmax the publisher's ad server sends.
 */
export class Publishers {
  readonly count: number;
  /** Traffic weight of publisher id (index 0 unused). */
  readonly weight: Float64Array;
  private readonly seed: number;
  private readonly names: readonly string[];

  constructor(seed: number, knobs: AdtechKnobs) {
    this.seed = seed;
    this.names = companyNameLiterals(hash32(seed, 0, SALT.publisherNameKind));
    this.count = knobs.publishers;
    const rank = new Permutation(hash32(seed, 0, SALT.publisherRank), this.count);
    this.weight = new Float64Array(this.count + 1);
    for (let id = 1; id <= this.count; id++) this.weight[id] = Math.pow(rank.apply(id - 1) + 1, -knobs.publisherZipf);
  }

  /** Masses of all slices (publisher id mod sliceCount): the sums of their publishers' weights. */
  sliceMasses(out: Float64Array): void {
    const slices = out.length;
    out.fill(0);
    for (let id = 1; id <= this.count; id++) out[id % slices] += this.weight[id];
  }

  /** Number of sites of a publisher, 1..MAX_SITES. */
  siteCount(id: number): number {
    return 1 + Math.floor(hashUnit(this.seed, id, SALT.publisherSites) * MAX_SITES);
  }

  /** The publisher's tmax in ms. */
  tmaxMs(id: number): number {
    return TMAX_VALUES[pickCumulative(TMAX_TABLE, hashUnit(this.seed, id, SALT.publisherTmax))];
  }

  /** Display name as a JSON string literal, e.g. "\"Lubowitz, Wuckert and Huel\"" (faker, seeded per world). */
  nameLiteral(id: number): string {
    return this.names[hash32(this.seed, id, SALT.publisherNameKind) % this.names.length];
  }

  /** Domain of site j (0-based) of a publisher: the main domain, then topical subdomains of it. */
  siteDomain(id: number, j: number): string {
    const s = this.seed;
    const main = NAME_WORDS_A[hash32(s, id, SALT.publisherNameA) % NAME_WORDS_A.length]
      + NAME_WORDS_B[hash32(s, id, SALT.publisherNameB) % NAME_WORDS_B.length] + '.' + TLDS[hash32(s, id, SALT.publisherTld) % TLDS.length];
    if (j === 0) return main;
    const site = siteNumber(id, j);
    return SUBDOMAINS[(hash32(s, site, SALT.siteSubdomain) + j) % SUBDOMAINS.length] + '.' + main;
  }

  /**
   * The constant JSON text of a site object up to its page path: `"site":{"id":…,"domain":…,"cat":[…],
   * "page":"https://<domain>/<section>/`; a request appends the page number and `siteTail`.
   */
  siteHead(id: number, j: number): string {
    const site = siteNumber(id, j);
    const domain = this.siteDomain(id, j);
    const cat = IAB_CATEGORIES[pickCumulative(IAB_CATEGORY_TABLE, hashUnit(this.seed, site, SALT.siteCategory))];
    const section = PAGE_SECTIONS[hash32(this.seed, site, SALT.siteSection) % PAGE_SECTIONS.length];
    return '"site":{"id":"site-' + pad3(site) + '","domain":"' + domain + '","cat":["' + cat + '"],"page":"https://' + domain + '/' + section + '/';
  }

  /** The constant JSON text after a site's page number: the publisher object and the close of the site. */
  siteTail(id: number): string {
    return '","publisher":{"id":"pub-' + pad3(id) + '","name":' + this.nameLiteral(id) + '}}';
  }
}

/** Global site number of site j (0-based) of a publisher. */
export function siteNumber(publisher: number, j: number): number {
  return (publisher - 1) * MAX_SITES + j + 1;
}
