import { IsoTimeFormatter } from '../../encoding/iso-time.js';
import type { RecordBatch } from '../../encoding/record-batch.js';
import type { Cdc, Shard } from '../domain.js';
import { padId, type Products } from './catalog.js';
import { TOPIC_PRODUCTS } from './topics.js';

/**
 * product-updates for one shard (products with id mod count == index): a snapshot of every owned product
 * at the start, then each product's price or stock change once per period at its hashed instant, in time
 * order. Prices and stock are pure functions of (seed, product, period), so the funnel prices a cart
 * from the same schedule without reading this stream.
 */
export class ProductCdc implements Cdc {
  private readonly products: Products;
  private readonly shard: Shard;
  private readonly iso = new IsoTimeFormatter();
  private snapshotNext: number;
  /** Changes of the current period, sorted by (instant, id); `next` indexes the first not yet written. */
  private period = -1;
  private times = new Float64Array(0);
  private ids = new Int32Array(0);
  private size = 0;
  private next = 0;

  constructor(products: Products, shard: Shard) {
    this.products = products;
    this.shard = shard;
    this.snapshotNext = firstOwned(1, shard);
  }

  /** Append up to `max` records with timestamp <= untilMs (snapshot first); 0 = caught up. */
  fill(batch: RecordBatch, max: number, untilMs: number): number {
    const p = this.products;
    let n = 0;
    while (n < max && this.snapshotNext <= p.count) {
      const id = this.snapshotNext;
      this.push(batch, id, p.startMs, 'snapshot', 0, p.basePriceCents[id], -1, p.stockAfter(id, -1), -1);
      this.snapshotNext += this.shard.count;
      n++;
    }
    if (p.periodMs === Infinity) return n;
    while (n < max) {
      if (this.next === this.size) {
        if (p.startMs + (this.period + 1) * p.periodMs > untilMs) break;
        this.loadPeriod(this.period + 1);
      }
      const at = this.times[this.next];
      if (at > untilMs) break;
      const id = this.ids[this.next++];
      const k = this.period;
      if (p.isPriceChange(id, k)) this.push(batch, id, at, 'price_change', k + 1, p.priceAfter(id, k), p.priceAfter(id, k - 1), p.stockAfter(id, k), -1);
      else this.push(batch, id, at, 'stock_change', k + 1, p.priceAfter(id, k), -1, p.stockAfter(id, k), p.stockAfter(id, k - 1));
      n++;
    }
    return n;
  }

  private loadPeriod(k: number): void {
    const p = this.products;
    const owned = Math.ceil(Math.max(0, p.count - this.shard.index) / this.shard.count);
    if (this.times.length < owned) {
      this.times = new Float64Array(owned);
      this.ids = new Int32Array(owned);
    }
    const order: number[] = [];
    let i = 0;
    for (let id = firstOwned(1, this.shard); id <= p.count; id += this.shard.count) {
      this.times[i] = p.updateMs(id, k);
      this.ids[i] = id;
      order.push(i++);
    }
    order.sort((a, b) => this.times[a] - this.times[b] || this.ids[a] - this.ids[b]);
    const times = Float64Array.from(order, (j) => this.times[j]);
    const ids = Int32Array.from(order, (j) => this.ids[j]);
    this.times.set(times);
    this.ids.set(ids);
    this.size = i;
    this.next = 0;
    this.period = k;
  }

  private push(batch: RecordBatch, id: number, atMs: number, type: string, seq: number, cents: number, beforeCents: number, stock: number, beforeStock: number): void {
    const p = this.products;
    const value = '{"update_id":"upd_' + padId(id, 6) + '_' + seq + '",' + p.fragment[id] + ',"timestamp":"' + this.iso.format(atMs)
      + '","update_type":"' + type + '","price":' + cents / 100 + ',"previous_price":' + (beforeCents < 0 ? 'null' : beforeCents / 100)
      + ',"stock_quantity":' + stock + ',"previous_stock_quantity":' + (beforeStock < 0 ? 'null' : beforeStock) + '}';
    batch.push(TOPIC_PRODUCTS, 'prod_' + padId(id, 6), value, atMs);
  }
}

/** Smallest id >= from with id mod count == index. */
function firstOwned(from: number, shard: Shard): number {
  const r = from % shard.count;
  return from + ((shard.index - r + shard.count) % shard.count);
}
