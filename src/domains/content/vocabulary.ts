/**
 * Weighted vocabularies of the content domain (spec 000). Each list is turned once into a
 * cumulative table so a pure hash value in [0,1) picks an entry without allocation.
 */
import { cumulativeWeights, pickCumulative } from '../../random/cumulative.js';

/** A weighted choice table over string values. */
export interface WeightedList {
  readonly values: readonly string[];
  /** Cumulative probabilities, last entry exactly 1. */
  readonly cumulative: Float64Array;
}

/** Build a weighted list from [value, weight] pairs (weights need not sum to 1). */
export function weighted(pairs: ReadonlyArray<readonly [string, number]>): WeightedList {
  return { values: pairs.map(([v]) => v), cumulative: cumulativeWeights(pairs.map(([, w]) => w)) };
}

/** Index of the entry a uniform u in [0,1) falls on. */
export function pickIndex(list: WeightedList, u: number): number {
  return pickCumulative(list.cumulative, u);
}

// Video categories: the dimension dashboards aggregate by (spec 000 §3.1 "Critical for Dashboard Aggregation").
export const CATEGORIES = weighted([
  ['Gaming', 14], ['Music', 12], ['Comedy', 12], ['Dance', 10], ['Food', 8], ['Sports', 8], ['Beauty', 7],
  ['Education', 6], ['Pets', 6], ['Travel', 5], ['Fashion', 5], ['News', 4], ['DIY', 3],
]);

// Registration countries, roughly a short-video platform's audience mix.
export const COUNTRIES = weighted([
  ['US', 18], ['IN', 12], ['BR', 10], ['ID', 9], ['MX', 6], ['PH', 5], ['JP', 4], ['GB', 4], ['DE', 4], ['TR', 4],
  ['VN', 4], ['FR', 3], ['CA', 3], ['ES', 3], ['IT', 3], ['SA', 3], ['KR', 2], ['AU', 2],
]);

/** Share of iOS devices per country; the rest is Android. */
export const IOS_SHARE: Readonly<Record<string, number>> = {
  US: 0.57, GB: 0.52, JP: 0.66, CA: 0.56, AU: 0.55, DE: 0.38, FR: 0.36, KR: 0.3, SA: 0.4, ES: 0.25, IT: 0.3,
};
export const DEFAULT_IOS_SHARE = 0.18;

export const NETWORK_TYPES = weighted([['WiFi', 58], ['5G', 22], ['4G', 17], ['3G', 3]]);

// Where the impression came from; the For You feed dominates on short-video platforms.
export const REFERRAL_SOURCES = weighted([
  ['foryou_page', 72], ['following', 12], ['search', 7], ['profile', 5], ['share_link', 4],
]);

/** Marketing segments a user moves through: new → casual|regular → VIP. */
export const LTV_SEGMENTS = ['new', 'casual', 'regular', 'VIP'] as const;
export type LtvSegment = (typeof LTV_SEGMENTS)[number];

/** App releases relative to the timeline start; users adopt each after a personal delay. */
export const APP_RELEASES: ReadonlyArray<{ readonly version: string; readonly daysBeforeStart: number }> = [
  { version: '14.0.0', daysBeforeStart: 120 },
  { version: '14.1.0', daysBeforeStart: 75 },
  { version: '14.2.0', daysBeforeStart: 30 },
  { version: '14.3.0', daysBeforeStart: 4 },
];
