import type { ClockMode } from '../config/options.js';
import type { TopicStats } from '../sinks/sink.js';
import type { LatencySummary } from './latency.js';

/** What the run achieved against its target, for the report. */
export interface DeliverySummary {
  readonly latencyMs: LatencySummary | null;
  /** Mean main-topic rate the profile asked for over the generation time; null without a target. */
  readonly targetPerSec: number | null;
  /** Main-topic records per second of generation time. */
  readonly achievedPerSec: number;
  /** Main-topic records the profile expected by the end of generation and that were not produced; null without a target. */
  readonly shortfallRecords: number | null;
  /** Worst lag of the timeline behind the wall clock (real clock), ms. */
  readonly maxLagMs: number;
  /** Seconds of windows in which the timeline was more than 1 s (BEHIND_MS) behind. */
  readonly behindSeconds: number;
}

/** What a run did, printed for people and written as JSON for machines (--report). */
export interface RunReport extends DeliverySummary {
  readonly domain: string;
  readonly seed: number;
  readonly clock: ClockMode;
  readonly shard: string;
  readonly workers: number;
  readonly sink: string;
  /** Where the records went: a directory, stdout, brokers, or discarded. */
  readonly output: string;
  readonly timelineStart: string;
  readonly timelineEnd: string;
  readonly wallMs: number;
  readonly mainTopic: string;
  readonly mainRecords: number;
  readonly records: number;
  readonly recordsPerSec: number;
  readonly bytes: number;
  readonly acked: number;
  readonly failed: number;
  readonly retried: number;
  readonly topics: Readonly<Record<string, TopicStats>>;
  /** True when SIGINT/SIGTERM ended the run early (after flushing). */
  readonly interrupted: boolean;
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Human summary lines. */
export function formatReport(r: RunReport): string[] {
  const lines = [
    `streamgen: ${r.interrupted ? 'interrupted; flushed ' : ''}${fmt(r.records)} records (${fmt(r.mainRecords)} ${r.mainTopic}) in ${(r.wallMs / 1000).toFixed(2)} s, ${fmt(r.recordsPerSec)} records/s`,
    `  output: ${r.output}`,
    `  timeline: ${r.timelineStart} → ${r.timelineEnd} (${r.clock} clock, seed ${r.seed}, shard ${r.shard}, ${r.workers} workers)`,
  ];
  for (const [name, t] of Object.entries(r.topics)) {
    lines.push(`  ${name.padEnd(22)} ${fmt(t.acked).padStart(12)} acked ${fmt(t.failed).padStart(8)} failed`);
  }
  const l = r.latencyMs;
  if (l !== null) lines.push(`  produce latency: p50 ${l.p50Ms} ms, p99 ${l.p99Ms} ms, p999 ${l.p999Ms} ms, max ${l.maxMs} ms over ${fmt(l.count)} requests`);
  if (r.targetPerSec !== null) {
    lines.push(`  rate: ${fmt(r.achievedPerSec)}/s ${r.mainTopic} achieved vs ${fmt(r.targetPerSec)}/s target; worst lag ${(r.maxLagMs / 1000).toFixed(1)} s`);
    if (r.behindSeconds > 0 || (r.shortfallRecords ?? 0) > r.targetPerSec) {
      lines.push(`  BACKPRESSURE: the sink could not keep up for ${r.behindSeconds} s; ${fmt(r.shortfallRecords ?? 0)} records short of the target`);
    }
  }
  if (r.failed > 0) lines.push(`  ${fmt(r.failed)} records FAILED for good (counted above, not silently dropped)`);
  return lines;
}
