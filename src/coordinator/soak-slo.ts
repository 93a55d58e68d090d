import type { RunReport } from './report.js';
import type { StatsSample } from './stats-series.js';

/** One SLO's verdict, with what was measured and what it was held to, both as people read them. */
export interface SloResult {
  readonly name: string;
  readonly status: 'pass' | 'fail' | 'skipped';
  readonly measured: string;
  readonly threshold: string;
}

/** One topic's broker end offsets around the run, against what the sink acknowledged. */
export interface TopicReconciliation {
  readonly topic: string;
  readonly before: number;
  readonly after: number;
  readonly acked: number;
}

/** Inputs of the SLO evaluation, all plain data so tests can inject them. */
export interface SoakInput {
  readonly samples: readonly StatsSample[];
  readonly report: Pick<RunReport, 'failed' | 'retried' | 'latencyMs' | 'sink' | 'interrupted'>;
  readonly sloP99Ms: number;
  /** null: the sink has no broker to reconcile with. */
  readonly reconciliation: readonly TopicReconciliation[] | null;
}

/** The soak's verdict: pass only when no SLO fails. */
export interface SoakVerdict {
  readonly pass: boolean;
  readonly slos: readonly SloResult[];
}

/**
 * Start-up (topic metadata, the first produce to a new topic, the initial CDC snapshot) is not the held rate:
 * windows count from the first one that ends at least WARMUP_S in with the timeline caught up with the wall clock
 * (lag ≤ CAUGHT_UP_MS), exclusive, so the catch-up burst after a slow start is not held against the rate either.
 */
export const WARMUP_S = 5;
export const CAUGHT_UP_MS = 1_000;
export const MEAN_RATE_TOLERANCE = 0.01;
export const WINDOW_RATE_TOLERANCE = 0.05;
export const WINDOWS_WITHIN_SHARE = 0.99;
export const RSS_GROWTH_LIMIT = 0.1;
/** RSS growth is measured from minute 2, or from 20% into runs shorter than 10 minutes. */
const RSS_BASELINE_S = 120;

const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;

/** Evaluate the soak SLOs: held rate (mean and per window), p99 latency, zero failures, RSS growth, broker counts. */
export function evaluateSoak(x: SoakInput): SoakVerdict {
  const slos = [...heldRate(x.samples), latency(x), failures(x), rssGrowth(x.samples), reconcile(x)];
  return { pass: slos.every((s) => s.status !== 'fail'), slos };
}

function heldRate(samples: readonly StatsSample[]): SloResult[] {
  let prevT = 0;
  let prevRecords = 0;
  let spanS = 0;
  let achieved = 0;
  let targeted = 0;
  let windows = 0;
  let within = 0;
  let warmedUpAt: number | null = null;
  for (const s of samples) {
    const span = s.t - prevT;
    const records = s.records - prevRecords;
    prevT = s.t;
    prevRecords = s.records;
    if (warmedUpAt === null) {
      if (s.t >= WARMUP_S && s.lagMs <= CAUGHT_UP_MS) warmedUpAt = s.t;
      continue;
    }
    if (s.target === null || !(s.target > 0)) continue;
    spanS += span;
    achieved += records;
    targeted += s.target * span;
    windows++;
    if (Math.abs(s.rate / s.target - 1) <= WINDOW_RATE_TOLERANCE) within++;
  }
  if (windows === 0) {
    const none = `no 1-s windows with a target after warm-up (${WARMUP_S} s, then caught up with the wall clock)`;
    return [
      { name: 'mean rate', status: 'fail', measured: none, threshold: `within ±${pct(MEAN_RATE_TOLERANCE)} of target` },
      { name: '1-s windows', status: 'fail', measured: none, threshold: `${pct(WINDOWS_WITHIN_SHARE)} within ±${pct(WINDOW_RATE_TOLERANCE)}` },
    ];
  }
  const meanError = achieved / targeted - 1;
  const share = within / windows;
  return [
    {
      name: 'mean rate', status: Math.abs(meanError) <= MEAN_RATE_TOLERANCE ? 'pass' : 'fail',
      measured: `${(achieved / spanS).toFixed(1)}/s vs ${(targeted / spanS).toFixed(1)}/s target (${meanError >= 0 ? '+' : ''}${pct(meanError)}) after ${warmedUpAt} s warm-up`,
      threshold: `within ±${pct(MEAN_RATE_TOLERANCE)} of target`,
    },
    {
      name: '1-s windows', status: share >= WINDOWS_WITHIN_SHARE ? 'pass' : 'fail',
      measured: `${within} of ${windows} within ±${pct(WINDOW_RATE_TOLERANCE)} (${pct(share)})`,
      threshold: `at least ${pct(WINDOWS_WITHIN_SHARE)}`,
    },
  ];
}

function latency(x: SoakInput): SloResult {
  const threshold = `p99 ≤ ${x.sloP99Ms} ms`;
  const l = x.report.latencyMs;
  if (l === null) {
    // Only the Kafka sink has requests to time; for it, no measurement is itself a failure.
    return { name: 'p99 produce latency', status: x.report.sink === 'kafka' ? 'fail' : 'skipped', measured: 'not measured', threshold };
  }
  return { name: 'p99 produce latency', status: l.p99Ms <= x.sloP99Ms ? 'pass' : 'fail', measured: `p99 ${l.p99Ms} ms (p50 ${l.p50Ms}, p999 ${l.p999Ms}, max ${l.maxMs})`, threshold };
}

function failures(x: SoakInput): SloResult {
  const ok = x.report.failed === 0 && !x.report.interrupted;
  const measured = `${x.report.failed} failed${x.report.interrupted ? ', interrupted' : ''}`;
  return { name: 'failed records', status: ok ? 'pass' : 'fail', measured, threshold: '0, run not interrupted' };
}

function rssGrowth(samples: readonly StatsSample[]): SloResult {
  const threshold = `≤ ${pct(RSS_GROWTH_LIMIT)} from minute 2 (20% into runs under 10 min) to the end`;
  const last = samples.at(-1);
  const baselineT = last === undefined ? 0 : Math.min(RSS_BASELINE_S, last.t * 0.2);
  const base = samples.find((s) => s.t >= baselineT);
  if (last === undefined || base === undefined || base === last) return { name: 'RSS growth', status: 'fail', measured: 'too few samples', threshold };
  const growth = last.rss / base.rss - 1;
  const mib = (b: number): string => `${(b / 1048576).toFixed(1)} MiB`;
  return {
    name: 'RSS growth', status: growth <= RSS_GROWTH_LIMIT ? 'pass' : 'fail',
    measured: `${mib(base.rss)} at ${base.t.toFixed(0)} s → ${mib(last.rss)} at ${last.t.toFixed(0)} s (${growth >= 0 ? '+' : ''}${pct(growth)})`,
    threshold,
  };
}

/**
 * Every acked record must be on the broker: the end offsets grew by at least the acked count per topic. They may
 * grow by more only through retries after a lost acknowledgement (the producer is not idempotent), so the total
 * excess is bounded by the records retried.
 */
function reconcile(x: SoakInput): SloResult {
  const threshold = 'per topic acked ≤ end-offset delta; total excess ≤ records retried';
  if (x.reconciliation === null) return { name: 'broker reconciliation', status: 'skipped', measured: 'no broker (not the kafka sink)', threshold };
  let excess = 0;
  const short: string[] = [];
  for (const t of x.reconciliation) {
    const delta = t.after - t.before;
    if (delta < t.acked) short.push(`${t.topic} ${delta} < ${t.acked}`);
    excess += Math.max(0, delta - t.acked);
  }
  const ok = short.length === 0 && excess <= x.report.retried;
  const delta = x.reconciliation.reduce((s, t) => s + t.after - t.before, 0);
  const acked = x.reconciliation.reduce((s, t) => s + t.acked, 0);
  const measured = short.length > 0 ? `short: ${short.join(', ')}` : `broker +${delta} vs ${acked} acked (excess ${excess}, retried ${x.report.retried})`;
  return { name: 'broker reconciliation', status: ok ? 'pass' : 'fail', measured, threshold };
}
