import type { Cdc, Funnel, Shard, StepEffects, World, WorldContext } from '../domain.js';
import { Products, Users } from './catalog.js';
import { CommerceFunnel } from './funnel.js';
import { readCommerceKnobs, type CommerceKnobs } from './knobs.js';
import { localActivity } from './load-factor.js';
import { ProductCdc } from './product-cdc.js';
import { CITIES } from './vocabulary.js';

/** The e-commerce platform of spec 002 as pure functions of (seed, id, time). */
export class CommerceWorld implements World {
  readonly knobs: CommerceKnobs;
  readonly users: Users;
  readonly products: Products;
  private readonly ctx: WorldContext;
  /** Session activity of each slice's users living in each city: [slice * cities + city]. */
  private readonly sliceCityMass: Float64Array;
  private readonly cityFactor = new Float64Array(CITIES.length);

  constructor(ctx: WorldContext) {
    this.ctx = ctx;
    this.knobs = readCommerceKnobs(ctx.knobs);
    this.users = new Users(ctx.seed, this.knobs.users);
    this.products = new Products(ctx.seed, ctx.startMs, this.knobs);
    const cities = CITIES.length;
    this.sliceCityMass = new Float64Array(ctx.sliceCount * cities);
    for (let id = 1; id <= this.users.count; id++) {
      this.sliceCityMass[(id % ctx.sliceCount) * cities + this.users.city(id)] += this.users.activity(id);
    }
  }

  /** Slice masses: each slice's users' activity, weighted by their city's local hour and weekday (time zones); no scenarios. */
  sliceMasses(epochStartMs: number, _effects: StepEffects, out: Float64Array): void {
    const cities = CITIES.length;
    for (let c = 0; c < cities; c++) this.cityFactor[c] = localActivity(epochStartMs, CITIES[c].utcOffsetHours);
    for (let s = 0; s < out.length; s++) {
      let m = 0;
      for (let c = 0; c < cities; c++) m += this.sliceCityMass[s * cities + c] * this.cityFactor[c];
      out[s] = m;
    }
  }

  /** A funnel for the given slices. */
  createFunnel(slices: readonly number[]): Funnel {
    return new CommerceFunnel(this.ctx.seed, slices, this.ctx.sliceCount, this.users, this.products, this.knobs);
  }

  /** product-updates for one shard. */
  createCdc(shard: Shard): Cdc {
    return new ProductCdc(this.products, shard);
  }
}
