import { createRng } from '../../random/rng.js';
import { ZipfSampler } from '../../random/zipf.js';
import { NO_CDC, type Cdc, type Funnel, type StepEffects, type World, type WorldContext } from '../domain.js';
import { Customers, TitleCatalog } from './catalog.js';
import { TelemetryFunnel, type SessionStats } from './funnel.js';
import { readTelemetryKnobs, type TelemetryKnobs } from './knobs.js';
import { PILOT_STREAM } from './salts.js';
import { SessionModel, SliceCustomers } from './sessions.js';

/** Sessions the pilot plays to measure events per session (standard error of the mean ≈ 0.3%). */
const PILOT_SESSIONS = 20_000;
/** Customers the pilot draws from. */
const PILOT_CUSTOMERS = 4_096;

/** The video service of spec 004 as pure functions of (seed, id): customers with devices, titles with lengths. */
export class TelemetryWorld implements World {
  readonly knobs: TelemetryKnobs;
  readonly customers: Customers;
  readonly titles: TitleCatalog;
  readonly stats: SessionStats;
  private readonly ctx: WorldContext;
  private readonly zipf: ZipfSampler;
  private masses: Float64Array | null = null;

  constructor(ctx: WorldContext) {
    this.ctx = ctx;
    this.knobs = readTelemetryKnobs(ctx.knobs);
    this.customers = new Customers(ctx.seed, this.knobs.customers);
    this.titles = new TitleCatalog(ctx.seed, this.knobs.titles);
    this.zipf = new ZipfSampler(this.knobs.titles, this.knobs.titleZipfExponent);
    this.stats = this.pilot();
  }

  /**
   * Mass of a slice = total activity of its customers; fixed in time (the daily shape is loadFactor's job).
   * The chaos scenarios of the effects are content's (videos, uploads) and do not apply here.
   */
  sliceMasses(_epochStartMs: number, _effects: StepEffects, out: Float64Array): void {
    if (!this.masses || this.masses.length !== out.length) {
      const m = new Float64Array(out.length);
      for (let id = 1; id <= this.customers.count; id++) m[id % out.length] += this.customers.activity(id);
      this.masses = m;
    }
    out.set(this.masses);
  }

  /** A funnel for the given slices. */
  createFunnel(slices: readonly number[]): Funnel {
    const model = new SessionModel(this.customers, this.titles, this.zipf, this.knobs);
    return new TelemetryFunnel(this.ctx.seed, slices, this.ctx.sliceCount, this.customers, model, this.knobs, this.stats);
  }

  /** No CDC topics in this domain. */
  createCdc(): Cdc {
    return NO_CDC;
  }

  /** Play sessions to the end on a private stream: the mean number of events per session. */
  private pilot(): SessionStats {
    const model = new SessionModel(this.customers, this.titles, this.zipf, this.knobs);
    const pool = new SliceCustomers(this.customers, 0, Math.max(1, Math.floor(this.customers.count / PILOT_CUSTOMERS)));
    const rng = createRng(this.ctx.seed, PILOT_STREAM);
    let events = 0;
    for (let i = 0; i < PILOT_SESSIONS; i++) {
      const s = model.open(rng, pool, 0, i);
      do events++;
      while (model.advance(rng, s, pool, false));
    }
    return { eventsPerSession: events / PILOT_SESSIONS };
  }
}
