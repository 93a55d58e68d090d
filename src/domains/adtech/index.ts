import type { Domain } from '../domain.js';
import { ADTECH_KNOBS } from './knobs.js';
import { BID_REQUEST_SCHEMA, BID_RESPONSE_SCHEMA, CLICK_SCHEMA, IMPRESSION_SCHEMA } from './schemas.js';
import { AdtechWorld } from './world.js';

/** spec 003: OpenRTB 2.6 auctions, bid request → bid response → impression → click. */
export const adtechDomain: Domain = {
  name: 'adtech',
  description: 'Programmatic ad auctions (spec 003, OpenRTB 2.6): bid-requests → bid-responses → impressions → clicks, joined by request/response/impression ids',
  // Order matters: the funnel writes by these indexes (bid-requests 0 … clicks 3).
  topics: [
    { name: 'bid-requests', keyField: 'id', defaultPartitions: 12, role: 'main', description: 'OpenRTB 2.6 BidRequest objects, key request_id (the request id)', schema: BID_REQUEST_SCHEMA },
    { name: 'bid-responses', keyField: 'id', defaultPartitions: 12, role: 'aux', description: 'OpenRTB 2.6 BidResponse objects, key response_id (the response id); ext.request_id joins the request', schema: BID_RESPONSE_SCHEMA },
    { name: 'impressions', keyField: 'impression_id', defaultPartitions: 6, role: 'aux', description: 'win notices / impressions, key impression_id', schema: IMPRESSION_SCHEMA },
    { name: 'clicks', keyField: 'click_id', defaultPartitions: 3, role: 'aux', description: 'click tracking events, key click_id', schema: CLICK_SCHEMA },
  ],
  knobs: ADTECH_KNOBS,
  // Masses are constant in time, so the epoch only sets the simulated clock's step: a minute keeps steps large
  // (600 requests at the default 10/s) so per-step coordination does not dominate.
  epochMs: 60_000,
  // Open chains drain in the final step without consuming counted bid requests, so no reserve is needed.
  drainMs: 0,
  // spec 003: EVENTS_PER_SECOND defaults to 10 bid requests per second.
  defaultRatePerSec: 10,
  createWorld: (ctx) => new AdtechWorld(ctx),
};
