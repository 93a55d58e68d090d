import type { SinkStats } from '../sinks/sink.js';
import type { LatencySummary } from './latency.js';

/** One line of the per-second time series (--stats-json, the live view, soak SLOs). */
export interface StatsSample {
  /** Seconds of wall time since the run started. */
  readonly t: number;
  /** Main-topic records generated and accepted by the sinks so far. */
  readonly records: number;
  /** Main-topic records per second of wall time in this window. */
  readonly rate: number;
  /** What the rate profile asked for in this window (records/s); null on the simulated clock, or at --rate max. */
  readonly target: number | null;
  /** Records acknowledged per topic so far. */
  readonly topics: Readonly<Record<string, number>>;
  /** Produce latency percentiles of the window in ms; null when nothing was measured (non-Kafka sinks). */
  readonly p50: number | null;
  readonly p99: number | null;
  readonly p999: number | null;
  /** Records failed for good so far. */
  readonly failed: number;
  /** Resident set size in bytes at the end of the window. */
  readonly rss: number;
  /** CPU of the whole process (all threads) in the window, percent of one core. */
  readonly cpu: number;
  /** How far the generated timeline trails the wall clock at the end of the window (real clock), ms. */
  readonly lagMs: number;
}

/** What the coordinator knows at the end of a window; counters are cumulative. */
export interface WindowInput {
  readonly wallMs: number;
  readonly mainRecords: number;
  /** Main-topic records the profile asked for in this window, or null without a target. */
  readonly targetRecords: number | null;
  readonly stats: SinkStats;
  readonly latency: LatencySummary | null;
  readonly rssBytes: number;
  /** process.cpuUsage() user + system, µs, cumulative. */
  readonly cpuMicros: number;
  readonly lagMs: number;
}

/** Shortest window the series closes: one second of wall time. */
export const WINDOW_MS = 1_000;

/**
 * Turns cumulative counters taken at window ends into per-second samples. Windows close at the first step
 * that completes at least WINDOW_MS after the previous close, so each is ≥ 1 s; rates divide by the real span.
 */
export class StatsSeries {
  readonly samples: StatsSample[] = [];
  private lastWallMs: number;
  private lastRecords = 0;
  private lastCpuMicros: number;

  constructor(private readonly startWallMs: number, cpuMicros: number) {
    this.lastWallMs = startWallMs;
    this.lastCpuMicros = cpuMicros;
  }

  /** True when a window is due at `wallMs`. */
  due(wallMs: number): boolean {
    return wallMs - this.lastWallMs >= WINDOW_MS;
  }

  /** Start of the open window (wall ms). */
  get windowStartMs(): number {
    return this.lastWallMs;
  }

  /** Close the window ending at `x.wallMs` and append its sample. */
  close(x: WindowInput): StatsSample {
    const spanMs = Math.max(1, x.wallMs - this.lastWallMs);
    const topics: Record<string, number> = {};
    for (const [name, t] of Object.entries(x.stats.topics)) topics[name] = t.acked;
    const sample: StatsSample = {
      t: round3((x.wallMs - this.startWallMs) / 1000),
      records: x.mainRecords,
      rate: round3(((x.mainRecords - this.lastRecords) * 1000) / spanMs),
      target: x.targetRecords === null ? null : round3((x.targetRecords * 1000) / spanMs),
      topics,
      p50: x.latency?.p50Ms ?? null,
      p99: x.latency?.p99Ms ?? null,
      p999: x.latency?.p999Ms ?? null,
      failed: x.stats.failed,
      rss: x.rssBytes,
      cpu: round3(((x.cpuMicros - this.lastCpuMicros) / 1000 / spanMs) * 100),
      lagMs: Math.max(0, Math.round(x.lagMs)),
    };
    this.lastWallMs = x.wallMs;
    this.lastRecords = x.mainRecords;
    this.lastCpuMicros = x.cpuMicros;
    this.samples.push(sample);
    return sample;
  }
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
