import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startMetricsServer, type MetricsSnapshot } from '../../src/coordinator/metrics-server.js';

const snapshot: MetricsSnapshot = {
  sample: { t: 3, records: 6000, rate: 2000, target: 2000, topics: { content_events: 5990, 'cdc.users.profiles': 12 }, p50: 1, p99: 4, p999: 8, failed: 0, rss: 123, cpu: 40, lagMs: 250 },
  total: { count: 30, p50Ms: 2, p99Ms: 12, p999Ms: 20, maxMs: 21 },
  latencySumSeconds: 0.09,
  bytes: 4096,
  retried: 3,
  failedByTopic: { content_events: 1, 'cdc.users.profiles': 0 },
};

test('GET /metrics on loopback answers the Prometheus text format with counters, gauges and the latency summary', { timeout: 10_000 }, async () => {
  const server = await startMetricsServer('127.0.0.1', 0, () => snapshot);
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const res = await fetch(server.url);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    const samples = new Map<string, number>();
    for (const line of text.trim().split('\n')) {
      if (line.startsWith('#')) {
        assert.match(line, /^# (HELP|TYPE) streamgen_[a-z_]+ .+$/);
        continue;
      }
      const m = /^(streamgen_[a-z_]+(?:\{[^}]*\})?) (\S+)$/.exec(line);
      assert.ok(m, `sample line: ${line}`);
      samples.set(m[1], Number(m[2]));
    }
    assert.equal(samples.get('streamgen_records_acked_total{topic="content_events"}'), 5990);
    assert.equal(samples.get('streamgen_records_failed_total{topic="content_events"}'), 1);
    assert.equal(samples.get('streamgen_rate_records_per_second'), 2000);
    assert.equal(samples.get('streamgen_lag_seconds'), 0.25);
    assert.equal(samples.get('streamgen_produce_latency_seconds{quantile="0.99"}'), 0.012);
    assert.equal(samples.get('streamgen_produce_latency_seconds_count'), 30);
    assert.equal(samples.get('streamgen_produce_latency_seconds_sum'), 0.09);
    assert.equal((await fetch(server.url.replace('/metrics', '/other'))).status, 404);
  } finally {
    await server.close();
  }
});
