import type { ClockMode } from '../config/options.js';
import type { TopicStats } from '../sinks/sink.js';

/** What a run did, printed for people and written as JSON for machines (--report). */
export interface RunReport {
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
  if (r.failed > 0) lines.push(`  ${fmt(r.failed)} records FAILED for good (counted above, not silently dropped)`);
  return lines;
}
