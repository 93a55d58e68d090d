import { AliasTable } from '../../random/alias.js';
import { sampleNormal, samplePoisson } from '../../random/distributions.js';
import type { Rng } from '../../random/rng.js';
import type { ZipfSampler } from '../../random/zipf.js';
import type { Customers, TitleCatalog } from './catalog.js';
import type { TelemetryKnobs } from './knobs.js';
import { CITIES, COUNTRY_INDEX, HOME_ISPS, MOBILE_ISPS, MOBILE_MEDIAN_MBPS, QUALITY_NEED_MBPS, WIFI_SHARE } from './vocabulary.js';

// Event types; the number doubles as the tie-break order of heap keys within one millisecond.
export const START = 0;
export const PAUSE = 1;
export const RESUME = 2;
export const STOP = 3;
export const COMPLETE = 4;
export const EVENT_TYPES = ['start', 'pause', 'resume', 'stop', 'complete'] as const;

/** Session kinds: a bounce samples the title and stops; a view stops part-way; a finish reaches the end. */
const BOUNCE = 0;
const VIEW = 1;
const FINISH = 2;

/** Connection types of the spec; indexes 2..5 are the home technologies in HOME_TECHS order. */
export const CONNECTION_TYPES = ['wifi', 'mobile', 'fiber', 'cable', 'dsl', 'satellite'] as const;
const WIFI = 0;
const MOBILE = 1;
const SATELLITE = 5;

/** P(connection is the mobile network) per device type (mobile, web, tv, tablet); wired applies to web and tv. */
const MOBILE_NETWORK_SHARE = [0.35, 0, 0, 0.1];
const WIRED_SHARE = [0, 0.4, 0.5, 0];
/** Which device slot a session uses: the first device is the household's main screen. */
const SLOT_WEIGHTS = [0.5, 0.25, 0.15, 0.1];
/** Sum of SLOT_WEIGHTS over the first n devices, index n − 1. */
const SLOT_TOTALS = [0.5, 0.75, 0.9, 1];

/** Bounce watch: log-normal, median 75 s, clamped to [3, 600] s. */
const BOUNCE_MEDIAN_S = 75;
/** Partial view watch: log-normal, median 25 min. */
const VIEW_MEDIAN_S = 1_500;
const WATCH_SIGMA = 0.8;
/** Pause length: log-normal, median 100 s, clamped to [2 s, 3 h]. */
const PAUSE_MEDIAN_MS = 100_000;
const PAUSE_SIGMA = 1.1;
const PAUSE_MAX_MS = 3 * 3_600_000;
/** Mean seconds of stall per buffering event beyond the first second. */
const STALL_EXTRA_S = 3;

/** Names of every ISP (home providers then mobile carriers, per country), and where each country's lists start. */
export const ISP_NAMES: readonly string[] = [...HOME_ISPS.flat(), ...MOBILE_ISPS.flat()].map((i) => i.name);
const HOME_OFFSET = HOME_ISPS.map((_, c) => HOME_ISPS.slice(0, c).reduce((s, l) => s + l.length, 0));
const MOBILE_OFFSET = MOBILE_ISPS.map((_, c) => HOME_ISPS.flat().length + MOBILE_ISPS.slice(0, c).reduce((s, l) => s + l.length, 0));

/** The customers of one slice: ids, a sampler by activity, and which of their devices are streaming now. */
export class SliceCustomers {
  readonly ids: Int32Array;
  readonly alias: AliasTable;
  /** 1 while device slot s of the i-th customer has an open session (index i·4 + s). */
  readonly busy: Uint8Array;

  /** Customers k, k + stride, … ≤ count (ids start at 1). */
  constructor(customers: Customers, slice: number, stride: number) {
    const first = slice === 0 ? stride : slice;
    const n = first > customers.count ? 0 : Math.floor((customers.count - first) / stride) + 1;
    this.ids = new Int32Array(n);
    const weights = new Float64Array(Math.max(1, n));
    for (let i = 0; i < n; i++) {
      const id = first + i * stride;
      this.ids[i] = id;
      weights[i] = customers.activity(id);
    }
    this.alias = new AliasTable(Math.max(1, n));
    if (n > 0) this.alias.build(weights, n);
    this.busy = new Uint8Array(n * 4);
  }
}

/**
 * Open sessions in parallel typed arrays (a slot per session), and the session state machine of spec 004:
 * start → (pause → resume)* → stop | complete, where a pause may also end in stop (abandon). Transitions are
 * drawn lazily when an event is emitted, so a session costs one heap entry and a few dozen bytes however long
 * it runs. watch_duration_seconds and the buffering/error counters cover the current play segment (since the
 * start or the last resume): 0 at start and resume, as the spec requires, and summed over pause, stop and
 * complete events they give the session's totals.
 */
export class SessionModel {
  private readonly customers: Customers;
  private readonly titles: TitleCatalog;
  private readonly zipf: ZipfSampler;
  private readonly k: TelemetryKnobs;
  private readonly meanSegmentS: number;

  // Per session: identity.
  customer: Int32Array = new Int32Array(0);
  local: Int32Array = new Int32Array(0);
  slot: Uint8Array = new Uint8Array(0);
  title: Int32Array = new Int32Array(0);
  lengthSec: Int32Array = new Int32Array(0);
  number: Float64Array = new Float64Array(0);
  // Device and network, fixed for the session.
  deviceType: Uint8Array = new Uint8Array(0);
  deviceOs: Uint8Array = new Uint8Array(0);
  appVersion: Uint8Array = new Uint8Array(0);
  city: Uint8Array = new Uint8Array(0);
  connection: Uint8Array = new Uint8Array(0);
  isp: Uint8Array = new Uint8Array(0);
  ip: Float64Array = new Float64Array(0);
  quality: Uint8Array = new Uint8Array(0);
  bandwidth: Float64Array = new Float64Array(0);
  // Playback plan and the pending event.
  kind: Uint8Array = new Uint8Array(0);
  target: Int32Array = new Int32Array(0);
  nextType: Uint8Array = new Uint8Array(0);
  nextTs: Float64Array = new Float64Array(0);
  position: Int32Array = new Int32Array(0);
  watch: Int32Array = new Int32Array(0);
  bufferingEvents: Int32Array = new Int32Array(0);
  bufferingSeconds: Int32Array = new Int32Array(0);
  errors: Int32Array = new Int32Array(0);
  private free: number[] = [];

  constructor(customers: Customers, titles: TitleCatalog, zipf: ZipfSampler, knobs: TelemetryKnobs) {
    this.customers = customers;
    this.titles = titles;
    this.zipf = zipf;
    this.k = knobs;
    this.meanSegmentS = knobs.pausesPerHour > 0 ? 3_600 / knobs.pausesPerHour : Infinity;
  }

  /** Open a session starting at `t` for a customer of the slice; its pending event is the start. */
  open(rng: Rng, pool: SliceCustomers, t: number, sessionNumber: number): number {
    const s = this.alloc();
    const c = this.customers;
    const [local, slotIdx] = this.pickDevice(rng, pool);
    const id = pool.ids[local];
    pool.busy[local * 4 + slotIdx] = 1;
    this.customer[s] = id;
    this.local[s] = local;
    this.slot[s] = slotIdx;
    this.number[s] = sessionNumber;

    const type = c.deviceType(id, slotIdx);
    this.deviceType[s] = type;
    this.deviceOs[s] = c.deviceOs(id, slotIdx, type);
    this.appVersion[s] = c.appVersion(id, slotIdx);
    const city = c.city(id);
    const country = COUNTRY_INDEX[CITIES[city].country];
    const tech = c.homeTech(id, city);
    const homeIsp = c.homeIsp(id, city, tech);
    this.city[s] = city;

    // Network: the mobile network (a carrier address per session), the home line by cable, or home wifi.
    const u = rng.next();
    let mbps: number;
    if (u < MOBILE_NETWORK_SHARE[type]) {
      const carriers = MOBILE_ISPS[country];
      const carrier = Math.min(carriers.length - 1, Math.floor(rng.next() * carriers.length));
      const octets = carriers[carrier].octets;
      this.connection[s] = MOBILE;
      this.isp[s] = MOBILE_OFFSET[country] + carrier;
      this.ip[s] = octets[rng.int(octets.length)] * 16777216 + rng.int(65536) * 256 + 1 + rng.int(253);
      mbps = MOBILE_MEDIAN_MBPS * Math.exp(0.6 * sampleNormal(rng));
    } else {
      const home = c.homeMbps(id, tech);
      const wired = rng.next() < WIRED_SHARE[type];
      this.connection[s] = wired ? 2 + tech : WIFI;
      this.isp[s] = HOME_OFFSET[country] + homeIsp;
      this.ip[s] = c.homeIp(id, city, homeIsp);
      mbps = wired ? home * Math.exp(0.15 * sampleNormal(rng)) : home * WIFI_SHARE * Math.exp(0.25 * sampleNormal(rng));
    }
    mbps = Math.min(1000, Math.max(0.5, mbps));
    this.bandwidth[s] = mbps;
    // Quality: 4K needs a capable screen and ≥ 25 Mbps (so its bandwidth_mbps is always ≥ 15); data saver on mobile.
    const q = rng.next();
    if (mbps >= 25 && q < 0.85 && c.deviceUhd(id, slotIdx, type)) this.quality[s] = 2;
    else this.quality[s] = mbps >= 5 && !(this.connection[s] === MOBILE && q < 0.3) ? 1 : 0;

    // The title and the playback plan: where it starts and where the viewer will leave it.
    const title = this.zipf.sample(rng);
    const len = this.titles.lengthSec[title];
    this.title[s] = title;
    this.lengthSec[s] = len;
    const start = rng.next() < this.k.continueRate ? Math.floor(len * (0.05 + 0.8 * rng.next())) : 0;
    let kind: number;
    let target: number;
    if (rng.next() < this.k.bounceRate) {
      kind = BOUNCE;
      const w = Math.min(600, Math.max(3, Math.round(BOUNCE_MEDIAN_S * Math.exp(WATCH_SIGMA * sampleNormal(rng)))));
      target = Math.min(len, start + w);
    } else if (rng.next() < this.k.completeRate) {
      kind = FINISH;
      // Credits are skipped: the viewer leaves in the last 8% of the title.
      target = len - Math.floor(len * 0.08 * rng.next());
    } else {
      kind = VIEW;
      const w = Math.max(10, Math.round(VIEW_MEDIAN_S * Math.exp(WATCH_SIGMA * sampleNormal(rng))));
      target = Math.min(start + w, Math.floor(len * 0.9));
    }
    this.kind[s] = kind;
    this.target[s] = Math.max(target, start + 1);
    this.setPending(s, START, t, start, 0, 0, 0, 0);
    return s;
  }

  /**
   * After the pending event of session s was emitted (or passed over in warm-up): schedule the next one and
   * return true, or release the session and return false when it has ended. `closing` forces the next event
   * to end the session (the drain of a bounded run).
   */
  advance(rng: Rng, s: number, pool: SliceCustomers, closing: boolean): boolean {
    const type = this.nextType[s];
    const t = this.nextTs[s];
    if (type === STOP || type === COMPLETE) {
      pool.busy[this.local[s] * 4 + this.slot[s]] = 0;
      this.free.push(s);
      return false;
    }
    const pos = this.position[s];
    if (type === PAUSE) {
      const gap = Math.min(PAUSE_MAX_MS, Math.max(2_000, Math.round(PAUSE_MEDIAN_MS * Math.exp(PAUSE_SIGMA * sampleNormal(rng)))));
      const abandon = closing || rng.next() < this.k.abandonRate;
      this.setPending(s, abandon ? STOP : RESUME, t + gap, pos, 0, 0, 0, 0);
      return true;
    }
    // start or resume: play one segment, up to the next pause or to where the viewer leaves.
    const left = this.target[s] - pos;
    let watch = left;
    if (this.kind[s] !== BOUNCE) watch = Math.min(left, Math.max(1, Math.round(-Math.log(1 - rng.next()) * this.meanSegmentS)));
    const ends = watch >= left || closing;
    const q = this.quality[s];
    const ratio = QUALITY_NEED_MBPS[q] / this.bandwidth[s];
    const flaky = this.connection[s] === MOBILE || this.connection[s] === SATELLITE ? 2 : 1;
    const perHour = Math.min(200, 0.3 + 10 * ratio * ratio) * flaky;
    const stalls = Math.min(1000, samplePoisson(rng, (perHour * watch) / 3_600));
    const stallS = stalls === 0 ? 0 : Math.min(watch, 3_600, stalls + samplePoisson(rng, STALL_EXTRA_S * stalls));
    const errs = Math.min(100, samplePoisson(rng, (0.1 * watch) / 3_600 + 0.05 * stalls));
    const wallMs = (watch + stallS) * 1_000 + rng.int(1_000);
    const next = ends ? (this.kind[s] === FINISH && watch >= left ? COMPLETE : STOP) : PAUSE;
    this.setPending(s, next, t + wallMs, pos + watch, watch, stalls, stallS, errs);
    return true;
  }

  /** Turn the pending event into the session's last: a pause becomes a stop there, a resume a stop while paused. */
  closeNow(s: number): void {
    const type = this.nextType[s];
    if (type === PAUSE || type === RESUME) this.nextType[s] = STOP;
  }

  private setPending(s: number, type: number, ts: number, pos: number, watch: number, stalls: number, stallS: number, errs: number): void {
    this.nextType[s] = type;
    this.nextTs[s] = ts;
    this.position[s] = pos;
    this.watch[s] = watch;
    this.bufferingEvents[s] = stalls;
    this.bufferingSeconds[s] = stallS;
    this.errors[s] = errs;
  }

  /** A customer (by activity) and one of their devices that is not streaming (the main screen preferred). */
  private pickDevice(rng: Rng, pool: SliceCustomers): [number, number] {
    for (let attempt = 0; ; attempt++) {
      const local = pool.alias.sample(rng);
      const devices = this.customers.deviceCount(pool.ids[local]);
      let u = rng.next() * SLOT_TOTALS[devices - 1];
      let preferred = 0;
      while (preferred < devices - 1 && u >= SLOT_WEIGHTS[preferred]) u -= SLOT_WEIGHTS[preferred++];
      for (let i = 0; i < devices; i++) {
        const slot = (preferred + i) % devices;
        if (pool.busy[local * 4 + slot] === 0) return [local, slot];
      }
      // Eight accounts with every device busy: the rate asks for more concurrent viewers than the customers
      // knob provides (≈ rate × 230 s of sessions vs ≈ 2 devices per customer); overlap rather than stall.
      if (attempt === 7) return [local, preferred];
    }
  }

  private alloc(): number {
    let s = this.free.pop();
    if (s === undefined) {
      this.grow();
      s = this.free.pop() as number;
    }
    return s;
  }

  private grow(): void {
    const old = this.customer.length;
    const cap = Math.max(1024, old * 2);
    this.customer = growI32(this.customer, cap);
    this.local = growI32(this.local, cap);
    this.slot = growU8(this.slot, cap);
    this.title = growI32(this.title, cap);
    this.lengthSec = growI32(this.lengthSec, cap);
    this.number = growF64(this.number, cap);
    this.deviceType = growU8(this.deviceType, cap);
    this.deviceOs = growU8(this.deviceOs, cap);
    this.appVersion = growU8(this.appVersion, cap);
    this.city = growU8(this.city, cap);
    this.connection = growU8(this.connection, cap);
    this.isp = growU8(this.isp, cap);
    this.ip = growF64(this.ip, cap);
    this.quality = growU8(this.quality, cap);
    this.bandwidth = growF64(this.bandwidth, cap);
    this.kind = growU8(this.kind, cap);
    this.target = growI32(this.target, cap);
    this.nextType = growU8(this.nextType, cap);
    this.nextTs = growF64(this.nextTs, cap);
    this.position = growI32(this.position, cap);
    this.watch = growI32(this.watch, cap);
    this.bufferingEvents = growI32(this.bufferingEvents, cap);
    this.bufferingSeconds = growI32(this.bufferingSeconds, cap);
    this.errors = growI32(this.errors, cap);
    for (let i = cap - 1; i >= old; i--) this.free.push(i);
  }
}

function growI32(a: Int32Array, cap: number): Int32Array {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}

function growU8(a: Uint8Array, cap: number): Uint8Array {
  const b = new Uint8Array(cap);
  b.set(a);
  return b;
}

function growF64(a: Float64Array, cap: number): Float64Array {
  const b = new Float64Array(cap);
  b.set(a);
  return b;
}
