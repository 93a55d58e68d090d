import type { KnobSpec, KnobValues } from '../domain.js';
import { readKnobs } from '../knob-table.js';

/** The adtech domain's knobs (spec 003 "Configuration" and "Realistic Distributions"), validated by src/config. */
export const ADTECH_KNOBS: readonly KnobSpec[] = [
  { name: 'bidResponseRate', type: 'number', default: 0.6, min: 0, max: 1, doc: 'P(bid response | bid request): the fill rate (spec BID_RESPONSE_RATE)', envAliases: ['BID_RESPONSE_RATE'] },
  { name: 'winRate', type: 'number', default: 0.15, min: 0, max: 1, doc: 'P(impression | bid response): the auction win rate (spec WIN_RATE)', envAliases: ['WIN_RATE'] },
  { name: 'clickRate', type: 'number', default: 0.02, min: 0, max: 1, doc: 'P(click | impression): the CTR (spec CLICK_RATE)', envAliases: ['CLICK_RATE'] },
  { name: 'publishers', type: 'integer', default: 2_000, min: 1, max: 200_000, doc: 'publishers selling inventory (ids pub-001 …); each owns 1–4 sites' },
  { name: 'publisherZipf', type: 'number', default: 1, min: 0, max: 3, doc: 'Zipf exponent of publisher traffic (1: the head 1% of 2,000 publishers sends 44% of requests, the head 20% sends 80%)' },
  { name: 'users', type: 'integer', default: 1_000_000, min: 1, max: 1_000_000_000, doc: 'distinct users/devices seen in requests, uniform' },
  { name: 'advertisers', type: 'integer', default: 500, min: 1, max: 1_000_000, doc: 'advertisers whose campaigns bid (each with 1–3 creatives per banner size)' },
  { name: 'advertiserZipf', type: 'number', default: 0.8, min: 0, max: 3, doc: 'Zipf exponent of advertiser share of bids' },
  { name: 'secondPriceShare', type: 'number', default: 0.3, min: 0, max: 1, doc: 'share of auctions run second-price (at=2); the rest first-price (at=1)' },
  { name: 'coppaShare', type: 'number', default: 0.05, min: 0, max: 1, doc: 'share of users whose requests are COPPA-regulated (regs.coppa=1)' },
  { name: 'dealShare', type: 'number', default: 0.1, min: 0, max: 1, doc: 'share of bids placed through a PMP deal (bid.dealid)' },
  { name: 'deals', type: 'integer', default: 50, min: 1, max: 1_000_000, doc: 'PMP deals in the market (dealid deal-1 … deal-N)' },
  { name: 'clickDelayMedianSec', type: 'number', default: 8, min: 0.1, max: 3_600, doc: 'median seconds from impression to click (log-normal)' },
];

/** Typed view of the knob values. */
export interface AdtechKnobs {
  readonly bidResponseRate: number;
  readonly winRate: number;
  readonly clickRate: number;
  readonly publishers: number;
  readonly publisherZipf: number;
  readonly users: number;
  readonly advertisers: number;
  readonly advertiserZipf: number;
  readonly secondPriceShare: number;
  readonly coppaShare: number;
  readonly dealShare: number;
  readonly deals: number;
  readonly clickDelayMedianSec: number;
}

/** Fill defaults for missing knobs; values were validated against ADTECH_KNOBS by src/config. */
export function readAdtechKnobs(values: KnobValues): AdtechKnobs {
  return readKnobs<AdtechKnobs>(ADTECH_KNOBS, values);
}
