import { createWriteStream, type WriteStream } from 'node:fs';
import type { RunOptions } from '../config/options.js';
import { StreamgenError } from '../errors.js';
import type { SinkStats } from '../sinks/sink.js';
import { createLatencyHistogram, mergeLatencyDelta, summarizeLatency } from './latency.js';
import { createLiveScreen, formatProgressLine, renderLiveView, type LiveScreen, type LiveState } from './live-view.js';
import { startMetricsServer, type MetricsServer } from './metrics-server.js';
import type { RateProfile } from './rate-profile.js';
import type { DeliverySummary } from './report.js';
import { mergeSinkStats } from './stats.js';
import { StatsSeries, type StatsSample } from './stats-series.js';

/** Where progress goes; `screen` is set when stderr is a terminal, for the redrawn live view. */
export interface ObserverIo {
  log(line: string): void;
  readonly screen?: LiveScreen;
}

/** A timeline this far behind the wall clock after a step means the sink cannot keep up. */
export const BEHIND_MS = 1_000;
/** Plain progress lines (non-TTY) and repeated backpressure warnings come at most this often. */
const LOG_EVERY_MS = 2_000;
const WARN_EVERY_MS = 30_000;

/** The stats side of a run: latency merge, the per-second series, live view, --stats-json and /metrics. */
export class RunObserver {
  readonly series: StatsSeries;
  private readonly total = createLatencyHistogram();
  private readonly window = createLatencyHistogram();
  private readonly workerStats: SinkStats[] = [];
  private readonly statsSources: Array<() => SinkStats> = [];
  private readonly statsFile: WriteStream | null;
  private metrics: MetricsServer | null = null;
  private readonly screen: LiveScreen | undefined;
  private expected = 0;
  private mainRecords = 0;
  private frontierMs: number;
  private maxLagMs = 0;
  private behindSeconds = 0;
  private lastLogMs = 0;
  private lastWarnMs = -Infinity;
  private lastSample: StatsSample | null = null;
  private generationEndMs: number | null = null;

  constructor(
    private readonly opts: RunOptions,
    private readonly io: ObserverIo,
    private readonly profile: RateProfile | null,
    private readonly mainTopic: string,
    private readonly wallStart: number,
  ) {
    this.series = new StatsSeries(wallStart, cpuMicros());
    this.statsFile = opts.statsJsonPath === null ? null : createWriteStream(opts.statsJsonPath);
    this.screen = opts.quiet ? undefined : io.screen;
    this.frontierMs = wallStart;
  }

  /** Start the metrics endpoint when --metrics-port is set (before any sink opens, so a taken port writes nothing); logs its URL. */
  async start(): Promise<void> {
    const port = this.opts.metricsPort;
    if (port === null) return;
    try {
      this.metrics = await startMetricsServer(this.opts.metricsHost, port, () => this.snapshot());
    } catch (err) {
      const code = (err as { code?: unknown } | null)?.code;
      throw new StreamgenError('SG_ERR_CONFIG_CONFLICT', `--metrics-port ${port} cannot be bound on ${this.opts.metricsHost} (${typeof code === 'string' ? code : String(err)}); choose another port, or 0 for a free one`, { cause: err });
    }
    if (!this.opts.quiet) this.log(`streamgen: Prometheus metrics on ${this.metrics.url}`);
  }

  /** A log line that does not tear the live view. */
  log(line: string): void {
    if (this.screen !== undefined) this.screen.log(line);
    else this.io.log(line);
  }

  /** Counters of a writer outside the workers (the coordinator's CDC sink), merged into every sample. */
  addStatsSource(read: () => SinkStats): void {
    this.statsSources.push(read);
  }

  /** After each lockstep step: the workers' replies, main records so far and the timeline frontier. */
  onStep(results: ReadonlyArray<{ readonly stats: SinkStats; readonly latency: Uint8Array | null }>, mainRecords: number, frontierMs: number): void {
    results.forEach((r, w) => {
      this.workerStats[w] = r.stats;
      if (r.latency !== null) mergeLatencyDelta(r.latency, [this.total, this.window]);
    });
    this.mainRecords = mainRecords;
    this.frontierMs = frontierMs;
    const now = Date.now();
    const realLag = this.opts.clock === 'real' ? now - frontierMs : 0;
    if (realLag > this.maxLagMs) this.maxLagMs = realLag;
    if (realLag > BEHIND_MS && now - this.lastWarnMs >= WARN_EVERY_MS && !this.opts.quiet) {
      this.lastWarnMs = now;
      const elapsed = Math.max(1, now - this.wallStart);
      const target = this.profile === null ? '' : ` vs ${fmt((this.expectedUntil(now) * 1000) / elapsed)}/s target`;
      this.log(`streamgen: warning: the sink cannot keep up: ${fmt((mainRecords * 1000) / elapsed)}/s achieved${target}, timeline ${(realLag / 1000).toFixed(1)} s behind the wall clock`);
    }
    if (!this.series.due(now)) return;
    const from = this.series.windowStartMs;
    const targetRecords = this.profile === null ? null : this.profile.recordsBetween(from, Math.max(from, this.capped(now)));
    if (targetRecords !== null) this.expected += targetRecords;
    if (realLag > BEHIND_MS) this.behindSeconds += (now - from) / 1000;
    const sample = this.series.close({
      wallMs: now, mainRecords, targetRecords, stats: this.merged(), latency: summarizeLatency(this.window),
      rssBytes: process.memoryUsage.rss(), cpuMicros: cpuMicros(), lagMs: realLag,
    });
    this.window.reset();
    this.lastSample = sample;
    this.statsFile?.write(JSON.stringify(sample) + '\n');
    this.show(sample, now);
  }

  /** When generation is over (before the final flush): fixes the span rates are measured over. */
  endGeneration(): void {
    this.generationEndMs = Date.now();
  }

  /** Merge the latencies the workers measured during their final flush. */
  onFinish(latencies: ReadonlyArray<Uint8Array | null>): void {
    for (const l of latencies) if (l !== null) mergeLatencyDelta(l, [this.total]);
  }

  /** Achieved vs target, lag and latency over the run. */
  summary(): DeliverySummary {
    const generationEnd = this.generationEndMs ?? Date.now();
    // A --duration run's last step ends at its limit; the wall time after it is flushing, not generating.
    const end = this.capped(generationEnd);
    const spanMs = Math.max(1, end - this.wallStart);
    const expected = this.profile === null ? null : this.expectedUntil(end);
    return {
      latencyMs: summarizeLatency(this.total),
      targetPerSec: expected === null ? null : (expected * 1000) / spanMs,
      achievedPerSec: (this.mainRecords * 1000) / spanMs,
      shortfallRecords: expected === null ? null : Math.max(0, Math.round(expected - this.mainRecords)),
      maxLagMs: Math.round(this.maxLagMs),
      behindSeconds: Math.round(this.behindSeconds),
    };
  }

  /** Stop the endpoint, end the series file and leave the last screen in place. */
  async close(): Promise<void> {
    this.screen?.done();
    await this.metrics?.close();
    const file = this.statsFile;
    if (file !== null) await new Promise<void>((resolve, reject) => file.end((err?: Error | null) => (err ? reject(err) : resolve())));
    this.total.destroy();
    this.window.destroy();
  }

  /** Expected main records from the start to `wallMs`, capped at the end of a --duration run. */
  private expectedUntil(wallMs: number): number {
    if (this.profile === null) return 0;
    const from = this.series.windowStartMs;
    const until = this.capped(wallMs);
    return this.expected + (until > from ? this.profile.recordsBetween(from, until) : 0);
  }

  /** A wall instant, no later than the end of a real-clock --duration run: the profile asks for nothing after it. */
  private capped(wallMs: number): number {
    return this.opts.durationMs === null || this.opts.clock !== 'real' ? wallMs : Math.min(wallMs, this.wallStart + this.opts.durationMs);
  }

  private merged(): SinkStats {
    return mergeSinkStats([...this.workerStats, ...this.statsSources.map((read) => read())]);
  }

  private show(sample: StatsSample, now: number): void {
    if (this.opts.quiet) return;
    const state: LiveState = { sample, mainTopic: this.mainTopic, total: summarizeLatency(this.total), progress: this.progress(), behindMs: BEHIND_MS };
    if (this.screen !== undefined) {
      this.screen.draw(renderLiveView(state));
    } else if (now - this.lastLogMs >= LOG_EVERY_MS) {
      this.lastLogMs = now;
      this.io.log(formatProgressLine(state));
    }
  }

  /** Share of a bounded run done, by events or by timeline. */
  private progress(): number | null {
    const byEvents = this.opts.events === null ? null : this.mainRecords / this.opts.events;
    const timelineStart = this.opts.clock === 'simulated' ? this.opts.startMs : this.wallStart;
    const byTime = this.opts.durationMs === null ? null : (this.frontierMs - timelineStart) / this.opts.durationMs;
    if (byEvents === null) return byTime;
    return byTime === null ? byEvents : Math.max(byEvents, byTime);
  }

  private snapshot() {
    const merged = this.merged();
    const failedByTopic: Record<string, number> = {};
    for (const [name, t] of Object.entries(merged.topics)) failedByTopic[name] = t.failed;
    return {
      sample: this.lastSample,
      total: summarizeLatency(this.total),
      latencySumSeconds: (this.total.mean * this.total.totalCount) / 1e6,
      bytes: merged.bytes,
      retried: merged.retried,
      failedByTopic,
    };
  }
}

/** The live screen for stderr when it is a terminal. */
export function stderrScreen(): LiveScreen | undefined {
  return process.stderr.isTTY ? createLiveScreen(process.stderr) : undefined;
}

function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
