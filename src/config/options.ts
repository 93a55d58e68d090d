import type { KnobValues, Shard } from '../domains/domain.js';
import type { SinkConfig } from '../sinks/sink.js';

/** `real`: timestamps are now, paced by the wall clock. `simulated`: a timeline from --start at --rate, run as fast as possible. */
export type ClockMode = 'real' | 'simulated';

/** The frozen, validated options of `streamgen run`. Built once by src/config, read everywhere else. */
export interface RunOptions {
  readonly domain: string;
  /** Records on the domain's main topic; null = unbounded (until --duration or a signal). */
  readonly events: number | null;
  /** Length of the run in (simulated or real) milliseconds; null = unbounded. */
  readonly durationMs: number | null;
  /** Main-topic records per second; 'max' only with the real clock (as fast as possible). */
  readonly rate: number | 'max';
  /** How the rate varies over the run around `rate`. */
  readonly profile: RateProfileSpec;
  /** Scenarios planned at start (--chaos, --chaos-timeline). */
  readonly chaos: readonly ChaosPlanEntry[];
  /** Port of the chaos control API, or null when off. */
  readonly controlPort: number | null;
  readonly controlHost: string;
  readonly seed: number;
  readonly workers: number;
  readonly clock: ClockMode;
  /** Start of the timeline (simulated clock); the real clock starts now. */
  readonly startMs: number;
  readonly shard: Shard;
  /** Virtual slices of the main keyspace; part of the world, so it changes the output. */
  readonly slices: number;
  readonly sink: SinkConfig;
  readonly knobs: KnobValues;
  /** Write the final report as JSON here (null: only print). */
  readonly reportPath: string | null;
  /** Write the per-second time series as JSON Lines here (null: off). */
  readonly statsJsonPath: string | null;
  /** Port of the Prometheus endpoint, or null when off. */
  readonly metricsPort: number | null;
  readonly metricsHost: string;
  readonly quiet: boolean;
  readonly verbose: boolean;
}

/** A validated --profile: how the main-topic rate varies over the run (issue 4). */
export type RateProfileSpec =
  | { readonly kind: 'constant' }
  | { readonly kind: 'diurnal' }
  | { readonly kind: 'ramp'; readonly fromPerSec: number; readonly toPerSec: number; readonly durationMs: number }
  | { readonly kind: 'step'; readonly steps: ReadonlyArray<{ readonly atMs: number; readonly perSec: number }> }
  | { readonly kind: 'burst'; readonly factor: number; readonly durationMs: number; readonly everyMs: number };

/** A scenario planned at start (`--chaos`, `--chaos-timeline`), relative to the run's start. */
export interface ChaosPlanEntry {
  readonly name: string;
  readonly startOffsetMs: number;
  /** null: runs until the end of the run (or until stopped through the control API). */
  readonly durationMs: number | null;
  readonly params: Readonly<Record<string, number | string>>;
}
