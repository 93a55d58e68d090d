import type { MessagePort } from 'node:worker_threads';
import { RecordBatch } from '../src/encoding/record-batch.js';
import { loadDomain } from '../src/domains/index.js';
import { loadSink } from '../src/sinks/index.js';
import { isStreamgenError } from '../src/errors.js';
import type { FromWorker, ToWorker, WorkerResult, WorkerTask } from '../src/coordinator/worker-protocol.js';
import { createLatencyHistogram, encodeLatencyDelta, recordLatencyMs } from '../src/coordinator/latency.js';
import type { Sink, SinkContext } from '../src/sinks/sink.js';

/** Latency deltas go to the coordinator at most this often (steps are ~100 ms). */
const LATENCY_EVERY_MS = 1_000;

/**
 * piscina entry: one long-lived task per worker thread. It owns a funnel for its slices and its own
 * sink (one Kafka producer per worker), and serves `step` messages until `finish`.
 */
export default async function generate(task: WorkerTask): Promise<WorkerResult> {
  const domain = await loadDomain(task.domain);
  const world = domain.createWorld({ seed: task.seed, startMs: task.startMs, sliceCount: task.sliceCount, knobs: task.knobs });
  const funnel = world.createFunnel(task.slices);
  const topics = domain.topics.map((t) => ({ name: t.name, partitions: t.defaultPartitions }));
  const latency = createLatencyHistogram();
  let requests = 0;
  let failedRequests = 0;
  const onRequest = (_records: number, latencyMs: number, ok: boolean): void => {
    recordLatencyMs(latency, latencyMs);
    requests++;
    if (!ok) failedRequests++;
  };
  const sink = await openableSink({ writerId: task.workerId, topics, config: task.sink }, onRequest);
  let lastDeltaMs = Date.now();
  /** The interval's latencies as msgpackr bytes, then a fresh interval; null when nothing was measured. */
  const takeLatency = (): Uint8Array | null => {
    lastDeltaMs = Date.now();
    if (requests === 0) return null;
    const bytes = encodeLatencyDelta(latency, requests, failedRequests);
    latency.reset();
    requests = 0;
    failedRequests = 0;
    return bytes;
  };
  const port: MessagePort = task.port;
  const send = (m: FromWorker): void => port.postMessage(m);
  const batch = new RecordBatch(topics.map((t) => t.name), task.batchRecords);

  try {
    await sink.open();
  } catch (err) {
    send(errorMessage(err));
    throw err;
  }
  send({ kind: 'ready' });

  return new Promise<WorkerResult>((resolve, reject) => {
    let chain = Promise.resolve();
    port.on('message', (msg: ToWorker) => {
      chain = chain.then(async () => {
        if (msg.kind === 'finish') {
          port.removeAllListeners('message');
          await sink.close();
          resolve({ workerId: task.workerId, stats: sink.stats(), latency: takeLatency() });
          return;
        }
        funnel.beginStep({ stepIndex: msg.stepIndex, startMs: msg.startMs, endMs: msg.endMs, epochStartMs: msg.epochStartMs, counts: msg.counts, effects: msg.effects, final: msg.final });
        for (;;) {
          batch.clear();
          if (funnel.fill(batch, task.batchRecords) === 0) break;
          await sink.write(batch);
        }
        // Funnels emit exactly the planned main-topic counts (other topics come in addition).
        let records = 0;
        for (let i = 0; i < msg.counts.length; i++) records += msg.counts[i];
        const due = msg.final || Date.now() - lastDeltaMs >= LATENCY_EVERY_MS;
        send({ kind: 'stepDone', stepIndex: msg.stepIndex, records, stats: sink.stats(), latency: due ? takeLatency() : null });
      }).catch((err: unknown) => {
        send(errorMessage(err));
        port.removeAllListeners('message');
        sink.close().catch(() => undefined).finally(() => reject(err));
      });
    });
  });
}

/** The configured sink; Kafka gets the per-request hook that feeds the latency histogram (the registry passes no hooks). */
async function openableSink(ctx: SinkContext, onRequest: (records: number, latencyMs: number, ok: boolean) => void): Promise<Sink> {
  if (ctx.config.name !== 'kafka') return (await loadSink(ctx.config.name))(ctx);
  const { createKafkaSink } = await import('../src/sinks/kafka/index.js');
  return createKafkaSink(ctx, { onRequest });
}

function errorMessage(err: unknown): FromWorker {
  if (isStreamgenError(err)) return { kind: 'error', code: err.code, message: err.message };
  return { kind: 'error', code: 'SG_ERR_INTERNAL', message: err instanceof Error ? err.stack ?? err.message : String(err) };
}
