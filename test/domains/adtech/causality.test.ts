import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adtechDomain } from '../../../src/domains/adtech/index.js';
import { runInline } from '../../support/inline-engine.js';

interface Request {
  id: string;
  imp: Array<{ banner: { w: number; h: number }; bidfloor: number }>;
  at: number;
  tmax: number;
  event_timestamp: string;
  received_at: string;
}
interface Response {
  id: string;
  seatbid: Array<{ seat: string; bid: Array<{ price: number; crid: string; adomain: string[]; w: number; h: number }> }>;
  ext: { request_id: string };
  event_timestamp: string;
}
interface Impression {
  impression_id: string;
  request_id: string;
  response_id: string;
  bidder_id: string;
  win_price: number;
  creative_id: string;
  ad_domain: string;
  event_timestamp: string;
}
interface Click {
  click_id: string;
  request_id: string;
  impression_id: string;
  bidder_id: string;
  creative_id: string;
  click_url: string;
  event_timestamp: string;
}

// 200,000 bid requests, seed 5, win and click rates raised so every stage has tens of thousands of records.
const requests = new Map<string, Request>();
const responses = new Map<string, Response>();
const impressions = new Map<string, Impression>();
const clicks = new Map<string, Click>();
const violations: string[] = [];
let responseCount = 0;
let impressionCount = 0;
let clickCount = 0;
const cents = (x: number): number => Math.round(x * 100);
const ms = (iso: string): number => Date.parse(iso);

runInline({ domain: adtechDomain, seed: 5, events: 200_000, knobs: { winRate: 0.5, clickRate: 0.3 } }, (r) => {
  // Parents must already have been emitted: every lookup below is of an earlier record.
  if (r.topic === 'bid-requests') {
    const q = JSON.parse(r.value) as Request;
    requests.set(q.id, q);
    if (!(ms(q.received_at) > ms(q.event_timestamp))) violations.push(`received_at not after event_timestamp: ${r.value}`);
    if (r.timestampMs !== ms(q.event_timestamp)) violations.push(`record timestamp differs: ${r.value}`);
  } else if (r.topic === 'bid-responses') {
    responseCount++;
    const s = JSON.parse(r.value) as Response;
    responses.set(s.id, s);
    const q = requests.get(s.ext.request_id);
    if (!q) return void violations.push(`response before/without its request: ${r.value}`);
    const delay = ms(s.event_timestamp) - ms(q.event_timestamp);
    if (!(delay > 0 && delay < q.tmax && ms(s.event_timestamp) > ms(q.received_at))) violations.push(`response delay ${delay} outside (received, tmax ${q.tmax})`);
    const bid = s.seatbid[0].bid[0];
    if (bid.w !== q.imp[0].banner.w || bid.h !== q.imp[0].banner.h) violations.push(`creative size differs from the banner: ${r.value}`);
    if (!(cents(bid.price) > cents(q.imp[0].bidfloor))) violations.push(`bid ${bid.price} not above floor ${q.imp[0].bidfloor}`);
  } else if (r.topic === 'impressions') {
    impressionCount++;
    const i = JSON.parse(r.value) as Impression;
    impressions.set(i.impression_id, i);
    const s = responses.get(i.response_id);
    const q = requests.get(i.request_id);
    if (!s || !q || s.ext.request_id !== q.id) return void violations.push(`impression without its response/request pair: ${r.value}`);
    const bid = s.seatbid[0].bid[0];
    if (i.bidder_id !== s.seatbid[0].seat || i.creative_id !== bid.crid || i.ad_domain !== bid.adomain[0]) violations.push(`impression disagrees with the bid: ${r.value}`);
    if (!(ms(i.event_timestamp) > ms(s.event_timestamp))) violations.push(`impression not after response: ${r.value}`);
    const win = cents(i.win_price);
    const price = cents(bid.price);
    if (q.at === 1 && win !== price) violations.push(`first-price win ${i.win_price} != bid ${bid.price}`);
    if (q.at === 2 && !(win <= price && win > cents(q.imp[0].bidfloor))) violations.push(`second-price win ${i.win_price} outside (floor, bid ${bid.price}]`);
  } else {
    clickCount++;
    const c = JSON.parse(r.value) as Click;
    clicks.set(c.click_id, c);
    const i = impressions.get(c.impression_id);
    if (!i || i.request_id !== c.request_id) return void violations.push(`click without its impression: ${r.value}`);
    if (c.bidder_id !== i.bidder_id || c.creative_id !== i.creative_id || !c.click_url.startsWith(`https://${i.ad_domain}/click/`)) violations.push(`click disagrees with the impression: ${r.value}`);
    if (!(ms(c.event_timestamp) > ms(i.event_timestamp))) violations.push(`click not after impression: ${r.value}`);
  }
});

test('every response, impression and click follows an earlier parent it agrees with, at a later instant', () => {
  assert.ok(responseCount > 100_000 && impressionCount > 50_000 && clickCount > 10_000, `${responseCount}/${impressionCount}/${clickCount}`);
  assert.deepEqual(violations.slice(0, 5), []);
});

test('ids are unique within each topic (each key names one record)', () => {
  assert.equal(requests.size, 200_000);
  assert.equal(responses.size, responseCount);
  assert.equal(impressions.size, impressionCount);
  assert.equal(clicks.size, clickCount);
});

test('the final step completes every chain: each stage count matches its rate from the one before (no chain cut)', () => {
  // With winRate 0.5: impressions ≈ 0.5 · responses; cut chains would show as a shortfall at the end of the
  // timeline. SE = sqrt(0.25/120k) ≈ 0.0014; 0.006 ≈ 4.2 SE.
  assert.ok(Math.abs(impressionCount / responseCount - 0.5) <= 0.006, `${impressionCount / responseCount}`);
  let lastRequest = -Infinity;
  for (const q of requests.values()) lastRequest = Math.max(lastRequest, ms(q.event_timestamp));
  const lateClicks = [...clicks.values()].filter((c) => ms(c.event_timestamp) > lastRequest).length;
  assert.ok(lateClicks > 0, 'clicks due after the last request are still emitted');
});
