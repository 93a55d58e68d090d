import type { MessagePort } from 'node:worker_threads';
import type { KnobValues, StepEffects } from '../domains/domain.js';
import type { SinkConfig, SinkStats } from '../sinks/sink.js';

/** The task a piscina worker receives once; it then serves steps over `port` until `finish`. */
export interface WorkerTask {
  readonly workerId: string;
  readonly domain: string;
  readonly seed: number;
  readonly startMs: number;
  readonly sliceCount: number;
  /** Slices this worker owns, ascending. */
  readonly slices: readonly number[];
  readonly knobs: KnobValues;
  readonly sink: SinkConfig;
  /** Records per sink write. */
  readonly batchRecords: number;
  readonly port: MessagePort;
}

/** Coordinator → worker. */
export type ToWorker =
  | {
      readonly kind: 'step';
      readonly stepIndex: number;
      readonly startMs: number;
      readonly endMs: number;
      readonly epochStartMs: number;
      readonly counts: Int32Array;
      readonly effects: StepEffects;
      readonly final: boolean;
    }
  | { readonly kind: 'finish' };

/** Worker → coordinator. */
export type FromWorker =
  | { readonly kind: 'ready' }
  | {
      readonly kind: 'stepDone';
      readonly stepIndex: number;
      readonly records: number;
      readonly stats: SinkStats;
      /** Produce latencies since the last delta (msgpackr, see latency.ts), at most one per second; null in between. */
      readonly latency: Uint8Array | null;
    }
  | { readonly kind: 'error'; readonly code: string; readonly message: string };

/** What the worker task resolves with once finished and flushed. */
export interface WorkerResult {
  readonly workerId: string;
  readonly stats: SinkStats;
  /** Latencies not yet sent in a step reply (those of the final flush). */
  readonly latency: Uint8Array | null;
}
