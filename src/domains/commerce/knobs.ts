import type { KnobSpec, KnobValues } from '../domain.js';
import { readKnobs } from '../knob-table.js';

/** The commerce domain's knobs (spec 002 DataGenerationConfig), validated by src/config from this table. */
// The funnel defaults give ≈ 10 user events per transaction, the spec's topic rates (100,000/h vs 10,000/h):
// 5.97 events and 0.61 purchases per session (session-rates.ts), a deliberately buy-happy shop.
export const COMMERCE_KNOBS: readonly KnobSpec[] = [
  { name: 'users', type: 'integer', default: 10_000, min: 100, max: 20_000_000, doc: 'registered users (ids user_000001 … ), spec total_users' },
  { name: 'products', type: 'integer', default: 1_000, min: 10, max: 1_000_000, doc: 'products in the catalogue (ids prod_000001 … ), spec total_products' },
  { name: 'fraudRate', type: 'number', default: 0.001, min: 0, max: 0.5, doc: 'share of transactions labelled is_fraud (spec fraud_rate; fraud_testing uses 0.1)' },
  { name: 'fraudAlertRate', type: 'number', default: 0.8, min: 0, max: 1, doc: 'share of fraudulent transactions that raise a fraud-alerts record (detection recall)' },
  { name: 'falseAlertRate', type: 'number', default: 0.0005, min: 0, max: 1, doc: 'share of legitimate transactions that raise a (false positive) fraud alert' },
  { name: 'productUpdatesPerHour', type: 'number', default: 1_000, min: 0, max: 100_000_000, doc: 'price/stock changes per hour of timeline on product-updates (spec: 1,000/h)' },
  { name: 'searchRate', type: 'number', default: 0.3, min: 0, max: 1, doc: 'P(a session searches after landing)' },
  { name: 'viewsMean', type: 'number', default: 2, min: 1, max: 50, doc: 'mean product views per session (1 + geometric), regular users' },
  { name: 'cartRate', type: 'number', default: 0.55, min: 0, max: 1, doc: 'P(add_to_cart | product_view), regular users' },
  { name: 'checkoutRate', type: 'number', default: 0.9, min: 0, max: 1, doc: 'P(checkout | cart not empty at the end of browsing)' },
  { name: 'purchaseRate', type: 'number', default: 0.95, min: 0, max: 1, doc: 'P(purchase | checkout); each purchase writes one transaction' },
];

/** Typed view of the knob values. */
export interface CommerceKnobs {
  readonly users: number;
  readonly products: number;
  readonly fraudRate: number;
  readonly fraudAlertRate: number;
  readonly falseAlertRate: number;
  readonly productUpdatesPerHour: number;
  readonly searchRate: number;
  readonly viewsMean: number;
  readonly cartRate: number;
  readonly checkoutRate: number;
  readonly purchaseRate: number;
}

/** Fill defaults for missing knobs; values were validated against COMMERCE_KNOBS by src/config. */
export function readCommerceKnobs(values: KnobValues): CommerceKnobs {
  return readKnobs<CommerceKnobs>(COMMERCE_KNOBS, values);
}
