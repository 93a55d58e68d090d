import type { Rng } from './rng.js';

/**
 * Walker's alias method with Vose's stable construction: O(n) build, O(1) sample (one bounded integer and one
 * uniform). Build reuses the instance's typed arrays, so rebuilding a table every epoch allocates nothing
 * unless n outgrows the capacity.
 */
export class AliasTable {
  /** Probability of keeping column i rather than jumping to its alias, in [0, 1]. */
  private prob: Float64Array;
  /** Column i's alias: the index drawn when the column is not kept. */
  private alias: Int32Array;
  /** Scratch for the build: scaled weights and the two work lists. */
  private scaled: Float64Array;
  private small: Int32Array;
  private large: Int32Array;
  private n: number;

  /** An empty table with room for `capacity` weights before its arrays grow. */
  constructor(capacity = 16) {
    const cap = Math.max(1, Math.floor(capacity));
    this.prob = new Float64Array(cap);
    this.alias = new Int32Array(cap);
    this.scaled = new Float64Array(cap);
    this.small = new Int32Array(cap);
    this.large = new Int32Array(cap);
    this.n = 0;
  }

  /** Number of outcomes of the current table (0 before the first build). */
  get size(): number {
    return this.n;
  }

  /** Weights the table can hold without reallocating. */
  get capacity(): number {
    return this.prob.length;
  }

  /**
   * Rebuild over `weights[0..n)`. Weights must be finite and ≥ 0 with a positive finite total; an outcome of
   * weight 0 is never sampled. Throws RangeError otherwise (a caller bug, since weights come from code).
   */
  build(weights: Float64Array, n: number): void {
    if (!Number.isInteger(n) || n < 1 || n > weights.length) {
      throw new RangeError(`alias table size must be an integer in [1, ${weights.length}]; got ${n}`);
    }
    let total = 0;
    for (let i = 0; i < n; i++) {
      const w = weights[i];
      if (!(w >= 0 && w < Infinity)) throw new RangeError(`alias weight ${i} must be finite and >= 0; got ${w}`);
      total += w;
    }
    if (!(total > 0 && total < Infinity)) throw new RangeError(`alias weights must have a positive finite total; got ${total}`);
    if (n > this.prob.length) this.grow(Math.max(n, this.prob.length * 2));

    const { prob, alias, scaled, small, large } = this;
    const scale = n / total;
    let ns = 0;
    let nl = 0;
    for (let i = 0; i < n; i++) {
      const p = weights[i] * scale;
      scaled[i] = p;
      if (p < 1) small[ns++] = i;
      else large[nl++] = i;
    }
    // Invariant: the scaled weights still on the lists sum to the number of columns still to fill.
    while (ns > 0 && nl > 0) {
      const s = small[--ns];
      const l = large[nl - 1];
      prob[s] = scaled[s];
      alias[s] = l;
      const rest = scaled[l] + scaled[s] - 1;
      scaled[l] = rest;
      if (rest < 1) {
        nl--;
        small[ns++] = l;
      }
    }
    // What is left is 1 up to rounding. A zero weight cannot be left over: it would leave a deficit of a whole
    // column, far beyond rounding, so it was always paired with a large one above.
    while (nl > 0) {
      const l = large[--nl];
      prob[l] = 1;
      alias[l] = l;
    }
    while (ns > 0) {
      const s = small[--ns];
      prob[s] = 1;
      alias[s] = s;
    }
    this.n = n;
  }

  /** An index in [0, size) drawn with probability weight / total. */
  sample(rng: Rng): number {
    const i = rng.int(this.n);
    return rng.next() < this.prob[i] ? i : this.alias[i];
  }

  private grow(cap: number): void {
    this.prob = new Float64Array(cap);
    this.alias = new Int32Array(cap);
    this.scaled = new Float64Array(cap);
    this.small = new Int32Array(cap);
    this.large = new Int32Array(cap);
  }
}
