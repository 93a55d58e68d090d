import { NO_CDC, type Cdc, type Funnel, type StepEffects, type World, type WorldContext } from '../domain.js';
import { Advertisers } from './advertisers.js';
import { Audience } from './audience.js';
import { AdtechFunnel } from './funnel.js';
import { readAdtechKnobs, type AdtechKnobs } from './knobs.js';
import { Publishers } from './publishers.js';

/** The programmatic market of spec 003 as pure functions of (seed, id): publishers, audience, advertisers. */
export class AdtechWorld implements World {
  readonly knobs: AdtechKnobs;
  readonly publishers: Publishers;
  readonly audience: Audience;
  readonly advertisers: Advertisers;
  private readonly ctx: WorldContext;

  constructor(ctx: WorldContext) {
    this.ctx = ctx;
    this.knobs = readAdtechKnobs(ctx.knobs);
    this.publishers = new Publishers(ctx.seed, this.knobs);
    this.audience = new Audience(ctx.seed, this.knobs);
    this.advertisers = new Advertisers(ctx.seed, this.knobs);
  }

  /** Slice masses: the Zipf weights of the slice's publishers; constant over time (the domain plants no scenarios). */
  sliceMasses(_epochStartMs: number, _effects: StepEffects, out: Float64Array): void {
    this.publishers.sliceMasses(out);
  }

  /** A funnel for the given slices. */
  createFunnel(slices: readonly number[]): Funnel {
    return new AdtechFunnel(this.ctx.seed, slices, this.ctx.sliceCount, this.publishers, this.audience, this.advertisers, this.knobs);
  }

  /** No CDC topics: entities are implied by the events. */
  createCdc(): Cdc {
    return NO_CDC;
  }
}
