import { IsoTimeFormatter } from '../../encoding/iso-time.js';
import type { RecordBatch } from '../../encoding/record-batch.js';
import { createRng, type Rng } from '../../random/rng.js';
import type { Funnel, StepPlan } from '../domain.js';
import { steerArrivals } from '../arrival-clock.js';
import { TimeHeap } from '../time-heap.js';
import type { Customers } from './catalog.js';
import { DIRTY_RULES_AT_START, DIRTY_RULES_NO_WATCH, DIRTY_RULES_WITH_WATCH, DirtyRule } from './dirty-rules.js';
import { IdFormatter } from './ids.js';
import type { TelemetryKnobs } from './knobs.js';
import { SALT, SLICE_STREAM_BASE } from './salts.js';
import { CONNECTION_TYPES, EVENT_TYPES, ISP_NAMES, RESUME, START, SessionModel, SliceCustomers } from './sessions.js';
import { APP_VERSIONS, CITIES, DEVICE_OSES, DEVICE_TYPES, QUALITIES } from './vocabulary.js';

const TYPE_FRAGMENT = EVENT_TYPES.map((t) => `","event_type":"${t}","event_timestamp":"`);
const DEVICE_FRAGMENT = DEVICE_TYPES.map((t) => `,"device_type":"${t}","device_id":`);
const OS_FRAGMENT = DEVICE_OSES.map((list) => list.map((os) => `,"device_os":"${os}","app_version":"`));
const QUALITY_FRAGMENT = QUALITIES.map((q) => `","quality":"${q}","bandwidth_mbps":`);
const GEO_FRAGMENT = CITIES.map((c) => `","country":"${c.country}","state":"${c.state}","city":"${c.city}","isp":"`);
const CONNECTION_FRAGMENT = CONNECTION_TYPES.map((c) => `","connection_type":"${c}"`);
/** Cap of the warm-up's simulated arrivals, per customer of the slice. */
const WARM_ARRIVALS_PER_CUSTOMER = 2;
const OCTET = Array.from({ length: 256 }, (_, i) => String(i));

/** A number with one decimal from its integer count of tenths (spec sample: 25.5, 0.0). */
function tenths(t: number): string {
  const neg = t < 0;
  const a = neg ? -t : t;
  return (neg ? '-' : '') + Math.floor(a / 10) + '.' + (a % 10);
}

/** Dotted IPv4 of a uint32. */
function ipv4(x: number): string {
  return OCTET[Math.floor(x / 16777216) & 255] + '.' + OCTET[(x >>> 16) & 255] + '.' + OCTET[(x >>> 8) & 255] + '.' + OCTET[x & 255];
}

/** Per-slice state: its own stream, customers, arrival clock and the heap of open sessions' next events. */
class SliceState {
  readonly slice: number;
  readonly rng: Rng;
  readonly pool: SliceCustomers;
  readonly heap = new TimeHeap(256);
  nextArrivalMs = NaN;
  lambdaPerMs = 0;
  remaining = 0;
  /** Sessions opened whose start is not emitted yet: each still owes two events. */
  pendingStarts = 0;
  /** Final step whose count covers every open session's last event: the run can end with all sessions closed. */
  drains = false;
  /** Draining and the count left equals what open sessions owe: each one's next event ends it. */
  closing = false;
  warmed = false;
  /** Timestamp of the slice's last emitted record. */
  lastTs = -Infinity;
  sessions = 0;
  events = 0;

  constructor(seed: number, slice: number, customers: Customers, sliceCount: number) {
    this.slice = slice;
    this.rng = createRng(seed, SLICE_STREAM_BASE + slice);
    this.pool = new SliceCustomers(customers, slice, sliceCount);
  }
}

/** What the world measured about sessions (pilot simulation), used to turn event counts into arrival rates. */
export interface SessionStats {
  readonly eventsPerSession: number;
}

/**
 * The telemetry funnel of spec 004 for a set of slices: viewing sessions arrive as a Poisson process steered to
 * each step's exact count; every emitted event advances its session's state machine (SessionModel), so each
 * slice's records leave in time order. Values are serialised straight to JSON text in the spec's field order.
 */
export class TelemetryFunnel implements Funnel {
  private readonly states: SliceState[];
  private readonly model: SessionModel;
  private readonly k: TelemetryKnobs;
  private readonly stats: SessionStats;
  private readonly sliceCount: number;
  private readonly iso = new IsoTimeFormatter();
  private readonly eventIds: IdFormatter;
  private readonly customerIds: IdFormatter;
  private readonly titleIds: IdFormatter;
  private readonly sessionIds: IdFormatter;
  private readonly deviceIds: IdFormatter;
  private cursor = 0;
  private stepEndMs = 0;

  constructor(seed: number, slices: readonly number[], sliceCount: number, customers: Customers, model: SessionModel, knobs: TelemetryKnobs, stats: SessionStats) {
    this.states = slices.map((s) => new SliceState(seed, s, customers, sliceCount));
    this.model = model;
    this.k = knobs;
    this.stats = stats;
    this.sliceCount = sliceCount;
    this.eventIds = new IdFormatter(seed, SALT.idEvent);
    this.customerIds = new IdFormatter(seed, SALT.idCustomer);
    this.titleIds = new IdFormatter(seed, SALT.idTitle);
    this.sessionIds = new IdFormatter(seed, SALT.idSession);
    this.deviceIds = new IdFormatter(seed, SALT.idDevice);
  }

  /** Prepare the step: warm up slices on their first records, set exact counts and arrival rates. */
  beginStep(plan: StepPlan): void {
    const stepMs = Math.max(1, plan.endMs - plan.startMs);
    for (let i = 0; i < this.states.length; i++) {
      const st = this.states[i];
      const n = plan.counts[i];
      st.remaining = n;
      st.closing = false;
      st.drains = false;
      if (n === 0) continue;
      if (st.pool.ids.length === 0) throw new Error(`slice ${st.slice} has no customer but ${n} records planned`);
      const nominal = n / this.stats.eventsPerSession / stepMs;
      if (!st.warmed) this.warmUp(st, plan.startMs, nominal);
      // A run shorter than the sessions it observes cannot close them all: it then ends like any window of the stream.
      st.drains = plan.final && n >= st.heap.size + st.pendingStarts;
      steerArrivals(st, st.rng, n, this.stats.eventsPerSession, plan.startMs, plan.endMs);
    }
    this.cursor = 0;
    this.stepEndMs = plan.endMs;
  }

  /** Append up to `max` records of the step; 0 when every slice has emitted its count. */
  fill(batch: RecordBatch, max: number): number {
    let appended = 0;
    while (appended < max && this.cursor < this.states.length) {
      const st = this.states[this.cursor];
      while (st.remaining > 0 && appended < max) {
        // In the final step new sessions start only while the count leaves room for every open session to
        // end; once it does not, each open session's next event is its last (exactly the planned count).
        const owed = st.heap.size + st.pendingStarts;
        if (st.drains && !st.closing && st.remaining <= owed) st.closing = true;
        const mayStart = !st.drains || st.remaining >= owed + 2;
        if (st.heap.size > 0 && (!mayStart || st.heap.peekKey() < (Math.floor(st.nextArrivalMs) + 1) * 8)) {
          this.emit(st, batch);
          st.remaining--;
          appended++;
        } else {
          const s = this.model.open(st.rng, st.pool, Math.floor(st.nextArrivalMs), st.sessions++ * this.sliceCount + st.slice);
          st.heap.push(this.model.nextTs[s] * 8 + START, s);
          st.pendingStarts++;
          st.nextArrivalMs -= Math.log(1 - st.rng.next()) / st.lambdaPerMs;
        }
      }
      if (st.remaining === 0) this.cursor++;
    }
    return appended;
  }

  /**
   * Sessions already running when the slice's first records are due: arrivals over the warm-up window at the
   * first step's rate, each played (without output) up to the start, the survivors queued. The stream then
   * looks like one observed from `startMs`, not a service switched on then.
   */
  private warmUp(st: SliceState, startMs: number, perMs: number): void {
    st.warmed = true;
    const m = this.model;
    // At most WARM_ARRIVALS_PER_CUSTOMER arrivals per customer of the slice: beyond that the slice's devices are
    // saturated anyway, and the warm-up's cost (∝ rate × window) would dwarf a short run.
    const windowMs = Math.min(this.k.warmupMinutes * 60_000, (WARM_ARRIVALS_PER_CUSTOMER * st.pool.ids.length) / perMs);
    let t = startMs - windowMs;
    for (;;) {
      t -= Math.log(1 - st.rng.next()) / perMs;
      if (t >= startMs) break;
      const s = m.open(st.rng, st.pool, Math.floor(t), st.sessions++ * this.sliceCount + st.slice);
      let open = true;
      while (open && m.nextTs[s] < startMs) open = m.advance(st.rng, s, st.pool, false);
      if (open) st.heap.push(m.nextTs[s] * 8 + m.nextType[s], s);
    }
  }

  private emit(st: SliceState, batch: RecordBatch): void {
    const m = this.model;
    const s = st.heap.peekSlot();
    st.heap.pop();
    if (st.closing && m.nextType[s] === RESUME) {
      // A viewer who will not come back quits while paused: by the step end rather than at the resume instant,
      // which may lie hours later (never before the slice's last record, so the order holds).
      m.closeNow(s);
      m.nextTs[s] = Math.max(st.lastTs, Math.min(m.nextTs[s], this.stepEndMs));
    } else if (st.closing) m.closeNow(s);
    const type = m.nextType[s];
    if (type === START) st.pendingStarts--;
    const ts = m.nextTs[s];
    st.lastTs = ts;
    const customer = m.customer[s];
    const len = m.lengthSec[s];
    let watch = m.watch[s];
    let pos = m.position[s];
    let quality = m.quality[s];
    let bufferingEvents = m.bufferingEvents[s];
    let bufferingSeconds = m.bufferingSeconds[s];
    // Measured bandwidth wobbles around the session's; a 4K stream stays ≥ 15 Mbps (spec rule).
    let bw = Math.min(10_000, Math.max(1, Math.round(m.bandwidth[s] * 10 * Math.exp(0.08 * gaussianish(st.rng)))));
    if (quality === 2 && bw < 150) bw = 150;
    const completion = Math.floor((pos * 1000) / len);
    let sessionHex = this.sessionIds.hex(m.number[s]);
    let device = '"DEVICE_' + this.deviceIds.hex(customer * 4 + m.slot[s]) + '"';
    let pct = completion;
    let tail = '}';

    if (this.k.dirtyRate > 0 && st.rng.next() < this.k.dirtyRate) {
      const rules = type === START ? DIRTY_RULES_AT_START : watch > 0 ? DIRTY_RULES_WITH_WATCH : DIRTY_RULES_NO_WATCH;
      const rule = rules[st.rng.int(rules.length)];
      const r = st.rng;
      switch (rule) {
        case DirtyRule.CompletionRange: pct = 1001 + r.int(500); break;
        case DirtyRule.BandwidthRange: bw = 10_001 + r.int(10_000); break;
        case DirtyRule.BufferingExceedsWatch:
          // Past an hour of watch the buffering range (≤ 3600) leaves no room to exceed it alone: label the segment's
          // completion instead, so every dirty record still breaks exactly one rule.
          if (watch >= 3_570) {
            pct = 1001 + r.int(500);
            tail = ',"_dq_violation":"' + DirtyRule.CompletionRange + '"}';
            break;
          }
          bufferingEvents = Math.max(1, bufferingEvents);
          bufferingSeconds = watch + 1 + r.int(30);
          break;
        case DirtyRule.PositionExceedsLength: pos = len + 1 + r.int(600); break;
        case DirtyRule.StartWithWatch: watch = 1 + r.int(600); break;
        case DirtyRule.DurationWithoutBuffering: bufferingEvents = 0; bufferingSeconds = 1 + r.int(Math.min(watch, 3_600)); break;
        case DirtyRule.UhdLowBandwidth: quality = 2; bw = 10 + r.int(140); break;
        case DirtyRule.RequiredNull: device = 'null'; break;
        case DirtyRule.IdFormat: sessionHex = sessionHex.slice(0, 7); break;
      }
      if (tail === '}') tail = ',"_dq_violation":"' + rule + '"}';
    }

    const key = 'CUST_' + this.customerIds.hex(customer);
    const value = '{"event_id":"EVENT_' + this.eventIds.hex(st.events++ * this.sliceCount + st.slice)
      + '","customer_id":"' + key
      + '","title_id":"TITLE_' + this.titleIds.hex(m.title[s])
      + '","session_id":"SESSION_' + sessionHex
      + TYPE_FRAGMENT[type] + this.iso.format(ts)
      + '","watch_duration_seconds":' + watch
      + ',"position_seconds":' + pos
      + ',"completion_percentage":' + tenths(pct)
      + DEVICE_FRAGMENT[m.deviceType[s]] + device
      + OS_FRAGMENT[m.deviceType[s]][m.deviceOs[s]] + APP_VERSIONS[m.appVersion[s]]
      + QUALITY_FRAGMENT[quality] + tenths(bw)
      + ',"buffering_events":' + bufferingEvents
      + ',"buffering_duration_seconds":' + bufferingSeconds
      + ',"error_count":' + m.errors[s]
      + ',"ip_address":"' + ipv4(m.ip[s])
      + GEO_FRAGMENT[m.city[s]] + ISP_NAMES[m.isp[s]]
      + CONNECTION_FRAGMENT[m.connection[s]] + tail;
    batch.push(0, key, value, ts);
    if (m.advance(st.rng, s, st.pool, st.closing)) st.heap.push(m.nextTs[s] * 8 + m.nextType[s], s);
  }
}

/** Sum of three uniforms, centred and scaled to unit variance: a cheap bell for the bandwidth wobble. */
function gaussianish(rng: Rng): number {
  return (rng.next() + rng.next() + rng.next() - 1.5) * 2;
}
