import { sampleNormal } from '../../random/distributions.js';
import type { Rng } from '../../random/rng.js';

/** Median floor of a 300x250 in the USA, in cents CPM (the spec example's 0.50). */
const BASE_FLOOR_CENTS = 50;
/** Spread of floors across requests of one size and country (log scale). */
const FLOOR_SIGMA = 0.35;
/** Bids clear the floor by a log-normal margin: median 0.6 × floor above 1.05 × floor. */
const BID_MARGIN_MEDIAN = 0.6;
const BID_MARGIN_SIGMA = 0.5;
/** In a second-price auction the runner-up bid lies between 60% and 98% of the winner's. */
const RUNNER_UP_LOW = 0.6;
const RUNNER_UP_SPAN = 0.38;

/** A request's floor in cents CPM for a size and country scale; at least 1 cent. */
export function sampleFloorCents(rng: Rng, sizeScale: number, countryScale: number): number {
  return Math.max(1, Math.round(BASE_FLOOR_CENTS * sizeScale * countryScale * Math.exp(FLOOR_SIGMA * sampleNormal(rng))));
}

/** A bid in cents CPM strictly above the floor. */
export function sampleBidCents(rng: Rng, floorCents: number): number {
  const margin = 1.05 + BID_MARGIN_MEDIAN * Math.exp(BID_MARGIN_SIGMA * sampleNormal(rng));
  return Math.max(floorCents + 1, Math.ceil(floorCents * margin));
}

/**
 * What the winner pays, in cents. First price (at=1): the bid. Second price (at=2): the runner-up bid (or the
 * floor, whichever is higher) plus one cent, never above the winner's bid.
 */
export function clearingCents(rng: Rng, auctionType: number, floorCents: number, bidCents: number): number {
  if (auctionType === 1) return bidCents;
  const runnerUp = Math.floor(bidCents * (RUNNER_UP_LOW + RUNNER_UP_SPAN * rng.next()));
  return Math.min(bidCents, Math.max(floorCents, runnerUp) + 1);
}

/** Cents as a JSON number with two decimals, e.g. 250 → `2.50` (the spec's price format). */
export function formatCents(cents: number): string {
  const units = Math.floor(cents / 100);
  const rest = cents - units * 100;
  return units + (rest < 10 ? '.0' : '.') + rest;
}
