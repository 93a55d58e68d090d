import { setTimeout as delay } from 'node:timers/promises';
import kafkajs from 'kafkajs';
import type { Kafka, Message, Producer, TopicMessages } from 'kafkajs';
import type { RecordBatch } from '../../encoding/record-batch.js';
import { StreamgenError } from '../../errors.js';
import type { KafkaSinkConfig, Sink, SinkContext, SinkFactory, SinkStats, TopicStats } from '../sink.js';
import { readTopics } from './admin.js';
import { connectWithin, createKafkaClient, errorMessage, retryBackoffMs, type KafkaLog } from './client.js';
import { registerLz4Codec } from './lz4-codec.js';
import { partitionForKey } from './partitioner.js';

registerLz4Codec();

const COMPRESSION = {
  none: kafkajs.CompressionTypes.None,
  gzip: kafkajs.CompressionTypes.GZIP,
  lz4: kafkajs.CompressionTypes.LZ4,
} as const;

/** One topic of this sink: the real partition count (from the cluster, not the config) and its counters. */
interface TopicState {
  readonly name: string;
  readonly partitions: number;
  /** Records waiting for the next request (batch size or linger). */
  pending: Message[];
  readonly ackedByPartition: number[];
  acked: number;
  failed: number;
}

/** One produce call: the messages per topic, and the state each TopicMessages entry counts into. */
interface ProduceRequest {
  readonly topicMessages: TopicMessages[];
  readonly states: TopicState[];
  readonly records: number;
  /** performance.now() when the records left the linger buffer. */
  readonly startedMs: number;
}

/**
 * The Kafka sink: one kafkajs producer per writer. A write copies the batch's records into kafkajs messages with
 * the Java client's partition (so per-partition counts are known here and Java consumers agree on placement),
 * and hands them to kafkajs in requests of at most `batchMaxRecords`, with at most `maxInFlight` requests
 * outstanding; waiting for a free slot is the backpressure. Failed requests are retried here `retries` times
 * with backoff, then counted as failed, never dropped.
 *
 * The producer is never idempotent, whatever acks and maxInFlight say: the broker drops duplicates only when a
 * batch is re-sent with its original sequence numbers, which kafkajs does only inside its own retrier (its
 * idempotent mode refuses retries: 0) and under a per-broker lock that would cap us at one request in flight.
 * A retry after a lost acknowledgement can therefore duplicate records, as in the Java client without
 * idempotence; consumers that check a run must count duplicates rather than assume none.
 */
export const createKafkaSink = ((ctx: SinkContext, hooks: KafkaSinkHooks = {}): Sink => new KafkaSink(ctx, hooks)) satisfies SinkFactory;

/** Optional observers; the sink registry passes none. */
export interface KafkaSinkHooks {
  /** Receives kafkajs's error lines and final delivery failures (the CLI passes stderr under --verbose). */
  readonly log?: KafkaLog;
  /** Called once per request when it is acked or fails for good: its records and ms since it left the linger buffer. */
  readonly onRequest?: (records: number, latencyMs: number, ok: boolean) => void;
}

class KafkaSink implements Sink {
  private readonly config: KafkaSinkConfig;
  private readonly client: Kafka;
  private readonly producer: Producer;
  private readonly compression: (typeof COMPRESSION)[keyof typeof COMPRESSION];
  private readonly topicNames: readonly string[];
  private readonly log: KafkaLog | undefined;
  private readonly onRequest: KafkaSinkHooks['onRequest'];
  private readonly topics = new Map<string, TopicState>();
  private batchNames: readonly string[] | null = null;
  private batchStates: TopicState[] = [];
  private state: 'new' | 'open' | 'closed' = 'new';
  private closing: Promise<void> | null = null;
  private records = 0;
  private bytes = 0;
  private retried = 0;
  private pendingRecords = 0;
  private lingerTimer: NodeJS.Timeout | null = null;
  private inFlight = 0;
  private readonly slotWaiters: Array<() => void> = [];
  private readonly unsettled = new Set<Promise<void>>();

  constructor(ctx: SinkContext, hooks: KafkaSinkHooks) {
    this.config = ctx.config.kafka;
    this.topicNames = ctx.topics.map((t) => t.name);
    this.log = hooks.log;
    this.onRequest = hooks.onRequest;
    this.client = createKafkaClient(this.config, hooks.log);
    this.producer = this.client.producer({
      idempotent: false,
      maxInFlightRequests: this.config.maxInFlight,
      allowAutoTopicCreation: false,
      retry: { retries: 0 },
    });
    this.compression = COMPRESSION[this.config.compression];
  }

  /** Connects within connectTimeoutMs and learns each topic's partition count; the topics must exist. */
  async open(): Promise<void> {
    if (this.state !== 'new') throw new StreamgenError('SG_ERR_INTERNAL', 'kafka sink: open called twice');
    await connectWithin(this.producer, this.config);
    try {
      const admin = this.client.admin();
      await connectWithin(admin, this.config);
      try {
        for (const d of await readTopics(admin, this.topicNames)) {
          if (d.status === 'missing') {
            throw new StreamgenError('SG_ERR_KAFKA_TOPIC', `topic ${d.name} does not exist on ${this.config.brokers.join(',')}; create it with \`streamgen topics create\``);
          }
          this.topics.set(d.name, { name: d.name, partitions: d.partitions, pending: [], ackedByPartition: new Array<number>(d.partitions).fill(0), acked: 0, failed: 0 });
        }
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
    } catch (err) {
      await this.producer.disconnect().catch(() => undefined);
      if (err instanceof StreamgenError) throw err;
      throw new StreamgenError('SG_ERR_KAFKA_TOPIC', `cannot describe topics ${this.topicNames.join(', ')}: ${errorMessage(err)}`, { cause: err });
    }
    this.state = 'open';
  }

  /** Resolves once the batch's records are copied out and handed on with a free in-flight slot. */
  async write(batch: RecordBatch): Promise<void> {
    if (this.state !== 'open') throw new StreamgenError('SG_ERR_INTERNAL', `kafka sink: write while ${this.state}`);
    const states = this.statesOf(batch);
    const { keys, values, timestamps, topicIndex } = batch;
    const n = batch.length;
    const max = this.config.batchMaxRecords;
    for (let i = 0; i < n; i++) {
      const st = states[topicIndex[i]];
      const key = keys[i];
      const value = values[i];
      // Strings are immutable, so holding them is the copy; kafkajs wants the timestamp as a string of integer ms.
      st.pending.push({ key, value, partition: partitionForKey(key, st.partitions), timestamp: String(Math.trunc(timestamps[i])) });
      this.records++;
      this.bytes += Buffer.byteLength(value);
      if (++this.pendingRecords >= max) await this.dispatch();
    }
    if (this.pendingRecords === 0) return;
    if (this.config.lingerMs <= 0) await this.dispatch();
    else this.lingerTimer ??= setTimeout(() => void this.dispatch(), this.config.lingerMs);
  }

  /** Sends what lingers and waits until every request has been acknowledged or has failed for good. */
  async flush(): Promise<void> {
    if (this.pendingRecords > 0) await this.dispatch();
    while (this.unsettled.size > 0) await Promise.all(this.unsettled);
  }

  /** Flushes and disconnects; later calls return the same promise. */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  /** A copy of the counters, with partitions that received records. */
  stats(): SinkStats {
    const topics: Record<string, TopicStats> = {};
    let acked = 0;
    let failed = 0;
    for (const name of this.topicNames) topics[name] = { acked: 0, failed: 0, partitions: {} };
    for (const st of this.topics.values()) {
      const partitions: Record<string, number> = {};
      st.ackedByPartition.forEach((count, p) => {
        if (count > 0) partitions[p] = count;
      });
      topics[st.name] = { acked: st.acked, failed: st.failed, partitions };
      acked += st.acked;
      failed += st.failed;
    }
    return { records: this.records, bytes: this.bytes, acked, failed, retried: this.retried, topics };
  }

  private async shutDown(): Promise<void> {
    if (this.state === 'open') await this.flush();
    this.state = 'closed';
    await this.producer.disconnect().catch(() => undefined);
  }

  /** The state of each of the batch's topic indexes; rebuilt only when a batch brings another topic list. */
  private statesOf(batch: RecordBatch): TopicState[] {
    if (batch.topicNames !== this.batchNames) {
      this.batchStates = batch.topicNames.map((name) => {
        const st = this.topics.get(name);
        if (st === undefined) throw new StreamgenError('SG_ERR_INTERNAL', `kafka sink: batch names topic ${name}, which the sink was not opened for`);
        return st;
      });
      this.batchNames = batch.topicNames;
    }
    return this.batchStates;
  }

  /** Takes the pending records as one request; resolves when it holds an in-flight slot. */
  private dispatch(): Promise<void> {
    if (this.lingerTimer !== null) {
      clearTimeout(this.lingerTimer);
      this.lingerTimer = null;
    }
    const request = this.takePending();
    const acquired = this.acquireSlot();
    const done = acquired.then(() => this.deliver(request)).finally(() => this.releaseSlot());
    this.unsettled.add(done);
    void done.then(() => this.unsettled.delete(done));
    return acquired;
  }

  private takePending(): ProduceRequest {
    const topicMessages: TopicMessages[] = [];
    const states: TopicState[] = [];
    for (const st of this.topics.values()) {
      if (st.pending.length === 0) continue;
      topicMessages.push({ topic: st.name, messages: st.pending });
      states.push(st);
      st.pending = [];
    }
    const records = this.pendingRecords;
    this.pendingRecords = 0;
    return { topicMessages, states, records, startedMs: performance.now() };
  }

  /** Sends one request, retrying retriable failures; never rejects: the outcome is in the counters. */
  private async deliver(request: ProduceRequest): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.producer.sendBatch({ topicMessages: request.topicMessages, acks: this.config.acks, timeout: this.config.requestTimeoutMs, compression: this.compression });
        this.countAcked(request);
        this.onRequest?.(request.records, performance.now() - request.startedMs, true);
        return;
      } catch (err) {
        if (attempt >= this.config.retries || !isRetriable(err)) {
          this.countFailed(request);
          this.onRequest?.(request.records, performance.now() - request.startedMs, false);
          this.log?.(`kafka: ${request.records} records failed after ${attempt + 1} attempts: ${errorMessage(err)}`);
          return;
        }
        this.retried += request.records;
        await delay(retryBackoffMs(attempt));
      }
    }
  }

  private countAcked(request: ProduceRequest): void {
    request.topicMessages.forEach((tm, j) => {
      const st = request.states[j];
      const byPartition = st.ackedByPartition;
      for (const m of tm.messages) byPartition[m.partition as number]++;
      st.acked += tm.messages.length;
    });
  }

  private countFailed(request: ProduceRequest): void {
    request.topicMessages.forEach((tm, j) => {
      request.states[j].failed += tm.messages.length;
    });
  }

  private acquireSlot(): Promise<void> {
    if (this.inFlight < this.config.maxInFlight) {
      this.inFlight++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.slotWaiters.push(resolve));
  }

  /** Hands the slot straight to the oldest waiter, so requests start in the order they were taken. */
  private releaseSlot(): void {
    const next = this.slotWaiters.shift();
    if (next !== undefined) next();
    else this.inFlight--;
  }
}

/**
 * kafkajs wraps a retriable failure in KafkaJSNumberOfRetriesExceeded once its own (zero) retries are spent;
 * anything else is retriable only when it says so (a broken connection before the request was sent).
 */
function isRetriable(err: unknown): boolean {
  const e = err as { name?: unknown; retriable?: unknown } | null;
  return e?.name === 'KafkaJSNumberOfRetriesExceeded' || e?.retriable === true;
}
