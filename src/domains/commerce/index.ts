import type { Domain } from '../domain.js';
import { COMMERCE_KNOBS } from './knobs.js';
import { FRAUD_ALERT_SCHEMA, PRODUCT_UPDATE_SCHEMA, TRANSACTION_SCHEMA, USER_EVENT_SCHEMA } from './schemas.js';
import { COMMERCE_SCENARIOS } from './scenarios.js';
import { loadFactor } from './load-factor.js';
import { CommerceWorld } from './world.js';

export { loadFactor };

/** Table epoch: user samplers and slice masses follow local hours, so a minute of timeline is fine enough. */
const EPOCH_MS = 60_000;

/**
 * spec 002: e-commerce with fraud. user-events is the main topic (--events counts it): it is the
 * firehose (spec: 100,000/h against 10,000/h transactions) and every other record follows from it —
 * a purchase event writes its transaction, a flagged transaction its alert.
 */
export const commerceDomain: Domain = {
  name: 'commerce',
  description: 'E-commerce with fraud (spec 002): sessions page_view → product_view → add_to_cart → checkout → purchase, transactions with labelled fraud, fraud alerts, product price/stock changes',
  // Order matters: it is the topic index (topics.ts).
  topics: [
    { name: 'transactions', keyField: 'user_id', defaultPartitions: 12, role: 'aux', description: 'one per purchase (plus velocity-attack bursts), fraud-labelled', schema: TRANSACTION_SCHEMA },
    { name: 'user-events', keyField: 'session_id', defaultPartitions: 12, role: 'main', description: 'clickstream of shopping sessions (the firehose)', schema: USER_EVENT_SCHEMA },
    { name: 'product-updates', keyField: 'product_id', defaultPartitions: 6, role: 'cdc', description: 'catalogue snapshot at the start, then price and stock changes', schema: PRODUCT_UPDATE_SCHEMA },
    { name: 'fraud-alerts', keyField: 'transaction_id', defaultPartitions: 3, role: 'aux', description: 'screening alerts after flagged transactions (true and false positives)', schema: FRAUD_ALERT_SCHEMA },
  ],
  knobs: COMMERCE_KNOBS,
  scenarios: COMMERCE_SCENARIOS,
  epochMs: EPOCH_MS,
  // spec 002: about 100,000 user events per hour.
  defaultRatePerSec: 28,
  // Local business hours, peaks, weekends, Black Friday and Christmas shape --profile diurnal.
  loadFactor,
  // Sessions last a few minutes (≈ 10 pages at a median 8–45 s each): ten minutes of room completes nearly all.
  drainMs: 600_000,
  createWorld: (ctx) => new CommerceWorld(ctx),
};
