/**
 * Assign slices to workers, balancing traffic mass (longest-processing-time greedy).
 * Which worker runs a slice never changes the records, only the load balance.
 */
export function assignSlices(owned: readonly number[], masses: Float64Array, workers: number): number[][] {
  const out: number[][] = Array.from({ length: workers }, () => []);
  const load = new Float64Array(workers);
  const order = [...owned].sort((a, b) => masses[b] - masses[a] || a - b);
  for (const slice of order) {
    let best = 0;
    for (let w = 1; w < workers; w++) if (load[w] < load[best]) best = w;
    out[best].push(slice);
    load[best] += masses[slice];
  }
  for (const list of out) list.sort((a, b) => a - b);
  return out;
}

/** Slices owned by instance `index` of `count` (--shard index/count). */
export function ownedSlices(sliceCount: number, index: number, count: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < sliceCount; k++) if (k % count === index) out.push(k);
  return out;
}
