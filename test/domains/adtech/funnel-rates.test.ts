import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adtechDomain } from '../../../src/domains/adtech/index.js';
import { zipfHeadShare } from '../../../src/random/zipf.js';
import { runInline } from '../../support/inline-engine.js';

interface Request {
  imp: Array<{ banner: { w: number; h: number } }>;
  site: { publisher: { id: string } };
  device: { devicetype: number; os: string; geo: { country: string } };
  at: number;
  regs: { coppa: number; ext: { gdpr: number } };
}
interface Response {
  seatbid: Array<{ bid: Array<{ dealid?: string }> }>;
}

// One shared sample: 500,000 bid requests, seed 7, default knobs (2,000 publishers, 1M users, 500 advertisers).
const N = 500_000;
const topics: Record<string, number> = {};
const tally = new Map<string, number>();
const perPublisher = new Map<string, number>();
const bump = (key: string): void => {
  tally.set(key, (tally.get(key) ?? 0) + 1);
};
runInline({ domain: adtechDomain, seed: 7, events: N }, (r) => {
  topics[r.topic] = (topics[r.topic] ?? 0) + 1;
  if (r.topic === 'bid-requests') {
    const q = JSON.parse(r.value) as Request;
    const b = q.imp[0].banner;
    bump(`size:${b.w}x${b.h}`);
    bump(`devicetype:${q.device.devicetype}`);
    bump(`os:${q.device.os}`);
    bump(`country:${q.device.geo.country}`);
    bump(`at:${q.at}`);
    bump(`coppa:${q.regs.coppa}`);
    bump(`gdpr:${q.regs.ext.gdpr}`);
    const pub = q.site.publisher.id;
    perPublisher.set(pub, (perPublisher.get(pub) ?? 0) + 1);
  } else if (r.topic === 'bid-responses') {
    const s = JSON.parse(r.value) as Response;
    if (s.seatbid[0].bid[0].dealid !== undefined) bump('deal');
  }
});
const share = (key: string, of = N): number => (tally.get(key) ?? 0) / of;

test('--events N yields exactly N bid-requests', () => {
  assert.equal(topics['bid-requests'], N);
});

test('bid-responses/bid-requests is 0.60 ± 0.003 over 500k requests (BID_RESPONSE_RATE)', () => {
  // SE = sqrt(0.6·0.4/500k) ≈ 0.00069; 0.003 ≈ 4.3 SE.
  const rate = topics['bid-responses'] / N;
  assert.ok(Math.abs(rate - 0.6) <= 0.003, `response rate ${rate}`);
});

test('impressions/bid-responses is 0.15 ± 0.0027 over ~300k responses (WIN_RATE)', () => {
  // SE = sqrt(0.15·0.85/300k) ≈ 0.00065; 0.0027 ≈ 4.1 SE.
  const rate = topics['impressions'] / topics['bid-responses'];
  assert.ok(Math.abs(rate - 0.15) <= 0.0027, `win rate ${rate}`);
});

test('clicks/impressions is 0.02 ± 0.0027 over ~45k impressions (CLICK_RATE)', () => {
  // SE = sqrt(0.02·0.98/45k) ≈ 0.00066; 0.0027 ≈ 4.1 SE.
  const rate = topics['clicks'] / topics['impressions'];
  assert.ok(Math.abs(rate - 0.02) <= 0.0027, `click rate ${rate}`);
});

test('banner sizes and auction types follow the spec per request (± 0.003 over 500k)', () => {
  // Drawn per request: SE ≤ sqrt(0.5·0.5/500k) ≈ 0.00071; 0.003 ≈ 4.2 SE.
  const expected: Record<string, number> = {
    'size:300x250': 0.4, 'size:728x90': 0.2, 'size:160x600': 0.15, 'size:320x50': 0.15, 'size:970x250': 0.1, 'at:1': 0.7, 'at:2': 0.3,
  };
  for (const [key, p] of Object.entries(expected)) assert.ok(Math.abs(share(key) - p) <= 0.003, `${key}: ${share(key)} vs ${p}`);
});

test('device types, OS, countries, COPPA and GDPR follow the spec per request (± 0.004 over 500k)', () => {
  // User attributes: a request draws one of 1M users uniformly, and each user's attribute is a hash draw, so the
  // variance is the population's (p(1-p)/1M) plus the sample's (p(1-p)/500k): SE ≤ sqrt(0.25·(1/1M + 1/500k)) ≈ 0.00087;
  // 0.004 ≈ 4.6 SE.
  const expected: Record<string, number> = {
    'devicetype:1': 0.6, 'devicetype:2': 0.3, 'devicetype:4': 0.1,
    'os:iOS': 0.35, 'os:Android': 0.35, 'os:Windows': 0.2, 'os:macOS': 0.1,
    'country:USA': 0.5, 'country:GBR': 0.15, 'country:DEU': 0.1, 'country:CAN': 0.1, 'country:AUS': 0.1, 'country:FRA': 0.05,
    'coppa:1': 0.05, 'gdpr:1': 0.3,
  };
  for (const [key, p] of Object.entries(expected)) assert.ok(Math.abs(share(key) - p) <= 0.004, `${key}: ${share(key)} vs ${p}`);
});

test('PMP deals are on 0.10 ± 0.0025 of ~300k bid responses', () => {
  // SE = sqrt(0.1·0.9/300k) ≈ 0.00055; 0.0025 ≈ 4.6 SE.
  const rate = share('deal', topics['bid-responses']);
  assert.ok(Math.abs(rate - 0.1) <= 0.0025, `deal share ${rate}`);
});

test('publisher traffic is Zipf(1): the head 1% of 2,000 publishers sends 0.44 ± 0.02 of requests', () => {
  // Pure Zipf(1) over 2,000 ranks puts 0.4399 on the top 20. Requests are drawn by slice (exact counts per
  // step) and by publisher within the slice, so the top-20 count is close to binomial: SE ≈ sqrt(0.44·0.56/500k)
  // ≈ 0.0007; 0.02 also covers the top 20 being ranked by their sampled counts.
  const counts = [...perPublisher.values()].sort((a, b) => b - a);
  const head = counts.slice(0, 20).reduce((s, n) => s + n, 0) / N;
  const expected = zipfHeadShare(2_000, 1, 0.01);
  assert.ok(Math.abs(head - expected) <= 0.02, `head-1% share ${head} vs ${expected}`);
});
