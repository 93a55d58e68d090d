import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StatsSeries, type WindowInput } from '../../src/coordinator/stats-series.js';
import type { SinkStats } from '../../src/sinks/sink.js';

const stats = (acked: number, failed: number): SinkStats => ({
  records: acked + failed, bytes: 0, acked, failed, retried: 0,
  topics: { main: { acked, failed, partitions: {} }, cdc: { acked: 7, failed: 0, partitions: {} } },
});

function input(wallMs: number, mainRecords: number, over: Partial<WindowInput> = {}): WindowInput {
  return { wallMs, mainRecords, targetRecords: 2000, stats: stats(mainRecords, 0), latency: null, rssBytes: 100, cpuMicros: 0, lagMs: 0, ...over };
}

test('each window divides its cumulative deltas by its real span', () => {
  const s = new StatsSeries(10_000, 0);
  assert.equal(s.due(10_999), false);
  assert.equal(s.due(11_000), true);
  const first = s.close(input(11_000, 2_000, { cpuMicros: 500_000 }));
  assert.equal(first.t, 1);
  assert.equal(first.rate, 2000);
  assert.equal(first.target, 2000);
  assert.equal(first.cpu, 50); // 0.5 s of CPU in 1 s of wall time
  // A 1.25 s window with 2,000 records: 1,600/s, against a target of 2,500 records → 2,000/s.
  const second = s.close(input(12_250, 4_000, { targetRecords: 2_500, cpuMicros: 1_750_000, lagMs: 1_234.4 }));
  assert.equal(second.t, 2.25);
  assert.equal(second.rate, 1600);
  assert.equal(second.target, 2000);
  assert.equal(second.cpu, 100);
  assert.equal(second.lagMs, 1234);
  assert.deepEqual(second.topics, { main: 4000, cdc: 7 });
  assert.equal(s.samples.length, 2);
  assert.equal(s.windowStartMs, 12_250);
});

test('without a target the sample says null, and latency percentiles pass through', () => {
  const s = new StatsSeries(0, 0);
  const x = s.close(input(1_000, 10, { targetRecords: null, latency: { count: 3, p50Ms: 1.5, p99Ms: 9, p999Ms: 9, maxMs: 9 }, stats: stats(10, 2) }));
  assert.equal(x.target, null);
  assert.equal(x.p50, 1.5);
  assert.equal(x.p99, 9);
  assert.equal(x.failed, 2);
});
