import { pickCumulative } from '../../random/cumulative.js';
import { IsoTimeFormatter } from '../../encoding/iso-time.js';
import type { RecordBatch } from '../../encoding/record-batch.js';
import { formatUuidV4 } from '../../encoding/uuid.js';
import { AliasTable } from '../../random/alias.js';
import { sampleLogNormal } from '../../random/distributions.js';
import { createRng, type Rng } from '../../random/rng.js';
import type { Funnel, StepPlan } from '../domain.js';
import { TimeHeap } from '../time-heap.js';
import type { Advertisers } from './advertisers.js';
import type { Audience } from './audience.js';
import type { AdtechKnobs } from './knobs.js';
import { clearingCents, formatCents, sampleBidCents, sampleFloorCents } from './pricing.js';
import { MAX_SITES, type Publishers } from './publishers.js';
import { SLICE_STREAM_BASE } from './salts.js';
import { AD_POSITIONS, AD_POSITION_TABLE, BANNER_SIZES, BANNER_SIZE_TABLE, COUNTRIES } from './vocabulary.js';

// Topic indexes (the order of adtechDomain.topics) and the stage a chain waits in; the stage number is also
// the tie-break within one millisecond, so a chain's records leave in causal order.
const BID_REQUEST = 0;
const BID_RESPONSE = 1;
const IMPRESSION = 2;
const CLICK = 3;

/** Network delay from the request's creation to the exchange receiving it: 3–27 ms, skewed short. */
const RECEIVE_MIN_MS = 3;
const RECEIVE_SPAN_MS = 25;
/** A bidder needs at least this long after receipt; responses land before tmax. */
const BID_MIN_MS = 5;
/** Win notice to rendered impression: 60 ms plus a log-normal with median 350 ms, at most 20 s. */
const RENDER_MIN_MS = 60;
const RENDER_MEDIAN_MS = 350;
const RENDER_SIGMA = 0.8;
const RENDER_MAX_MS = 20_000;
/** Impression to click: log-normal around the knob's median, between 0.3 s and 30 min. */
const CLICK_SIGMA = 1.1;
const CLICK_MIN_MS = 300;
const CLICK_MAX_MS = 1_800_000;
/** Page numbers in a site's URLs. */
const PAGES_PER_SITE = 100_000;

// Constant stretches of a bid request, one per combination, so a request is built from fewer pieces.
/** From the id's closing quote to the floor value, per (banner size, position). */
const BANNER_TEXT: readonly string[] = BANNER_SIZES.flatMap((size) => AD_POSITIONS.map((pos) =>
  '","imp":[{"id":"1","banner":{"w":' + size.w + ',"h":' + size.h + ',"pos":' + pos + '},"bidfloor":'));
/** From the tid's closing quote to the event timestamp's opening quote, per (coppa, gdpr). */
const REGS_TEXT: readonly string[] = [0, 1].flatMap((coppa) => [0, 1].map((gdpr) =>
  '"},"regs":{"coppa":' + coppa + ',"ext":{"gdpr":' + gdpr + '}},"event_timestamp":"'));

/** Per-slice state: its own random stream, its publishers' sampling table and site texts, arrival clock and pending chain stages. */
class SliceState {
  readonly slice: number;
  readonly rng: Rng;
  readonly alias = new AliasTable(16);
  readonly heap = new TimeHeap(256);
  /** Publishers of the slice (id mod sliceCount == slice), their site counts, tmax and constant JSON texts. */
  publishers: Int32Array = new Int32Array(0);
  siteCounts: Uint8Array = new Uint8Array(0);
  tmaxMs: Int32Array = new Int32Array(0);
  siteHeads: string[] = [];
  siteTails: string[] = [];
  /** Per publisher and auction type (at − 1): `,"at":…,"tmax":…,"cur":["USD"],"source":{"fd":1,"tid":"`. */
  auctionTexts: string[] = [];
  built = false;
  /** Next request instant (fractional ms) in [step start, step end). */
  nextArrivalMs = NaN;
  /** Requests still to send this step. */
  remaining = 0;

  constructor(seed: number, slice: number) {
    this.slice = slice;
    this.rng = createRng(seed, SLICE_STREAM_BASE + slice);
  }
}

/**
 * The auction funnel of spec 003 for a set of slices: bid request (the counted main topic) → bid response
 * (bidResponseRate, within tmax) → impression (winRate, after the response) → click (clickRate, seconds
 * later). Each chain lives in a slot of a shared pool while a later stage is pending in its slice's time
 * heap; every record is written straight to JSON text, in time order per slice.
 */
export class AdtechFunnel implements Funnel {
  private readonly states: SliceState[];
  private readonly sliceCount: number;
  private readonly publishers: Publishers;
  private readonly audience: Audience;
  private readonly advertisers: Advertisers;
  private readonly k: AdtechKnobs;
  private readonly clickMu: number;
  private readonly iso = new IsoTimeFormatter();
  private cursor = 0;
  private finalStep = false;
  private stepEndMs = 0;

  // Chain pool: what later stages of an auction repeat from earlier ones.
  private requestId: string[] = [];
  private responseId: string[] = [];
  private impressionId: string[] = [];
  private seat: string[] = [];
  private creativeId: string[] = [];
  private adDomain: string[] = [];
  private stage: Uint8Array = new Uint8Array(0);
  private sizeIndex: Uint8Array = new Uint8Array(0);
  private auctionType: Uint8Array = new Uint8Array(0);
  private floorCents: Int32Array = new Int32Array(0);
  private priceCents: Int32Array = new Int32Array(0);
  private dueMs: Float64Array = new Float64Array(0);
  private free: number[] = [];

  constructor(seed: number, slices: readonly number[], sliceCount: number, publishers: Publishers, audience: Audience, advertisers: Advertisers, knobs: AdtechKnobs) {
    this.states = slices.map((s) => new SliceState(seed, s));
    this.sliceCount = sliceCount;
    this.publishers = publishers;
    this.audience = audience;
    this.advertisers = advertisers;
    this.k = knobs;
    this.clickMu = Math.log(knobs.clickDelayMedianSec * 1000);
  }

  /** Prepare the step: build slice tables on first use, set exact counts and each slice's first arrival. */
  beginStep(plan: StepPlan): void {
    for (let i = 0; i < this.states.length; i++) {
      const st = this.states[i];
      const n = plan.counts[i];
      st.remaining = n;
      if (n === 0) continue;
      if (!st.built) this.build(st);
      if (st.publishers.length === 0) throw new Error(`slice ${st.slice} has no publisher but ${n} requests planned`);
      st.nextArrivalMs = plan.startMs;
      this.advanceArrival(st, plan.endMs);
    }
    this.stepEndMs = plan.endMs;
    this.cursor = 0;
    this.finalStep = plan.final;
  }

  /** Append up to `max` records of the step; 0 once every slice has sent its requests and its due stages. */
  fill(batch: RecordBatch, max: number): number {
    let appended = 0;
    while (appended < max && this.cursor < this.states.length) {
      const st = this.states[this.cursor];
      // Stages due before the next request's millisecond leave first, so each slice's output is time-ordered.
      // Once the count is reached, stages due before the step end leave too (the slice's later requests lie in
      // later steps), so at a low real-clock rate a response is not held back until the slice's next request;
      // in the final step every pending stage leaves.
      const limitKey = st.remaining > 0 ? (Math.floor(st.nextArrivalMs) + 1) * 8 : this.finalStep ? Infinity : this.stepEndMs * 8;
      if (st.heap.peekKey() < limitKey) {
        this.emitStage(st, batch);
        appended++;
      } else if (st.remaining > 0) {
        this.emitRequest(st, batch, Math.floor(st.nextArrivalMs));
        st.remaining--;
        appended++;
        if (st.remaining > 0) this.advanceArrival(st, this.stepEndMs);
      } else {
        this.cursor++;
      }
    }
    return appended;
  }

  /**
   * Move the arrival clock to the next request: a Poisson process conditioned on its exact count in the step is
   * that many sorted uniform instants, and the next one is the minimum of `remaining` uniforms on
   * [current, end): end − (end − current)·V^(1/remaining). Every request so lies inside its step.
   */
  private advanceArrival(st: SliceState, endMs: number): void {
    const v = 1 - st.rng.next();
    st.nextArrivalMs = endMs - (endMs - st.nextArrivalMs) * Math.pow(v, 1 / st.remaining);
  }

  private build(st: SliceState): void {
    const p = this.publishers;
    const ids: number[] = [];
    for (let id = st.slice === 0 ? this.sliceCount : st.slice; id <= p.count; id += this.sliceCount) ids.push(id);
    const n = ids.length;
    st.built = true;
    if (n === 0) return;
    st.publishers = Int32Array.from(ids);
    st.siteCounts = new Uint8Array(n);
    st.tmaxMs = new Int32Array(n);
    st.siteHeads = new Array<string>(n * MAX_SITES);
    st.siteTails = new Array<string>(n);
    st.auctionTexts = new Array<string>(n * 2);
    for (let i = 0; i < n; i++) {
      const id = ids[i];
      st.siteCounts[i] = p.siteCount(id);
      st.tmaxMs[i] = p.tmaxMs(id);
      st.siteTails[i] = p.siteTail(id) + ',';
      for (let at = 1; at <= 2; at++) st.auctionTexts[i * 2 + at - 1] = ',"at":' + at + ',"tmax":' + st.tmaxMs[i] + ',"cur":["USD"],"source":{"fd":1,"tid":"';
      for (let j = 0; j < st.siteCounts[i]; j++) st.siteHeads[i * MAX_SITES + j] = p.siteHead(id, j);
    }
    const weights = new Float64Array(n);
    for (let i = 0; i < n; i++) weights[i] = p.weight[ids[i]];
    st.alias.build(weights, n);
  }

  /** A bid request at `t`; opens a chain when a bidder will respond. */
  private emitRequest(st: SliceState, batch: RecordBatch, t: number): void {
    const rng = st.rng;
    const k = this.k;
    const pi = st.alias.sample(rng);
    const site = rng.int(st.siteCounts[pi]);
    const user = 1 + rng.int(this.audience.count);
    const country = COUNTRIES[this.audience.countryIndex(user)];
    const sizeIndex = pickCumulative(BANNER_SIZE_TABLE, rng.next());
    const size = BANNER_SIZES[sizeIndex];
    const posIndex = pickCumulative(AD_POSITION_TABLE, rng.next());
    const floor = sampleFloorCents(rng, size.floorScale, country.floorScale);
    const at = rng.next() < k.secondPriceShare ? 2 : 1;
    const tmax = st.tmaxMs[pi];
    const u = rng.next();
    const receiveMs = RECEIVE_MIN_MS + Math.floor(RECEIVE_SPAN_MS * u * u);
    const id = uuid(rng);
    const value = '{"id":"' + id + BANNER_TEXT[sizeIndex * AD_POSITIONS.length + posIndex] + formatCents(floor) + ',"bidfloorcur":"USD","secure":1}],'
      + st.siteHeads[pi * MAX_SITES + site] + (1 + rng.int(PAGES_PER_SITE)) + st.siteTails[pi] + this.audience.deviceAndUser(user)
      + st.auctionTexts[pi * 2 + at - 1] + uuid(rng) + REGS_TEXT[(this.audience.isCoppa(user) ? 2 : 0) + (country.gdpr ? 1 : 0)]
      + this.iso.format(t) + '","received_at":"' + this.iso.format(t + receiveMs) + '"}';
    batch.push(BID_REQUEST, id, value, t);
    if (rng.next() >= k.bidResponseRate) return;

    const c = this.alloc();
    this.requestId[c] = id;
    this.sizeIndex[c] = sizeIndex;
    this.auctionType[c] = at;
    this.floorCents[c] = floor;
    // The response lands after receipt plus the bidder's minimum, and strictly before tmax.
    const earliest = receiveMs + BID_MIN_MS;
    this.schedule(st, c, BID_RESPONSE, t + earliest + Math.floor((tmax - earliest) * rng.next()));
  }

  private emitStage(st: SliceState, batch: RecordBatch): void {
    const c = st.heap.peekSlot();
    st.heap.pop();
    const t = this.dueMs[c];
    switch (this.stage[c]) {
      case BID_RESPONSE:
        this.emitResponse(st, batch, c, t);
        break;
      case IMPRESSION:
        this.emitImpression(st, batch, c, t);
        break;
      default:
        this.emitClick(st, batch, c, t);
    }
  }

  private emitResponse(st: SliceState, batch: RecordBatch, c: number, t: number): void {
    const rng = st.rng;
    const ads = this.advertisers;
    const advertiser = ads.sample(rng);
    const sizeIndex = this.sizeIndex[c];
    const size = BANNER_SIZES[sizeIndex];
    const creative = ads.creative(advertiser, sizeIndex, 1 + rng.int(ads.variants(advertiser)));
    const seat = ads.seat(advertiser);
    const crid = 'cr-' + creative;
    const domain = ads.domain(advertiser);
    const bid = sampleBidCents(rng, this.floorCents[c]);
    const deal = rng.next() < this.k.dealShare ? ',"dealid":"deal-' + (1 + rng.int(this.k.deals)) + '"' : '';
    const id = uuid(rng);
    const value = '{"id":"' + id + '","seatbid":[{"seat":"' + seat + '","bid":[{"id":"' + uuid(rng) + '","impid":"1","price":' + formatCents(bid)
      + ',"adid":"' + ads.adId(creative) + '","crid":"' + crid + '","adomain":["' + domain + '"],"w":' + size.w + ',"h":' + size.h + deal
      + '}]}],"bidid":"' + uuid(rng) + '","cur":"USD","ext":{"request_id":"' + this.requestId[c] + '"},"event_timestamp":"' + this.iso.format(t) + '"}';
    batch.push(BID_RESPONSE, id, value, t);
    if (rng.next() >= this.k.winRate) {
      this.release(c);
      return;
    }
    this.responseId[c] = id;
    this.seat[c] = seat;
    this.creativeId[c] = crid;
    this.adDomain[c] = domain;
    this.priceCents[c] = clearingCents(rng, this.auctionType[c], this.floorCents[c], bid);
    const render = RENDER_MIN_MS + Math.min(RENDER_MAX_MS, sampleLogNormal(rng, Math.log(RENDER_MEDIAN_MS), RENDER_SIGMA));
    this.schedule(st, c, IMPRESSION, t + Math.floor(render));
  }

  private emitImpression(st: SliceState, batch: RecordBatch, c: number, t: number): void {
    const rng = st.rng;
    const id = uuid(rng);
    const value = '{"impression_id":"' + id + '","request_id":"' + this.requestId[c] + '","response_id":"' + this.responseId[c]
      + '","imp_id":"1","bidder_id":"' + this.seat[c] + '","win_price":' + formatCents(this.priceCents[c]) + ',"win_currency":"USD","creative_id":"'
      + this.creativeId[c] + '","ad_domain":"' + this.adDomain[c] + '","event_timestamp":"' + this.iso.format(t) + '"}';
    batch.push(IMPRESSION, id, value, t);
    if (rng.next() >= this.k.clickRate) {
      this.release(c);
      return;
    }
    this.impressionId[c] = id;
    const delay = Math.min(CLICK_MAX_MS, Math.max(CLICK_MIN_MS, sampleLogNormal(rng, this.clickMu, CLICK_SIGMA)));
    this.schedule(st, c, CLICK, t + Math.floor(delay));
  }

  private emitClick(st: SliceState, batch: RecordBatch, c: number, t: number): void {
    const id = uuid(st.rng);
    const value = '{"click_id":"' + id + '","request_id":"' + this.requestId[c] + '","impression_id":"' + this.impressionId[c]
      + '","imp_id":"1","bidder_id":"' + this.seat[c] + '","creative_id":"' + this.creativeId[c] + '","click_url":"https://' + this.adDomain[c]
      + '/click/' + id + '","event_timestamp":"' + this.iso.format(t) + '"}';
    batch.push(CLICK, id, value, t);
    this.release(c);
  }

  private schedule(st: SliceState, c: number, stage: number, t: number): void {
    this.stage[c] = stage;
    this.dueMs[c] = t;
    st.heap.push(t * 8 + stage, c);
  }

  private alloc(): number {
    let c = this.free.pop();
    if (c === undefined) {
      this.grow();
      c = this.free.pop() as number;
    }
    return c;
  }

  /** Return a finished chain's slot; its strings are dropped so the pool holds no dead text. */
  private release(c: number): void {
    this.requestId[c] = '';
    this.responseId[c] = '';
    this.impressionId[c] = '';
    this.seat[c] = '';
    this.creativeId[c] = '';
    this.adDomain[c] = '';
    this.free.push(c);
  }

  private grow(): void {
    const old = this.dueMs.length;
    const cap = Math.max(1024, old * 2);
    const widenU8 = (a: Uint8Array): Uint8Array => { const b = new Uint8Array(cap); b.set(a); return b; };
    const widenI32 = (a: Int32Array): Int32Array => { const b = new Int32Array(cap); b.set(a); return b; };
    this.stage = widenU8(this.stage);
    this.sizeIndex = widenU8(this.sizeIndex);
    this.auctionType = widenU8(this.auctionType);
    this.floorCents = widenI32(this.floorCents);
    this.priceCents = widenI32(this.priceCents);
    const due = new Float64Array(cap);
    due.set(this.dueMs);
    this.dueMs = due;
    for (const list of [this.requestId, this.responseId, this.impressionId, this.seat, this.creativeId, this.adDomain]) list.length = cap;
    for (let i = cap - 1; i >= old; i--) this.free.push(i);
  }
}

/** A uuid v4 from four words of the slice stream. */
function uuid(rng: Rng): string {
  return formatUuidV4(rng.nextU32(), rng.nextU32(), rng.nextU32(), rng.nextU32());
}
