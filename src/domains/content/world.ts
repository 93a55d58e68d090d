import type { Cdc, Funnel, Shard, StepEffects, World, WorldContext } from '../domain.js';
import { ContentCdc } from './cdc.js';
import { ContentFunnel } from './funnel.js';
import { readContentKnobs, type ContentKnobs } from './knobs.js';
import { TrafficModel } from './traffic.js';
import { Population } from './users.js';
import { VideoCatalog } from './videos.js';

/** The short-video platform of spec 000 as pure functions of (seed, id, time). */
export class ContentWorld implements World {
  readonly knobs: ContentKnobs;
  readonly users: Population;
  readonly videos: VideoCatalog;
  readonly traffic: TrafficModel;
  private readonly ctx: WorldContext;

  constructor(ctx: WorldContext, epochMs: number) {
    this.ctx = ctx;
    this.knobs = readContentKnobs(ctx.knobs);
    this.users = new Population(ctx.seed, ctx.startMs, this.knobs);
    this.videos = new VideoCatalog(ctx.seed, ctx.startMs, this.knobs, this.users);
    this.traffic = new TrafficModel(this.videos, this.knobs, epochMs, ctx.sliceCount);
  }

  /** Traffic mass of every slice at an epoch start. */
  sliceMasses(epochStartMs: number, effects: StepEffects, out: Float64Array, atMs = epochStartMs): void {
    this.traffic.sliceMasses(epochStartMs, effects, out, atMs);
  }

  /** A funnel for the given slices. */
  createFunnel(slices: readonly number[]): Funnel {
    return new ContentFunnel(this.ctx.seed, slices, this.videos, this.users, this.traffic, this.knobs);
  }

  /** CDC streams for one shard. */
  createCdc(shard: Shard): Cdc {
    return new ContentCdc(this.users, this.videos, shard, this.ctx.sliceCount);
  }
}
