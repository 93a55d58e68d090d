import { cumulativeWeights, pickCumulative } from '../../random/cumulative.js';
import { hashUnit, hashUnitOpen } from '../../random/hash.js';
import { AliasTable } from '../../random/alias.js';
import type { CommerceKnobs } from './knobs.js';
import { PERIOD_SALT, SALT } from './salts.js';
import {
  CATEGORIES, CITY_SHARES, DEVICE_PROFILES, DEVICE_WEIGHTS, PAYMENT_WEIGHTS, PRODUCT_ADJECTIVES,
  PRODUCT_QUALIFIERS, USER_TYPE_WEIGHTS,
} from './vocabulary.js';

const HOUR_MS = 3_600_000;
/** Session frequency by user type: VIPs come back often, new users rarely (spec 002 "different patterns"). */
export const TYPE_ACTIVITY = [1, 4, 0.6];
/** Browsing depth and add-to-cart propensity by user type, as multipliers of viewsMean and cartRate. */
export const TYPE_VIEWS = [1, 1.5, 0.8];
export const TYPE_CART = [1, 1.5, 0.6];
/** Share of a product's period changes that are price changes; the rest are stock changes. */
const PRICE_CHANGE_SHARE = 0.4;
/** Promotion and markup levels a price change picks from, relative to the list price. */
const PRICE_LEVELS = [0.7, 0.8, 0.85, 0.9, 0.95, 1, 1, 1.05, 1.1];
/** Stock changes look back at most this far for the last price change (P(further) = 0.6^64 ≈ 6e-15). */
const MAX_LOOKBACK = 64;

const TYPE_CUM = cumulativeWeights(USER_TYPE_WEIGHTS);
const CITY_CUM = cumulativeWeights(CITY_SHARES);
const DEVICE_CUM = cumulativeWeights(DEVICE_WEIGHTS);
const PROFILE_CUM = DEVICE_PROFILES.map((list) => cumulativeWeights(list.map((p) => p.weight)));
const CATEGORY_CUM = cumulativeWeights(CATEGORIES.map((c) => c.weight));
const PAYMENT_CUM = cumulativeWeights(PAYMENT_WEIGHTS);

/** Zero-padded decimal of at least `width` digits. */
export function padId(n: number, width: number): string {
  const s = String(n);
  return s.length >= width ? s : '0'.repeat(width - s.length) + s;
}

/** Users as pure functions of (seed, id): type, home city, device, preferred category, payment method. */
export class Users {
  readonly seed: number;
  readonly count: number;

  constructor(seed: number, count: number) {
    this.seed = seed;
    this.count = count;
  }

  /** 0 regular, 1 VIP, 2 new (70 / 5 / 25%). */
  type(id: number): number {
    return pickCumulative(TYPE_CUM, hashUnit(this.seed, id, SALT.userType));
  }

  /** Index into CITIES, by region (45/30/20/5%) then city population share. */
  city(id: number): number {
    return pickCumulative(CITY_CUM, hashUnit(this.seed, id, SALT.userCity));
  }

  /** Primary device: index into DEVICE_TYPES (50/35/15%). */
  deviceType(id: number): number {
    return pickCumulative(DEVICE_CUM, hashUnit(this.seed, id, SALT.userDevice));
  }

  /** Device profile (os, browser, screen) within the user's device type. */
  deviceProfile(id: number): number {
    return pickCumulative(PROFILE_CUM[this.deviceType(id)], hashUnit(this.seed, id, SALT.userDeviceProfile));
  }

  /** Preferred category: index into CATEGORIES, by catalogue share. */
  preferredCategory(id: number): number {
    return pickCumulative(CATEGORY_CUM, hashUnit(this.seed, id, SALT.userCategory));
  }

  /** Usual payment method: index into PAYMENT_METHODS. */
  payment(id: number): number {
    return pickCumulative(PAYMENT_CUM, hashUnit(this.seed, id, SALT.userPayment));
  }

  /** Relative session frequency: the type's activity times a per-user factor in [0.5, 1.5). */
  activity(id: number): number {
    return TYPE_ACTIVITY[this.type(id)] * (0.5 + hashUnit(this.seed, id, SALT.userActivity));
  }
}

/** Products as pure functions of (seed, id), plus their price and stock over time (changes on a hashed schedule). */
export class Products {
  readonly seed: number;
  readonly count: number;
  readonly startMs: number;
  /** Each product changes once per period, at a hashed offset within it. */
  readonly periodMs: number;
  /** List price in cents, by id (index 0 unused). */
  readonly basePriceCents: Int32Array;
  readonly category: Uint8Array;
  /** `"product_id":"prod_000123","name":"…","category":"…"` per id, built once. */
  readonly fragment: string[];
  /** user-events product part of a product_view and of an add_to_cart, per id. */
  readonly viewFragment: string[];
  readonly cartFragment: string[];
  /** Popularity-weighted samplers: over the whole catalogue and within each category (ids in byCategory). */
  readonly all = new AliasTable(16);
  readonly byCategory: Int32Array[];
  readonly categoryAlias: AliasTable[];

  constructor(seed: number, startMs: number, knobs: CommerceKnobs) {
    this.seed = seed;
    this.count = knobs.products;
    this.startMs = startMs;
    this.periodMs = knobs.productUpdatesPerHour > 0 ? Math.max(1, Math.round((knobs.products / knobs.productUpdatesPerHour) * HOUR_MS)) : Infinity;
    const n = this.count;
    this.basePriceCents = new Int32Array(n + 1);
    this.category = new Uint8Array(n + 1);
    this.fragment = new Array<string>(n + 1).fill('');
    this.viewFragment = new Array<string>(n + 1).fill('');
    this.cartFragment = new Array<string>(n + 1).fill('');
    const weights = new Float64Array(n);
    const members: number[][] = CATEGORIES.map(() => []);
    for (let id = 1; id <= n; id++) {
      const c = pickCumulative(CATEGORY_CUM, hashUnit(seed, id, SALT.productCategory));
      const cat = CATEGORIES[c];
      // Log-uniform list price within the category's range, ending in .99.
      const dollars = cat.minPrice * Math.pow(cat.maxPrice / cat.minPrice, hashUnit(seed, id, SALT.productPrice));
      this.basePriceCents[id] = Math.max(99, Math.round(dollars) * 100 - 1);
      this.category[id] = c;
      const h = Math.floor(hashUnit(seed, id, SALT.productName) * 0x1000000);
      const name = `${PRODUCT_ADJECTIVES[h % PRODUCT_ADJECTIVES.length]} ${PRODUCT_QUALIFIERS[(h >>> 8) % PRODUCT_QUALIFIERS.length]} ${cat.nouns[(h >>> 16) % cat.nouns.length]}`;
      const pid = `prod_${padId(id, 6)}`;
      this.fragment[id] = `"product_id":"${pid}","name":"${name}","category":"${cat.name}"`;
      this.viewFragment[id] = `"product_id":"${pid}","category":"${cat.name}","page_url":"/products/${cat.slug}/${pid}"`;
      this.cartFragment[id] = `"product_id":"${pid}","category":"${cat.name}","page_url":"/cart"`;
      // Heavy-tailed popularity (Pareto, tail index 1.25): a few best sellers, a long tail.
      weights[id - 1] = Math.pow(hashUnitOpen(seed, id, SALT.productPopularity), -0.8);
      members[c].push(id);
    }
    this.all.build(weights, n);
    this.byCategory = members.map((m) => Int32Array.from(m));
    this.categoryAlias = members.map((m) => {
      const t = new AliasTable(Math.max(1, m.length));
      if (m.length > 0) t.build(Float64Array.from(m, (id) => weights[id - 1]), m.length);
      return t;
    });
  }

  /** Instant of a product's change in period n (n ≥ 0). */
  updateMs(id: number, n: number): number {
    return this.startMs + Math.floor((n + hashUnit(this.seed, id, PERIOD_SALT.offset + n)) * this.periodMs);
  }

  /** Whether the change of period n is a price change (else a stock change). */
  isPriceChange(id: number, n: number): boolean {
    return hashUnit(this.seed, id, PERIOD_SALT.kind + n) < PRICE_CHANGE_SHARE;
  }

  /** Last period whose change happened at or before t (−1: none yet, the product is as at the start). */
  periodAt(id: number, t: number): number {
    if (t < this.startMs || this.periodMs === Infinity) return -1;
    let n = Math.floor((t - this.startMs) / this.periodMs);
    if (this.updateMs(id, n) > t) n--;
    return n;
  }

  /** Price in cents after period n's change (n = −1: the list price). */
  priceAfter(id: number, n: number): number {
    for (let j = n, k = 0; j >= 0 && k < MAX_LOOKBACK; j--, k++) {
      if (this.isPriceChange(id, j)) {
        const level = PRICE_LEVELS[Math.floor(hashUnit(this.seed, id, PERIOD_SALT.price + j) * PRICE_LEVELS.length)];
        return Math.max(99, Math.round((this.basePriceCents[id] * level) / 100) * 100 - 1);
      }
    }
    return this.basePriceCents[id];
  }

  /** Units in stock after period n's change (n = −1: the initial stock); 5% of stock changes are sell-outs. */
  stockAfter(id: number, n: number): number {
    for (let j = n, k = 0; j >= 0 && k < MAX_LOOKBACK; j--, k++) {
      if (!this.isPriceChange(id, j)) return stockLevel(hashUnit(this.seed, id, PERIOD_SALT.stock + j));
    }
    return stockLevel(hashUnit(this.seed, id, SALT.productStock));
  }

  /** Price in cents at an instant. */
  priceAt(id: number, t: number): number {
    return this.priceAfter(id, this.periodAt(id, t));
  }
}

function stockLevel(u: number): number {
  return u < 0.05 ? 0 : Math.floor(((u - 0.05) / 0.95) * 500) + 1;
}
