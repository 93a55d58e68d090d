import type { JsonSchema } from '../domain.js';

const ISO_MS = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$';
const UUID_V4 = '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$';
const SEAT = '^seat-[a-z]+$';
const CREATIVE = '^cr-[1-9][0-9]*$';
const DOMAIN = '^[a-z0-9]+(\\.[a-z0-9]+)*\\.[a-z]{2,}$';
// Prices are written with two decimals (cents); JSON Schema's multipleOf 0.01 misjudges binary fractions, so the tests check the text.
const PRICE = { type: 'number', exclusiveMinimum: 0 } as const;
const uuid = { type: 'string', pattern: UUID_V4 } as const;
const timestamp = { type: 'string', pattern: ISO_MS } as const;

/** A closed object: every listed property required, nothing else allowed. */
function closed(properties: Record<string, JsonSchema>, optional: readonly string[] = []): JsonSchema {
  return { type: 'object', additionalProperties: false, required: Object.keys(properties).filter((p) => !optional.includes(p)), properties };
}

function topic(id: string, title: string, body: JsonSchema): JsonSchema {
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: `streamgen/adtech/${id}`, title, ...body };
}

/** spec 003 "Bid Request (OpenRTB 2.6)": one banner imp, a site with its publisher, device with geo, user, regs. */
export const BID_REQUEST_SCHEMA: JsonSchema = topic('bid-requests', 'bid-requests record (OpenRTB 2.6 BidRequest)', closed({
  id: uuid,
  imp: {
    type: 'array', minItems: 1, maxItems: 1,
    items: closed({
      id: { const: '1' },
      banner: closed({ w: { enum: [300, 728, 160, 320, 970] }, h: { enum: [250, 90, 600, 50] }, pos: { enum: [0, 1, 3] } }),
      bidfloor: PRICE,
      bidfloorcur: { const: 'USD' },
      secure: { const: 1 },
    }),
  },
  site: closed({
    id: { type: 'string', pattern: '^site-[0-9]{3,}$' },
    domain: { type: 'string', pattern: DOMAIN },
    cat: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^IAB[0-9]+$' } },
    page: { type: 'string', pattern: '^https://[a-z0-9.]+/[a-z]+/[0-9]+$' },
    publisher: closed({ id: { type: 'string', pattern: '^pub-[0-9]{3,}$' }, name: { type: 'string', minLength: 1 } }),
  }),
  device: closed({
    ua: { type: 'string', pattern: '^Mozilla/5\\.0 \\(' },
    ip: { type: 'string', pattern: '^(\\d{1,3}\\.){3}\\d{1,3}$' },
    geo: closed({
      lat: { type: 'number', minimum: -90, maximum: 90 },
      lon: { type: 'number', minimum: -180, maximum: 180 },
      country: { enum: ['USA', 'GBR', 'DEU', 'CAN', 'AUS', 'FRA'] },
      region: { type: 'string', pattern: '^[A-Z]{2,3}$' },
    }),
    devicetype: { enum: [1, 2, 4] },
    os: { enum: ['iOS', 'Android', 'Windows', 'macOS'] },
    osv: { type: 'string', pattern: '^\\d+(\\.\\d+)?$' },
  }),
  user: closed({ id: uuid, buyeruid: uuid }),
  at: { enum: [1, 2] },
  tmax: { type: 'integer', minimum: 1 },
  cur: { const: ['USD'] },
  source: closed({ fd: { const: 1 }, tid: uuid }),
  regs: closed({ coppa: { enum: [0, 1] }, ext: closed({ gdpr: { enum: [0, 1] } }) }),
  event_timestamp: timestamp,
  received_at: timestamp,
}));

/** spec 003 "Bid Response (OpenRTB 2.6)": one seat with one bid; dealid only on PMP deals. */
export const BID_RESPONSE_SCHEMA: JsonSchema = topic('bid-responses', 'bid-responses record (OpenRTB 2.6 BidResponse)', closed({
  id: uuid,
  seatbid: {
    type: 'array', minItems: 1, maxItems: 1,
    items: closed({
      seat: { type: 'string', pattern: SEAT },
      bid: {
        type: 'array', minItems: 1, maxItems: 1,
        items: closed({
          id: uuid,
          impid: { const: '1' },
          price: PRICE,
          adid: uuid,
          crid: { type: 'string', pattern: CREATIVE },
          adomain: { type: 'array', minItems: 1, maxItems: 1, items: { type: 'string', pattern: DOMAIN } },
          w: { enum: [300, 728, 160, 320, 970] },
          h: { enum: [250, 90, 600, 50] },
          dealid: { type: 'string', pattern: '^deal-[1-9][0-9]*$' },
        }, ['dealid']),
      },
    }),
  },
  bidid: uuid,
  cur: { const: 'USD' },
  ext: closed({ request_id: uuid }),
  event_timestamp: timestamp,
}));

/** spec 003 "Impression": the win notice of a bid response. */
export const IMPRESSION_SCHEMA: JsonSchema = topic('impressions', 'impressions record (win notice)', closed({
  impression_id: uuid,
  request_id: uuid,
  response_id: uuid,
  imp_id: { const: '1' },
  bidder_id: { type: 'string', pattern: SEAT },
  win_price: PRICE,
  win_currency: { const: 'USD' },
  creative_id: { type: 'string', pattern: CREATIVE },
  ad_domain: { type: 'string', pattern: DOMAIN },
  event_timestamp: timestamp,
}));

/** spec 003 "Click": a click on an impression. */
export const CLICK_SCHEMA: JsonSchema = topic('clicks', 'clicks record (click tracking)', closed({
  click_id: uuid,
  request_id: uuid,
  impression_id: uuid,
  imp_id: { const: '1' },
  bidder_id: { type: 'string', pattern: SEAT },
  creative_id: { type: 'string', pattern: CREATIVE },
  click_url: { type: 'string', pattern: '^https://[a-z0-9.]+/click/[0-9a-f-]{36}$' },
  event_timestamp: timestamp,
}));
