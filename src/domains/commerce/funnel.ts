import { cumulativeWeights, pickCumulative } from '../../random/cumulative.js';
import { AliasTable } from '../../random/alias.js';
import { sampleExponential, sampleLogNormal } from '../../random/distributions.js';
import { createRng, type Rng } from '../../random/rng.js';
import { IsoTimeFormatter } from '../../encoding/iso-time.js';
import type { RecordBatch } from '../../encoding/record-batch.js';
import type { Funnel, StepPlan } from '../domain.js';
import { steerArrivals } from '../arrival-clock.js';
import { TimeHeap } from '../time-heap.js';
import { padId, type Products, type Users } from './catalog.js';
import type { CommerceKnobs } from './knobs.js';
import { localActivity, localHour, seasonalEvent } from './load-factor.js';
import { SLICE_STREAM_BASE } from './salts.js';
import { fraudWindow } from './scenarios.js';
import {
  VELOCITY_MAX, VELOCITY_MIN, VELOCITY_WINDOW_MS, cartRate, eventsPerSession, fraudSessionProbability, viewsMean,
} from './session-rates.js';
import { TOPIC_ALERTS, TOPIC_EVENTS, TOPIC_TRANSACTIONS } from './topics.js';
import {
  BLACK_FRIDAY_CATEGORIES, CATEGORIES, CHRISTMAS_CATEGORIES, CITIES, CITY_SHARES, DEVICE_PROFILES, FRAUD_AMOUNT,
  FRAUD_DEVICE, FRAUD_LOCATION, FRAUD_PATTERN, FRAUD_TIME, FRAUD_TYPES, FRAUD_VELOCITY, PAYMENT_METHODS,
  SUSPICIOUS_DEVICES, type DeviceProfile,
} from './vocabulary.js';

// Record kinds. user-events kinds come first; the number is also the tie-break order within a millisecond.
const PAGE_VIEW = 0;
const SEARCH = 1;
const PRODUCT_VIEW = 2;
const ADD_TO_CART = 3;
const CHECKOUT = 4;
const PURCHASE = 5;
const TRANSACTION = 6;
const ALERT = 7;
const EVENT_NAMES = ['page_view', 'search', 'product_view', 'add_to_cart', 'checkout', 'purchase'];
const TYPE_FRAGMENT = EVENT_NAMES.map((t) => `","event_type":"${t}","timestamp":"`);
const NO_PRODUCT = ['"product_id":null,"category":null,"page_url":"/"', '', '', '', '"product_id":null,"category":null,"page_url":"/checkout"', '"product_id":null,"category":null,"page_url":"/checkout/confirmation"'];

/** Time on page (s) by kind: log-normal medians and spread; a page's duration is the gap to the next event. */
const DWELL_MEDIAN_S = [8, 10, 25, 4, 45, 6];
const DWELL_SIGMA = 0.7;
const DWELL_MAX_S = 900;
/** Payment is authorised this long after the purchase click: 300 ms + up to 1.7 s. */
const PAYMENT_MIN_MS = 300;
const PAYMENT_SPREAD_MS = 1_700;
/** Fraud screening raises an alert after a log-normal delay, median 2 s. */
const ALERT_MEDIAN_MS = 2_000;
const ALERT_SIGMA = 1;
/** spec 002 tax: the example's total is the subtotal plus 8%. */
const TAX_RATE = 0.08;
/** Share of sessions on a device other than the user's primary one. */
const OTHER_DEVICE_SHARE = 0.1;
/** Share of product views in the user's preferred category (spec 002 "category preferences"). */
const PREFERRED_SHARE = 0.6;
/** During Black Friday and Christmas, this share of views goes to the event's categories. */
const SEASONAL_SHARE = 0.5;
/** Time anomalies pick a user at 2:00–3:45 local time, so the purchase minutes later is still before 4 AM. */
const NIGHT_FROM_H = 2;
const NIGHT_TO_H = 3.75;
const MAX_VIEWS = 50;

const HIGH_VALUE_CATEGORIES = [0, 2]; // Electronics, Fashion: resellable goods fraud favours
const QUANTITY_CUM = cumulativeWeights([0.8, 0.15, 0.05]);
const PROFILE_CUM = DEVICE_PROFILES.map((list) => cumulativeWeights(list.map((p) => p.weight)));
const CITY_CUM = cumulativeWeights(CITY_SHARES);
const SEVERITIES: ReadonlyArray<readonly [number, string]> = [[0.9, 'critical'], [0.75, 'high'], [0.6, 'medium'], [0, 'low']];

function deviceEventFragment(p: DeviceProfile): string {
  return `,"device_info":{"device_type":"${p.deviceType}","screen_resolution":"${p.screenResolution}"}`;
}
function deviceTxnFragment(p: DeviceProfile): string {
  return `"device_info":{"device_type":"${p.deviceType}","os":"${p.os}","browser":"${p.browser}"}`;
}
const EVENT_DEVICE = DEVICE_PROFILES.map((list) => list.map(deviceEventFragment));
const TXN_DEVICE = DEVICE_PROFILES.map((list) => list.map(deviceTxnFragment));
const SUSPICIOUS_EVENT_DEVICE = SUSPICIOUS_DEVICES.map(deviceEventFragment);
const SUSPICIOUS_TXN_DEVICE = SUSPICIOUS_DEVICES.map(deviceTxnFragment);
const LOCATION = CITIES.map((c) => `"location":{"country":"${c.country}","state":"${c.state}","city":"${c.city}","latitude":${c.latitude},"longitude":${c.longitude}}`);

/** One visit: the strings its records share, its cart, and its fraud label. */
class Session {
  /** `","user_id":"user_…","session_id":"sess_…` */
  userFrag = '';
  userId = '';
  sessionId = '';
  deviceFrag = '';
  /** `,"payment_method":…,"location":{…},"device_info":{…},` */
  txnTail = '';
  homeCategory = 0;
  fraudType = -1;
  cartIds: number[] = [];
  cartCents: number[] = [];
  pending = 0;
}

/** Per-slice state: its own random stream, user sampler, arrival clock, counters and pending records. */
class SliceState {
  readonly slice: number;
  readonly rng: Rng;
  readonly heap = new TimeHeap(256);
  readonly alias = new AliasTable(64);
  readonly userIds: Int32Array;
  readonly userCity: Uint8Array;
  readonly userActivity: Float64Array;
  readonly weights: Float64Array;
  /** Users of the slice grouped by home city, for picking someone awake at night. */
  readonly byCity: Int32Array[];
  tableEpochMs = NaN;
  nextArrivalMs = NaN;
  lambdaPerMs = 0;
  remaining = 0;
  pendingMain = 0;
  sessions = 0;
  events = 0;
  transactions = 0;
  alerts = 0;

  constructor(seed: number, slice: number, sliceCount: number, users: Users) {
    this.slice = slice;
    this.rng = createRng(seed, SLICE_STREAM_BASE + slice);
    const ids: number[] = [];
    for (let id = slice === 0 ? sliceCount : slice; id <= users.count; id += sliceCount) ids.push(id);
    this.userIds = Int32Array.from(ids);
    this.userCity = Uint8Array.from(ids, (id) => users.city(id));
    this.userActivity = Float64Array.from(ids, (id) => users.activity(id));
    this.weights = new Float64Array(Math.max(1, ids.length));
    const groups: number[][] = CITIES.map(() => []);
    for (let i = 0; i < ids.length; i++) groups[this.userCity[i]].push(ids[i]);
    this.byCity = groups.map((g) => Int32Array.from(g));
  }
}

/**
 * Shopping sessions of spec 002 for a set of slices (slice = user id mod sliceCount). A session is
 * page_view → search? → product_view × (1 + geometric), each maybe add_to_cart → checkout? → purchase?;
 * a purchase writes its transaction a moment later, a flagged transaction its fraud alert after that.
 * Fraud incidents (the six spec anomaly types) are whole sessions that always buy. user-events is the
 * main topic: each slice emits exactly its planned count per step, in time order.
 */
export class CommerceFunnel implements Funnel {
  private readonly states: SliceState[];
  private readonly users: Users;
  private readonly products: Products;
  private readonly k: CommerceKnobs;
  private readonly sliceCount: number;
  private readonly eventsPerSession: number;
  private readonly fraudProbability: number;
  /** fraud_testing override for the current step: sessions starting in [fraudFromMs, fraudToMs) use fraudOverride. */
  private fraudFromMs = Infinity;
  private fraudToMs = -Infinity;
  private fraudOverride = 0;
  private readonly iso = new IsoTimeFormatter();
  private readonly cityFactor = new Float64Array(CITIES.length);
  private cursor = 0;
  private finalStep = false;
  private epochStartMs = 0;
  /** Categories the current seasonal event favours (empty outside events). */
  private seasonal: readonly number[] = [];

  private sessions: Session[] = [];
  private sessionFree: number[] = [];
  private eventSession = new Int32Array(0);
  private eventKind = new Uint8Array(0);
  private eventProduct = new Int32Array(0);
  private eventDuration = new Int32Array(0);
  private eventAux = new Int32Array(0);
  private eventScore = new Float64Array(0);
  private eventTs = new Float64Array(0);
  private eventFree: number[] = [];

  constructor(seed: number, slices: readonly number[], sliceCount: number, users: Users, products: Products, knobs: CommerceKnobs) {
    this.states = slices.map((s) => new SliceState(seed, s, sliceCount, users));
    this.users = users;
    this.products = products;
    this.k = knobs;
    this.sliceCount = sliceCount;
    this.eventsPerSession = eventsPerSession(knobs);
    this.fraudProbability = fraudSessionProbability(knobs);
  }

  /** Prepare the step: rebuild user samplers at a new epoch, set exact counts and arrival rates. */
  beginStep(plan: StepPlan): void {
    if (plan.epochStartMs !== this.epochStartMs) {
      this.epochStartMs = plan.epochStartMs;
      for (let c = 0; c < CITIES.length; c++) this.cityFactor[c] = localActivity(plan.epochStartMs, CITIES[c].utcOffsetHours);
      const event = seasonalEvent(plan.epochStartMs);
      const names = event === 'black_friday' ? BLACK_FRIDAY_CATEGORIES : event === 'christmas' ? CHRISTMAS_CATEGORIES : [];
      this.seasonal = names.map((n) => CATEGORIES.findIndex((c) => c.name === n));
    }
    for (let i = 0; i < this.states.length; i++) {
      const st = this.states[i];
      const n = plan.counts[i];
      st.remaining = n;
      if (n === 0) continue;
      if (st.userIds.length === 0) throw new Error(`slice ${st.slice} has no users but ${n} records planned`);
      if (st.tableEpochMs !== plan.epochStartMs) this.rebuild(st, plan.epochStartMs);
      steerArrivals(st, st.rng, n, this.eventsPerSession, plan.startMs, plan.endMs);
    }
    const w = fraudWindow(plan.effects, plan.startMs, plan.endMs);
    this.fraudFromMs = w ? w.fromMs : Infinity;
    this.fraudToMs = w ? w.toMs : -Infinity;
    this.fraudOverride = w ? fraudSessionProbability({ ...this.k, fraudRate: w.fraudRate }) : 0;
    this.cursor = 0;
    this.finalStep = plan.final;
  }

  /** Append up to `max` records of the step; 0 when every slice has emitted its count (and, at the end, its pending records). */
  fill(batch: RecordBatch, max: number): number {
    let appended = 0;
    while (appended < max && this.cursor < this.states.length) {
      const st = this.states[this.cursor];
      while (st.remaining > 0 && appended < max) {
        // Pending records up to the next arrival's millisecond leave first, so output is time-ordered.
        // At the end of a bounded run, once the remaining count equals the pending user events, only
        // pending records leave: the run ends with complete sessions and exactly the planned count.
        if (st.heap.peekKey() < (Math.floor(st.nextArrivalMs) + 1) * 8 || (this.finalStep && st.remaining <= st.pendingMain)) {
          if (this.emit(st, batch)) st.remaining--;
          appended++;
        } else {
          this.startSession(st, Math.floor(st.nextArrivalMs));
          st.nextArrivalMs += sampleExponential(st.rng, st.lambdaPerMs);
        }
      }
      // The last step also writes the transactions and alerts its purchases still owe.
      while (st.remaining === 0 && this.finalStep && st.heap.size > 0 && appended < max) {
        if (this.eventKind[st.heap.peekSlot()] < TRANSACTION) this.drop(st);
        else {
          this.emit(st, batch);
          appended++;
        }
      }
      if (st.remaining === 0 && (!this.finalStep || st.heap.size === 0)) this.cursor++;
    }
    return appended;
  }

  private rebuild(st: SliceState, epochStartMs: number): void {
    const n = st.userIds.length;
    for (let i = 0; i < n; i++) st.weights[i] = st.userActivity[i] * this.cityFactor[st.userCity[i]];
    st.alias.build(st.weights, n);
    st.tableEpochMs = epochStartMs;
  }

  /** A user of the slice at 2:00–3:45 local time, or 0 when the slice has none. */
  private nightUser(st: SliceState, t: number): number {
    let total = 0;
    for (let c = 0; c < CITIES.length; c++) if (isNight(t, c)) total += st.byCity[c].length;
    if (total === 0) return 0;
    let r = st.rng.int(total);
    for (let c = 0; ; c++) {
      if (!isNight(t, c)) continue;
      const list = st.byCity[c];
      if (r < list.length) return list[r];
      r -= list.length;
    }
  }

  /** Simulate one session from its landing at `t` and queue its user events. */
  private startSession(st: SliceState, t: number): void {
    const rng = st.rng;
    const k = this.k;
    const users = this.users;
    const pFraud = t >= this.fraudFromMs && t < this.fraudToMs ? this.fraudOverride : this.fraudProbability;
    let fraud = rng.next() < pFraud ? rng.int(FRAUD_TYPES.length) : -1;
    let user = 0;
    // A time anomaly needs a user awake at night; a slice without one makes it a device anomaly instead.
    if (fraud === FRAUD_TIME) user = this.nightUser(st, t);
    if (fraud === FRAUD_TIME && user === 0) fraud = FRAUD_DEVICE;
    if (user === 0) user = st.userIds[st.alias.sample(rng)];
    const type = users.type(user);
    const home = users.city(user);

    const s = this.allocSession();
    const ses = this.sessions[s];
    ses.fraudType = fraud;
    ses.userId = 'user_' + padId(user, 6);
    ses.sessionId = 'sess_' + padHex(st.sessions++ * this.sliceCount + st.slice);
    ses.userFrag = '","user_id":"' + ses.userId + '","session_id":"' + ses.sessionId;
    ses.homeCategory = users.preferredCategory(user);
    ses.cartIds.length = 0;
    ses.cartCents.length = 0;

    let eventDevice: string;
    let txnDevice: string;
    if (fraud === FRAUD_DEVICE) {
      const d = rng.int(SUSPICIOUS_DEVICES.length);
      eventDevice = SUSPICIOUS_EVENT_DEVICE[d];
      txnDevice = SUSPICIOUS_TXN_DEVICE[d];
    } else if (rng.next() < OTHER_DEVICE_SHARE) {
      const dt = rng.int(DEVICE_PROFILES.length);
      const p = pickCumulative(PROFILE_CUM[dt], rng.next());
      eventDevice = EVENT_DEVICE[dt][p];
      txnDevice = TXN_DEVICE[dt][p];
    } else {
      const dt = users.deviceType(user);
      const p = users.deviceProfile(user);
      eventDevice = EVENT_DEVICE[dt][p];
      txnDevice = TXN_DEVICE[dt][p];
    }
    ses.deviceFrag = eventDevice;
    const where = fraud === FRAUD_LOCATION ? farCity(rng, home) : home;
    ses.txnTail = ',"payment_method":"' + PAYMENT_METHODS[users.payment(user)] + '",' + LOCATION[where] + ',' + txnDevice + ',';

    // Browsing: pattern anomalies shop a high-value category the user never prefers.
    let browse = ses.homeCategory;
    if (fraud === FRAUD_PATTERN) {
      browse = HIGH_VALUE_CATEGORIES[rng.int(HIGH_VALUE_CATEGORIES.length)];
      if (browse === ses.homeCategory) browse = HIGH_VALUE_CATEGORIES[0] === browse ? HIGH_VALUE_CATEGORIES[1] : HIGH_VALUE_CATEGORIES[0];
    }
    let at = this.queueTimed(st, s, t, PAGE_VIEW, 0);
    if (rng.next() < k.searchRate) at = this.queueTimed(st, s, at, SEARCH, browse);
    const g = 1 - 1 / viewsMean(k, type);
    let views = 1;
    while (views < MAX_VIEWS && rng.next() < g) views++;
    const cart = cartRate(k, type);
    let last = 0;
    for (let v = 0; v < views; v++) {
      last = this.pickProduct(rng, fraud === FRAUD_PATTERN ? browse : -1, browse);
      at = this.queueTimed(st, s, at, PRODUCT_VIEW, last);
      if (rng.next() < cart || (fraud >= 0 && v === views - 1 && ses.cartIds.length === 0)) {
        ses.cartIds.push(last);
        // The cart keeps the price in force when the product is added (product-updates has it at or before then).
        ses.cartCents.push(this.products.priceAt(last, at));
        at = this.queueTimed(st, s, at, ADD_TO_CART, last);
      }
    }
    if (ses.cartIds.length === 0) return;
    if (fraud < 0 && !(rng.next() < k.checkoutRate)) return;
    at = this.queueTimed(st, s, at, CHECKOUT, 0);
    if (fraud < 0 && !(rng.next() < k.purchaseRate)) return;
    this.queueTimed(st, s, at, PURCHASE, 0);
  }

  /** A product for a view: forced category, else preferred (60%), seasonal favourites, or the whole catalogue. */
  private pickProduct(rng: Rng, forced: number, preferred: number): number {
    const p = this.products;
    let c = forced;
    if (c < 0) {
      const u = rng.next();
      if (this.seasonal.length > 0 && u < SEASONAL_SHARE) c = this.seasonal[rng.int(this.seasonal.length)];
      else if (rng.next() < PREFERRED_SHARE) c = preferred;
    }
    if (c >= 0 && p.byCategory[c].length > 0) return p.byCategory[c][p.categoryAlias[c].sample(rng)];
    return 1 + p.all.sample(rng);
  }

  /** Queue a user event at `t` with a sampled time on page; returns when the next event of the session happens. */
  private queueTimed(st: SliceState, s: number, t: number, kind: number, product: number): number {
    const rng = st.rng;
    const dwell = Math.min(DWELL_MAX_S, Math.max(1, Math.round(sampleLogNormal(rng, Math.log(DWELL_MEDIAN_S[kind]), DWELL_SIGMA))));
    this.queue(st, s, t, kind, product, dwell, 0, 0);
    st.pendingMain++;
    return t + dwell * 1000 + rng.int(1000);
  }

  /** Pop and write the next record of a slice; true when it was a user event (main topic). */
  private emit(st: SliceState, batch: RecordBatch): boolean {
    const e = st.heap.peekSlot();
    st.heap.pop();
    const s = this.eventSession[e];
    const ses = this.sessions[s];
    const kind = this.eventKind[e];
    const ts = this.eventTs[e];
    const iso = this.iso.format(ts);
    let main = false;
    if (kind < TRANSACTION) {
      main = true;
      st.pendingMain--;
      const product = this.eventProduct[e];
      let part: string;
      if (kind === PRODUCT_VIEW) part = this.products.viewFragment[product];
      else if (kind === ADD_TO_CART) part = this.products.cartFragment[product];
      else if (kind === SEARCH) part = '"product_id":null,"category":"' + CATEGORIES[product].name + '","page_url":"/search?q=' + CATEGORIES[product].slug + '"';
      else part = NO_PRODUCT[kind];
      let txn = 'null';
      if (kind === PURCHASE) {
        const id = st.transactions++ * this.sliceCount + st.slice;
        txn = '"txn_' + padId(id, 9) + '"';
        this.queue(st, s, ts + PAYMENT_MIN_MS + st.rng.int(PAYMENT_SPREAD_MS), TRANSACTION, 0, 0, id, 0);
      }
      const value = '{"event_id":"evt_' + padId(st.events++ * this.sliceCount + st.slice, 9) + ses.userFrag + TYPE_FRAGMENT[kind] + iso
        + '",' + part + ',"duration_seconds":' + this.eventDuration[e] + ses.deviceFrag + ',"transaction_id":' + txn + '}';
      batch.push(TOPIC_EVENTS, ses.sessionId, value, ts);
    } else if (kind === TRANSACTION) {
      this.writeTransaction(st, batch, e, ses, iso);
    } else {
      this.writeAlert(st, batch, e, ses, iso);
    }
    this.eventFree.push(e);
    if (--ses.pending === 0) this.sessionFree.push(s);
    return main;
  }

  private writeTransaction(st: SliceState, batch: RecordBatch, e: number, ses: Session, iso: string): void {
    const rng = st.rng;
    const s = this.eventSession[e];
    const ts = this.eventTs[e];
    const burst = this.eventProduct[e];
    const id = burst === 0 ? this.eventAux[e] : st.transactions++ * this.sliceCount + st.slice;
    const fraud = ses.fraudType;
    const p = this.products;
    let items = '';
    let subtotal = 0;
    if (burst > 0) {
      // Velocity follow-ups: card testing on one popular item each.
      const product = 1 + p.all.sample(rng);
      const cents = p.priceAt(product, ts);
      items = '{' + p.fragment[product] + ',"price":' + cents / 100 + ',"quantity":1}';
      subtotal = cents;
    } else if (fraud === FRAUD_AMOUNT && rng.next() < 0.5) {
      // spec 002: micro-transactions — a card check on a token amount.
      const cents = 1 + rng.int(99);
      items = '{' + p.fragment[ses.cartIds[0]] + ',"price":' + cents / 100 + ',"quantity":1}';
      subtotal = cents;
    } else {
      // spec 002: 5–20× normal amounts — the same cart in bulk.
      const bulk = fraud === FRAUD_AMOUNT ? 5 + rng.int(16) : 1;
      for (let i = 0; i < ses.cartIds.length; i++) {
        const q = (fraud === FRAUD_PATTERN ? 2 + rng.int(4) : 1 + pickCumulative(QUANTITY_CUM, rng.next())) * bulk;
        const cents = ses.cartCents[i];
        items += (i === 0 ? '{' : ',{') + p.fragment[ses.cartIds[i]] + ',"price":' + cents / 100 + ',"quantity":' + q + '}';
        subtotal += cents * q;
      }
    }
    const total = Math.round(subtotal * (1 + TAX_RATE)) / 100;
    const isFraud = fraud >= 0;
    const score = isFraud ? Math.round((0.55 + 0.45 * Math.sqrt(rng.next())) * 100) / 100 : Math.round(0.5 * Math.pow(rng.next(), 3) * 100) / 100;
    const txnId = 'txn_' + padId(id, 9);
    const value = '{"transaction_id":"' + txnId + '","user_id":"' + ses.userId + '","session_id":"' + ses.sessionId + '","timestamp":"' + iso
      + '","products":[' + items + '],"total_amount":' + total + ses.txnTail + '"is_fraud":' + isFraud
      + ',"fraud_type":' + (isFraud ? '"' + FRAUD_TYPES[fraud] + '"' : 'null') + ',"fraud_score":' + score + '}';
    batch.push(TOPIC_TRANSACTIONS, ses.userId, value, ts);
    if (fraud === FRAUD_VELOCITY && burst === 0) {
      const more = VELOCITY_MIN - 1 + rng.int(VELOCITY_MAX - VELOCITY_MIN + 1);
      for (let b = 1; b <= more; b++) this.queue(st, s, ts + 1 + rng.int(VELOCITY_WINDOW_MS - 1), TRANSACTION, b, 0, 0, 0);
    }
    if (rng.next() < (isFraud ? this.k.fraudAlertRate : this.k.falseAlertRate)) {
      const delay = Math.max(1, Math.round(sampleLogNormal(rng, Math.log(ALERT_MEDIAN_MS), ALERT_SIGMA)));
      this.queue(st, s, ts + delay, ALERT, 0, 0, id, score);
    }
  }

  private writeAlert(st: SliceState, batch: RecordBatch, e: number, ses: Session, iso: string): void {
    const score = this.eventScore[e];
    const fraud = ses.fraudType;
    // A false positive names the anomaly the screening believed it saw.
    const type = fraud >= 0 ? fraud : st.rng.int(FRAUD_TYPES.length);
    let severity = 'low';
    for (const [min, name] of SEVERITIES) {
      if (score >= min) {
        severity = name;
        break;
      }
    }
    const txnId = 'txn_' + padId(this.eventAux[e], 9);
    const value = '{"alert_id":"alert_' + padId(st.alerts++ * this.sliceCount + st.slice, 9) + '","transaction_id":"' + txnId
      + '","user_id":"' + ses.userId + '","timestamp":"' + iso + '","alert_type":"' + FRAUD_TYPES[type] + '","fraud_score":' + score
      + ',"severity":"' + severity + '","is_fraud":' + (fraud >= 0) + '}';
    batch.push(TOPIC_ALERTS, txnId, value, this.eventTs[e]);
  }

  /** Discard a pending user event the bounded run has no count left for. */
  private drop(st: SliceState): void {
    const e = st.heap.peekSlot();
    st.heap.pop();
    st.pendingMain--;
    this.eventFree.push(e);
    const s = this.eventSession[e];
    if (--this.sessions[s].pending === 0) this.sessionFree.push(s);
  }

  private queue(st: SliceState, s: number, ts: number, kind: number, product: number, duration: number, aux: number, score: number): void {
    let e = this.eventFree.pop();
    if (e === undefined) {
      this.growEvents();
      e = this.eventFree.pop() as number;
    }
    this.eventSession[e] = s;
    this.eventKind[e] = kind;
    this.eventProduct[e] = product;
    this.eventDuration[e] = duration;
    this.eventAux[e] = aux;
    this.eventScore[e] = score;
    this.eventTs[e] = ts;
    this.sessions[s].pending++;
    st.heap.push(ts * 8 + kind, e);
  }

  private allocSession(): number {
    let s = this.sessionFree.pop();
    if (s === undefined) {
      s = this.sessions.length;
      this.sessions.push(new Session());
    }
    this.sessions[s].pending = 0;
    return s;
  }

  private growEvents(): void {
    const old = this.eventTs.length;
    const cap = Math.max(4096, old * 2);
    const grow = <T extends Int32Array | Uint8Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.eventSession = grow(this.eventSession, (n) => new Int32Array(n));
    this.eventKind = grow(this.eventKind, (n) => new Uint8Array(n));
    this.eventProduct = grow(this.eventProduct, (n) => new Int32Array(n));
    this.eventDuration = grow(this.eventDuration, (n) => new Int32Array(n));
    this.eventAux = grow(this.eventAux, (n) => new Int32Array(n));
    this.eventScore = grow(this.eventScore, (n) => new Float64Array(n));
    this.eventTs = grow(this.eventTs, (n) => new Float64Array(n));
    for (let i = cap - 1; i >= old; i--) this.eventFree.push(i);
  }
}

function isNight(t: number, city: number): boolean {
  const h = localHour(t, CITIES[city].utcOffsetHours);
  return h >= NIGHT_FROM_H && h < NIGHT_TO_H;
}

/** A city on another continent than `home` (spec 002 "transactions from different continents"). */
function farCity(rng: Rng, home: number): number {
  const region = CITIES[home].region;
  for (;;) {
    const c = pickCumulative(CITY_CUM, rng.next());
    if (CITIES[c].region !== region) return c;
  }
}

/** 12 lowercase hex digits of a session number (unique per slice and counter). */
function padHex(n: number): string {
  const s = n.toString(16);
  return s.length >= 12 ? s : '0'.repeat(12 - s.length) + s;
}
