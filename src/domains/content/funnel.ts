import { AliasTable } from '../../random/alias.js';
import { sampleExponential, sampleNormal } from '../../random/distributions.js';
import { createRng, type Rng } from '../../random/rng.js';
import { formatUuidV4 } from '../../encoding/uuid.js';
import { IsoTimeFormatter } from '../../encoding/iso-time.js';
import type { RecordBatch } from '../../encoding/record-batch.js';
import { NO_EFFECTS, type Funnel, type StepEffects, type StepPlan } from '../domain.js';
import { hashUnitOpen } from '../../random/hash.js';
import { brokenReleases, supernovaTargets, type BrokenRelease } from './chaos.js';
import { steerArrivals } from '../arrival-clock.js';
import { TimeHeap } from '../time-heap.js';
import { eventsPerImpression, type ContentKnobs } from './knobs.js';
import { SALT, SLICE_STREAM_BASE } from './salts.js';
import type { TrafficModel } from './traffic.js';
import type { Population } from './users.js';
import type { VideoCatalog } from './videos.js';
import { APP_RELEASES, NETWORK_TYPES, REFERRAL_SOURCES, pickIndex } from './vocabulary.js';

// Event types; the number doubles as the tie-break order within one millisecond (causal order).
const IMPRESSION = 0;
const PLAY_START = 1;
const LIKE = 2;
const SHARE = 3;
const FINISH = 4;
const SKIP = 5;
const ORDER = [0, 1, 2, 3, 4, 4];

/** `…","event_type":"<type>","payload":{"watch_time_ms":` per type: the constant middle of every event. */
const TYPE_FRAGMENT = ['impression', 'play_start', 'like', 'share', 'play_finish', 'skip'].map(
  (t) => `","event_type":"${t}","payload":{"watch_time_ms":`,
);
const EVENT_PREFIX = '{"event_id":"';
const TIMESTAMP_FRAGMENT = '","event_timestamp":"';

/** Spread of the finish/skip decision around quality = 1 - patience (logistic scale). */
const FINISH_SCALE = 0.12;
/** Skips cluster early (the doomscroll): watched share = u^1.6. */
const SKIP_SHAPE = 1.6;
/** Like timing: log-normal around the hook, median min(25% of the video, 5 s). */
const HOOK_SHARE = 0.25;
const HOOK_CAP_MS = 5_000;
const HOOK_SIGMA = 0.9;

/** Per-slice state: its own random stream, sampling table, arrival clock and pending events. */
class SliceState {
  readonly slice: number;
  readonly rng: Rng;
  readonly alias = new AliasTable(64);
  readonly heap = new TimeHeap(256);
  ids: Int32Array = new Int32Array(64);
  weights: Float64Array = new Float64Array(64);
  idCount = 0;
  tableEpochMs = NaN;
  tableGuardMs = NaN;
  tableEffectsKey = '';
  usersAt = 0;
  guardMs = 0;
  /** Next impression instant (fractional ms); sessions arrive as a Poisson process. */
  nextArrivalMs = NaN;
  /** Sessions per ms in the current step. */
  lambdaPerMs = 0;
  remaining = 0;

  constructor(seed: number, slice: number) {
    this.slice = slice;
    this.rng = createRng(seed, SLICE_STREAM_BASE + slice);
  }
}

/**
 * The interaction funnel of spec 000 §4.1 for a set of slices: impression (Zipf × freshness × viral)
 * → play_start (playRate) → like / share (likeRate, shareRate of play_starts, only after play_start)
 * → play_finish or skip (quality vs patience). Each slice emits exactly its planned count per step, in
 * time order, serialising straight to JSON text.
 */
export class ContentFunnel implements Funnel {
  private readonly seed: number;
  private readonly states: SliceState[];
  private readonly catalog: VideoCatalog;
  private readonly users: Population;
  private readonly traffic: TrafficModel;
  private readonly k: ContentKnobs;
  private readonly eventsPerImpression: number;
  private readonly iso = new IsoTimeFormatter();
  private effects: StepEffects = NO_EFFECTS;
  private effectsKey = '[]';
  private broken: BrokenRelease[] = [];
  private cursor = 0;
  private finalStep = false;

  // Session pool: strings shared by a session's events, and how many of its events are pending.
  private sessionKey: string[] = [];
  private sessionMid: string[] = [];
  private sessionTail: string[] = [];
  private sessionPending: Uint8Array = new Uint8Array(0);
  private sessionFree: number[] = [];
  // Event pool: one slot per pending event.
  private eventSession: Int32Array = new Int32Array(0);
  private eventType: Uint8Array = new Uint8Array(0);
  private eventWatch: Int32Array = new Int32Array(0);
  private eventTs: Float64Array = new Float64Array(0);
  private eventFree: number[] = [];

  constructor(seed: number, slices: readonly number[], catalog: VideoCatalog, users: Population, traffic: TrafficModel, knobs: ContentKnobs) {
    this.seed = seed;
    this.states = slices.map((s) => new SliceState(seed, s));
    this.catalog = catalog;
    this.users = users;
    this.traffic = traffic;
    this.k = knobs;
    this.eventsPerImpression = eventsPerImpression(knobs);
  }

  /** Prepare the step: rebuild tables at a new epoch, set exact counts and arrival rates. */
  beginStep(plan: StepPlan): void {
    if (plan.effects !== this.effects) {
      this.effects = plan.effects;
      this.effectsKey = JSON.stringify(plan.effects.scenarios);
      this.broken = brokenReleases(plan.effects);
    }
    for (let i = 0; i < this.states.length; i++) {
      const st = this.states[i];
      const n = plan.counts[i];
      st.remaining = n;
      if (n === 0) continue;
      const guard = this.traffic.guardMs(plan.epochStartMs, plan.endMs);
      // Scenario strength changes within an epoch (ramps, runtime starts): rebuild every step while one acts.
      const timeVarying = this.effects.scenarios.length > 0;
      if (timeVarying || st.tableEpochMs !== plan.epochStartMs || st.tableGuardMs !== guard || st.tableEffectsKey !== this.effectsKey) {
        this.rebuild(st, plan.epochStartMs, guard, plan.startMs);
      }
      if (st.idCount === 0) throw new Error(`slice ${st.slice} has no eligible video but ${n} records planned`);
      steerArrivals(st, st.rng, n, this.eventsPerImpression, plan.startMs, plan.endMs);
    }
    this.cursor = 0;
    this.finalStep = plan.final;
  }

  /** Append up to `max` records of the step; 0 when every slice has emitted its count. */
  fill(batch: RecordBatch, max: number): number {
    let appended = 0;
    while (appended < max && this.cursor < this.states.length) {
      const st = this.states[this.cursor];
      while (st.remaining > 0 && appended < max) {
        // Pending events up to the next impression's millisecond leave first, so output is time-ordered.
        // At the end of a bounded run, once the remaining count equals the pending events, only those
        // leave: the run ends with complete sessions and still exactly the planned count.
        if (st.heap.peekKey() < (Math.floor(st.nextArrivalMs) + 1) * 8 || (this.finalStep && st.remaining <= st.heap.size)) {
          this.emit(st, batch);
          st.remaining--;
          appended++;
        } else {
          this.startSession(st, Math.floor(st.nextArrivalMs));
          st.nextArrivalMs = Math.min(st.guardMs - 1, st.nextArrivalMs + sampleExponential(st.rng, st.lambdaPerMs));
        }
      }
      if (st.remaining === 0) this.cursor++;
    }
    return appended;
  }

  private rebuild(st: SliceState, epochStartMs: number, guardMs: number, atMs: number): void {
    const n = this.catalog.countAt(epochStartMs);
    this.catalog.ensure(n);
    const slices = this.traffic.sliceCount;
    const targets = supernovaTargets(this.effects, atMs).filter((t) => t.video % slices === st.slice);
    let count = 0;
    for (let id = st.slice === 0 ? slices : st.slice; id <= n; id += slices) {
      let w = this.traffic.weight(id, epochStartMs, guardMs, this.effects);
      if (w === 0) continue;
      for (const t of targets) if (t.video === id) w = this.traffic.supernovaWeight(id, epochStartMs, guardMs, this.effects, t.strength, t.factor);
      if (count === st.ids.length) {
        const ids = new Int32Array(count * 2);
        ids.set(st.ids);
        st.ids = ids;
        const ws = new Float64Array(count * 2);
        ws.set(st.weights);
        st.weights = ws;
      }
      st.ids[count] = id;
      st.weights[count] = w;
      count++;
    }
    st.idCount = count;
    if (count > 0) st.alias.build(st.weights, count);
    st.tableEpochMs = epochStartMs;
    st.tableGuardMs = guardMs;
    st.tableEffectsKey = this.effectsKey;
    st.usersAt = this.users.countAt(epochStartMs);
    st.guardMs = guardMs;
  }

  /** Simulate one session from its impression at `t` and queue its events. */
  private startSession(st: SliceState, t: number): void {
    const rng = st.rng;
    const k = this.k;
    const video = st.ids[st.alias.sample(rng)];
    const user = 1 + rng.int(st.usersAt);
    const durationMs = this.catalog.durationMs[video];
    const referral = REFERRAL_SOURCES.values[pickIndex(REFERRAL_SOURCES, rng.next())];
    let version = APP_RELEASES[this.users.appVersionIndex(user, t)].version;
    let canLike = true;
    // spec 000 §5 B: users who updated to a broken release cannot like while the bug is live.
    for (let j = 0; j < this.broken.length; j++) {
      const b = this.broken[j];
      if (t < b.startMs) continue;
      const adoptedAt = b.startMs - Math.log(hashUnitOpen(this.seed, user, SALT.userBrokenAdopt + j)) * b.adoptionMeanMs;
      if (t >= adoptedAt) {
        version = b.version;
        canLike = t >= b.endMs;
      }
    }
    const s = this.allocSession();
    this.sessionKey[s] = 'v_' + video;
    this.sessionMid[s] = '","video_id":"v_' + video + '","user_id":"u_' + user;
    this.sessionTail[s] = ',"video_duration_ms":' + durationMs + ',"device_os":"' + (this.users.isIos(user) ? 'iOS' : 'Android')
      + '","app_version":"' + version + '","network_type":"' + NETWORK_TYPES.values[this.users.networkIndex(user)]
      + '","referral_source":"' + referral + '"}}';
    this.queue(st, s, t, IMPRESSION, 0);
    if (rng.next() >= k.playRate) return;

    const playMs = t + 80 + rng.int(520);
    this.queue(st, s, playMs, PLAY_START, 0);
    // spec 000 §4.1 step 3: finish when the video's quality beats the user's impatience.
    const margin = this.catalog.quality[video] - (1 - this.users.patience(user));
    const finished = rng.next() < 1 / (1 + Math.exp(-margin / FINISH_SCALE));
    const watchedMs = finished ? durationMs : Math.max(1, Math.min(durationMs - 1, Math.floor(durationMs * Math.pow(rng.next(), SKIP_SHAPE))));
    if (rng.next() < k.likeRate && canLike) {
      const at = hookTimeMs(rng, durationMs, watchedMs);
      this.queue(st, s, playMs + at, LIKE, at);
    }
    if (rng.next() < k.shareRate) {
      const at = Math.floor(watchedMs * Math.sqrt(rng.next()));
      this.queue(st, s, playMs + at, SHARE, at);
    }
    this.queue(st, s, playMs + watchedMs, finished ? FINISH : SKIP, watchedMs);
  }

  private emit(st: SliceState, batch: RecordBatch): void {
    const e = st.heap.peekSlot();
    st.heap.pop();
    const s = this.eventSession[e];
    const ts = this.eventTs[e];
    const rng = st.rng;
    const value = EVENT_PREFIX + formatUuidV4(rng.nextU32(), rng.nextU32(), rng.nextU32(), rng.nextU32())
      + TIMESTAMP_FRAGMENT + this.iso.format(ts) + this.sessionMid[s] + TYPE_FRAGMENT[this.eventType[e]]
      + this.eventWatch[e] + this.sessionTail[s];
    batch.push(0, this.sessionKey[s], value, ts);
    this.eventFree.push(e);
    if (--this.sessionPending[s] === 0) this.sessionFree.push(s);
  }

  private queue(st: SliceState, s: number, ts: number, type: number, watchMs: number): void {
    let e = this.eventFree.pop();
    if (e === undefined) {
      this.growEvents();
      e = this.eventFree.pop() as number;
    }
    this.eventSession[e] = s;
    this.eventType[e] = type;
    this.eventWatch[e] = watchMs;
    this.eventTs[e] = ts;
    this.sessionPending[s]++;
    st.heap.push(ts * 8 + ORDER[type], e);
  }

  private allocSession(): number {
    let s = this.sessionFree.pop();
    if (s === undefined) {
      const old = this.sessionPending.length;
      const cap = Math.max(1024, old * 2);
      const p = new Uint8Array(cap);
      p.set(this.sessionPending);
      this.sessionPending = p;
      for (let i = cap - 1; i >= old; i--) this.sessionFree.push(i);
      s = this.sessionFree.pop() as number;
    }
    this.sessionPending[s] = 0;
    return s;
  }

  private growEvents(): void {
    const old = this.eventTs.length;
    const cap = Math.max(4096, old * 2);
    const session = new Int32Array(cap);
    session.set(this.eventSession);
    this.eventSession = session;
    const type = new Uint8Array(cap);
    type.set(this.eventType);
    this.eventType = type;
    const watch = new Int32Array(cap);
    watch.set(this.eventWatch);
    this.eventWatch = watch;
    const ts = new Float64Array(cap);
    ts.set(this.eventTs);
    this.eventTs = ts;
    for (let i = cap - 1; i >= old; i--) this.eventFree.push(i);
  }
}

/** Like instant (ms into the video): log-normal skewed to the start (the hook), within what was watched. */
function hookTimeMs(rng: Rng, durationMs: number, watchedMs: number): number {
  const median = Math.min(durationMs * HOOK_SHARE, HOOK_CAP_MS);
  for (let attempt = 0; attempt < 4; attempt++) {
    const at = Math.floor(median * Math.exp(HOOK_SIGMA * sampleNormal(rng)));
    if (at <= watchedMs) return at;
  }
  return Math.floor(watchedMs * rng.next());
}
