import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLatencyHistogram, encodeLatencyDelta, mergeLatencyDelta, recordLatencyMs, summarizeLatency } from '../../src/coordinator/latency.js';

test('latency deltas of two workers, msgpackr-encoded, merge into the histogram of all their requests', () => {
  const a = createLatencyHistogram();
  const b = createLatencyHistogram();
  const all = createLatencyHistogram();
  // Worker a: 1..900 ms; worker b: ten slow requests at 2 s. 910 requests in all.
  for (let ms = 1; ms <= 900; ms++) {
    recordLatencyMs(a, ms);
    recordLatencyMs(all, ms);
  }
  for (let i = 0; i < 10; i++) {
    recordLatencyMs(b, 2000);
    recordLatencyMs(all, 2000);
  }
  const window = createLatencyHistogram();
  const total = createLatencyHistogram();
  const da = mergeLatencyDelta(encodeLatencyDelta(a, 900, 0), [window, total]);
  const db = mergeLatencyDelta(encodeLatencyDelta(b, 10, 3), [window, total]);
  assert.equal(da.requests + db.requests, 910);
  assert.equal(db.failedRequests, 3);
  // Same bucket layout on both sides, so the merge is exact, not approximate.
  assert.deepEqual(summarizeLatency(window), summarizeLatency(all));
  assert.deepEqual(summarizeLatency(total), summarizeLatency(all));
  const s = summarizeLatency(all);
  assert.ok(s !== null);
  assert.equal(s.count, 910);
  // Rank 0.5 × 910 = 455 → 455 ms; p99 rank 901 lands among the 2 s requests; 3 significant digits.
  assert.ok(Math.abs(s.p50Ms - 455) <= 1, `p50 ${s.p50Ms}`);
  assert.ok(Math.abs(s.p99Ms - 2000) <= 2, `p99 ${s.p99Ms}`);
});

test('an empty interval summarizes as null, and its delta adds nothing', () => {
  const empty = createLatencyHistogram();
  assert.equal(summarizeLatency(empty), null);
  const target = createLatencyHistogram();
  mergeLatencyDelta(encodeLatencyDelta(empty, 0, 0), [target]);
  assert.equal(target.totalCount, 0);
});
