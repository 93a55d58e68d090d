import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateSoak, type SoakInput } from '../../src/coordinator/soak-slo.js';
import type { StatsSample } from '../../src/coordinator/stats-series.js';

/** 60 one-second windows at `rateAt(t)` against 10,000/s, RSS `rssAt(t)`. */
function series(rateAt: (t: number) => number, rssAt: (t: number) => number = () => 200e6): StatsSample[] {
  const out: StatsSample[] = [];
  let records = 0;
  for (let t = 1; t <= 60; t++) {
    const rate = rateAt(t);
    records += rate;
    out.push({ t, records, rate, target: 10_000, topics: {}, p50: 1, p99: 5, p999: 9, failed: 0, rss: rssAt(t), cpu: 50, lagMs: 0 });
  }
  return out;
}

const base: SoakInput = {
  samples: series(() => 10_000),
  report: { failed: 0, retried: 0, sink: 'kafka', interrupted: false, latencyMs: { count: 600, p50Ms: 3, p99Ms: 40, p999Ms: 80, maxMs: 90 } },
  sloP99Ms: 250,
  reconciliation: [{ topic: 'content_events', before: 1000, after: 601_000, acked: 600_000 }],
};

const statusOf = (x: SoakInput): Record<string, string> => Object.fromEntries(evaluateSoak(x).slos.map((s) => [s.name, s.status]));

test('a run that holds every SLO passes', () => {
  const v = evaluateSoak(base);
  assert.equal(v.pass, true, JSON.stringify(v.slos));
  assert.equal(v.slos.length, 6);
});

const failing: ReadonlyArray<{ name: string; slo: string; input: SoakInput }> = [
  // +1.5% on every window after warm-up: each window is within 5% but the mean is off by more than 1%.
  { name: 'mean 1.5% high', slo: 'mean rate', input: { ...base, samples: series(() => 10_150) } },
  // Two of 55 post-warm-up windows at -10% (3.6% of windows) and their catch-up at +10%: the mean holds, the windows do not.
  { name: 'windows off', slo: '1-s windows', input: { ...base, samples: series((t) => (t === 20 || t === 40 ? 9_000 : t === 21 || t === 41 ? 11_000 : 10_000)) } },
  { name: 'p99 over threshold', slo: 'p99 produce latency', input: { ...base, report: { ...base.report, latencyMs: { count: 9, p50Ms: 3, p99Ms: 251, p999Ms: 300, maxMs: 300 } } } },
  { name: 'kafka without latency', slo: 'p99 produce latency', input: { ...base, report: { ...base.report, latencyMs: null } } },
  { name: 'one failed record', slo: 'failed records', input: { ...base, report: { ...base.report, failed: 1 } } },
  { name: 'interrupted', slo: 'failed records', input: { ...base, report: { ...base.report, interrupted: true } } },
  // Baseline at 20% of 60 s = 12 s: 200 MB → 230 MB is +15%.
  { name: 'RSS grows 15%', slo: 'RSS growth', input: { ...base, samples: series(() => 10_000, (t) => (t >= 30 ? 230e6 : 200e6)) } },
  { name: 'broker short of acked', slo: 'broker reconciliation', input: { ...base, reconciliation: [{ topic: 'content_events', before: 0, after: 599_999, acked: 600_000 }] } },
  { name: 'excess beyond retries', slo: 'broker reconciliation', input: { ...base, reconciliation: [{ topic: 'content_events', before: 0, after: 600_010, acked: 600_000 }] } },
];

for (const row of failing) {
  test(`soak fails on ${row.name}, and only that SLO fails`, () => {
    const v = evaluateSoak(row.input);
    assert.equal(v.pass, false);
    const failed = v.slos.filter((s) => s.status === 'fail').map((s) => s.name);
    assert.deepEqual(failed, [row.slo]);
  });
}

test('start-up windows are not held to the rate, retries excuse duplicates, and non-Kafka sinks skip latency and reconciliation', () => {
  const slowStart = series((t) => (t <= 5 ? 2_000 : 10_000));
  assert.equal(evaluateSoak({ ...base, samples: slowStart }).pass, true);
  // A stall until 8 s (timeline 5 s behind), then an 8 s catch-up burst in the 9th window: both are warm-up.
  const stalled = series((t) => (t < 9 ? 1_000 : t === 9 ? 80_000 - 8_000 : 10_000)).map((s) => (s.t < 9 ? { ...s, lagMs: 5_000 } : s));
  assert.equal(evaluateSoak({ ...base, samples: stalled }).pass, true, JSON.stringify(evaluateSoak({ ...base, samples: stalled }).slos));
  const dup = { ...base, report: { ...base.report, retried: 10 }, reconciliation: [{ topic: 'content_events', before: 0, after: 600_010, acked: 600_000 }] };
  assert.equal(evaluateSoak(dup).pass, true);
  const files = statusOf({ ...base, report: { ...base.report, sink: 'files', latencyMs: null }, reconciliation: null });
  assert.equal(files['p99 produce latency'], 'skipped');
  assert.equal(files['broker reconciliation'], 'skipped');
  assert.equal(files['mean rate'], 'pass');
});

test('a run too short for any window after warm-up fails the rate SLOs', () => {
  const v = evaluateSoak({ ...base, samples: base.samples.slice(0, 4) });
  assert.equal(v.pass, false);
  assert.equal(statusOf({ ...base, samples: base.samples.slice(0, 4) })['mean rate'], 'fail');
});
