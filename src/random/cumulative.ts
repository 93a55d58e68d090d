/**
 * Weighted choice over a short fixed list: a cumulative table built once, then a uniform in [0, 1) — from a
 * stream or a pure hash — picks an index without allocating. (Long or changing lists use the alias table.)
 */

/** Cumulative probabilities of weights (they need not sum to 1); the last entry is exactly 1. */
export function cumulativeWeights(weights: readonly number[]): Float64Array {
  const total = weights.reduce((s, w) => s + w, 0);
  const out = new Float64Array(weights.length);
  let acc = 0;
  for (let i = 0; i < weights.length; i++) {
    acc += weights[i] / total;
    out[i] = acc;
  }
  out[weights.length - 1] = 1;
  return out;
}

/** Index of the entry a uniform u in [0, 1) falls on (linear scan: the tables are short). */
export function pickCumulative(table: Float64Array, u: number): number {
  let i = 0;
  while (u >= table[i] && i < table.length - 1) i++;
  return i;
}
