import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { Piscina } from 'piscina';
import { ERROR_CATALOGUE, StreamgenError, type ErrorCode } from '../errors.js';
import type { SinkStats } from '../sinks/sink.js';
import type { FromWorker, ToWorker, WorkerResult, WorkerTask } from './worker-protocol.js';

/** Result of one step on one worker. */
export interface StepResult {
  readonly records: number;
  readonly stats: SinkStats;
  /** A latency delta (msgpackr bytes) when the worker sent one with this step. */
  readonly latency: Uint8Array | null;
}

/** The coordinator's side of one long-lived worker task: send a step, await its completion. */
export class WorkerHandle {
  readonly workerId: string;
  private readonly port: MessagePort;
  private readonly result: Promise<WorkerResult>;
  private waiting: { resolve: (m: FromWorker) => void; reject: (e: unknown) => void } | null = null;
  private failure: unknown = null;

  constructor(pool: Piscina, task: Omit<WorkerTask, 'port'>) {
    this.workerId = task.workerId;
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    port1.on('message', (msg: FromWorker) => {
      const w = this.waiting;
      this.waiting = null;
      if (msg.kind === 'error') this.fail(workerError(task.workerId, msg.code, msg.message));
      else w?.resolve(msg);
    });
    this.result = pool.run({ ...task, port: port2 }, { transferList: [port2] }) as Promise<WorkerResult>;
    this.result.catch((err: unknown) => this.fail(err));
  }

  /** Resolves once the worker has opened its sink. */
  async ready(): Promise<void> {
    await this.next();
  }

  /** Run one step; resolves with the worker's count and cumulative sink stats. */
  async step(msg: Extract<ToWorker, { kind: 'step' }>): Promise<StepResult> {
    const reply = this.next();
    this.port.postMessage(msg);
    const m = await reply;
    if (m.kind !== 'stepDone') throw new Error(`worker ${this.workerId} answered ${m.kind} to a step`);
    return { records: m.records, stats: m.stats, latency: m.latency };
  }

  /** Ask the worker to flush and close its sink; resolves with its final stats. */
  async finish(): Promise<WorkerResult> {
    if (this.failure === null) this.port.postMessage({ kind: 'finish' } satisfies ToWorker);
    const r = await this.result;
    this.port.close();
    return r;
  }

  private next(): Promise<FromWorker> {
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  private fail(err: unknown): void {
    if (this.failure === null) this.failure = err;
    const w = this.waiting;
    this.waiting = null;
    w?.reject(this.failure);
  }
}

/** Keep a worker's coded error as it is (e.g. SG_ERR_KAFKA_CONNECT); anything else is a worker failure. */
function workerError(workerId: string, code: string, message: string): StreamgenError {
  if (code in ERROR_CATALOGUE && code !== 'SG_ERR_INTERNAL') return new StreamgenError(code as ErrorCode, message);
  return new StreamgenError('SG_ERR_WORKER_FAILED', `worker ${workerId} failed: ${message}`);
}
