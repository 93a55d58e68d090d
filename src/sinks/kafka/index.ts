import { setTimeout as delay } from 'node:timers/promises';
import type { RecordBatch } from '../../encoding/record-batch.js';
import { StreamgenError } from '../../errors.js';
import type { KafkaSinkConfig, Sink, SinkContext, SinkFactory, SinkStats, TopicStats } from '../sink.js';
import { readTopics } from './admin.js';
import {
  brokerError,
  connectWithin,
  createKafkaClient,
  createProduceCluster,
  errorMessage,
  retryBackoffMs,
  type KafkaLog,
  type PartitionLeader,
  type ProduceCluster,
} from './client.js';
import { partitionForKey } from './partitioner.js';
import { createProduceRequest, produceResponse, PRODUCE_API_KEY, PRODUCE_API_VERSION, type ProduceResponseData, type TopicRecords } from './protocol/produce-request.js';
import { RecordBatchWriter } from './protocol/record-batch.js';

/** One topic of this sink: the real partition count (from the cluster, not the config), its open batches and counters. */
interface TopicState {
  readonly name: string;
  readonly partitions: number;
  /** One writer per partition, holding the records that wait for the next request (batch size or linger). */
  readonly writers: RecordBatchWriter[];
  readonly ackedByPartition: number[];
  acked: number;
  failed: number;
}

/** One partition's finished RecordBatch, sent (and re-sent on retry) as is. */
interface PartitionSend {
  readonly state: TopicState;
  readonly partition: number;
  readonly batch: Buffer;
  readonly records: number;
}

/** The batches taken from the writers at once; they share one in-flight slot. */
interface Dispatch {
  readonly sends: PartitionSend[];
  readonly records: number;
  /** performance.now() when the records left the linger buffer. */
  readonly startedMs: number;
}

/** Why one partition's batch was not acknowledged, and whether sending it again may help. */
interface SendFailure {
  readonly message: string;
  readonly retriable: boolean;
}

/**
 * The Kafka sink. A write encodes each record straight into the RecordBatch of its partition (the Java client's
 * partition, so per-partition counts are known here and Java consumers agree on placement); every
 * `batchMaxRecords` records, or after `lingerMs`, the batches are finished (compressed, checksummed) and sent as
 * one Produce request per leader broker over kafkajs's connections, with at most `maxInFlight` such dispatches
 * outstanding; waiting for a free slot is the backpressure. Each partition's result is read from the response:
 * acked, failed for good (non-retriable error code), or re-sent as the same bytes up to `retries` times with
 * backoff, then counted as failed, never dropped.
 *
 * The producer is never idempotent, whatever acks and maxInFlight say: batches carry producer id -1, so the
 * broker cannot drop a duplicate. A retry after a lost acknowledgement can therefore duplicate records, as in
 * the Java client without idempotence; consumers that check a run must count duplicates rather than assume none.
 */
export const createKafkaSink = ((ctx: SinkContext, hooks: KafkaSinkHooks = {}): Sink => new KafkaSink(ctx, hooks)) satisfies SinkFactory;

/** Optional observers; the sink registry passes none. */
export interface KafkaSinkHooks {
  /** Receives kafkajs's error lines and final delivery failures (the CLI passes stderr under --verbose). */
  readonly log?: KafkaLog;
  /** Called once per dispatch when all of it is acked or settled: its records, ms since it left the linger buffer, and whether none failed. */
  readonly onRequest?: (records: number, latencyMs: number, ok: boolean) => void;
}

class KafkaSink implements Sink {
  private readonly config: KafkaSinkConfig;
  private readonly cluster: ProduceCluster;
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
    this.cluster = createProduceCluster(this.config, hooks.log);
  }

  /** Connects within connectTimeoutMs, learns each topic's partition count and leaders; the topics must exist. */
  async open(): Promise<void> {
    if (this.state !== 'new') throw new StreamgenError('SG_ERR_INTERNAL', 'kafka sink: open called twice');
    await connectWithin(this.cluster, this.config);
    try {
      await this.describeTopics();
      await this.awaitLeaders();
      await this.checkProduceVersion();
    } catch (err) {
      await this.cluster.disconnect().catch(() => undefined);
      if (err instanceof StreamgenError) throw err;
      throw new StreamgenError('SG_ERR_KAFKA_TOPIC', `cannot describe topics ${this.topicNames.join(', ')}: ${errorMessage(err)}`, { cause: err });
    }
    this.state = 'open';
  }

  /** Resolves once the batch's records are encoded and, when a request fills, handed on with a free in-flight slot. */
  async write(batch: RecordBatch): Promise<void> {
    if (this.state !== 'open') throw new StreamgenError('SG_ERR_INTERNAL', `kafka sink: write while ${this.state}`);
    const states = this.statesOf(batch);
    const { keys, values, timestamps, topicIndex } = batch;
    const n = batch.length;
    const max = this.config.batchMaxRecords;
    for (let i = 0; i < n; i++) {
      const st = states[topicIndex[i]];
      const key = keys[i];
      this.bytes += st.writers[partitionForKey(key, st.partitions)].append(key, values[i], Math.trunc(timestamps[i]));
      this.records++;
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
    await this.cluster.disconnect().catch(() => undefined);
  }

  private async describeTopics(): Promise<void> {
    const admin = createKafkaClient(this.config, this.log).admin();
    await connectWithin(admin, this.config);
    try {
      for (const d of await readTopics(admin, this.topicNames)) {
        if (d.status === 'missing') {
          throw new StreamgenError('SG_ERR_KAFKA_TOPIC', `topic ${d.name} does not exist on ${this.config.brokers.join(',')}; create it with \`streamgen topics create\``);
        }
        const writers = Array.from({ length: d.partitions }, () => new RecordBatchWriter());
        this.topics.set(d.name, { name: d.name, partitions: d.partitions, writers, ackedByPartition: new Array<number>(d.partitions).fill(0), acked: 0, failed: 0 });
      }
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  /**
   * Waits (up to connectTimeoutMs) until every partition has a leader: a topic created a moment ago may not have
   * elected them yet, and sending then would only fail and retry.
   */
  private async awaitLeaders(): Promise<void> {
    const deadline = Date.now() + this.config.connectTimeoutMs;
    for (;;) {
      // kafkajs forgets target topics whose metadata load failed (say, just created and not yet known), so add
      // them again each round; when they are already targets this is a no-op and the refresh does the work.
      await this.cluster.addMultipleTargetTopics([...this.topicNames]).catch(() => undefined);
      const missing = this.partitionsWithoutLeader();
      if (missing.length === 0) return;
      if (Date.now() >= deadline) {
        throw new StreamgenError('SG_ERR_KAFKA_TOPIC', `no leader for ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''} on ${this.config.brokers.join(',')} within ${this.config.connectTimeoutMs} ms`);
      }
      // The cluster announces no event for an election, so poll its metadata.
      await delay(100);
      await this.cluster.refreshMetadata().catch(() => undefined);
    }
  }

  private partitionsWithoutLeader(): string[] {
    const missing: string[] = [];
    for (const st of this.topics.values()) {
      const leaders = this.leadersOf(st);
      for (let p = 0; p < st.partitions; p++) if (leaders[p] === undefined) missing.push(`${st.name}/${p}`);
    }
    return missing;
  }

  /** Leader node id per partition of a topic by the cluster's cached metadata; holes where none is known. */
  private leadersOf(state: TopicState): number[] {
    const leaders: number[] = [];
    let metadata: PartitionLeader[] = [];
    try {
      metadata = this.cluster.findTopicPartitionMetadata(state.name);
    } catch {
      // No metadata loaded yet: every partition is leaderless for now.
    }
    for (const p of metadata) if (p.leader >= 0) leaders[p.partitionId] = p.leader;
    return leaders;
  }

  /** Every leader must accept Produce v3 (Kafka ≥ 0.11), the version our batches travel in. */
  private async checkProduceVersion(): Promise<void> {
    const leaders = new Set<number>();
    for (const st of this.topics.values()) for (const leader of this.leadersOf(st)) if (leader !== undefined) leaders.add(leader);
    for (const nodeId of leaders) {
      const range = (await this.cluster.findBroker({ nodeId })).versions?.[PRODUCE_API_KEY];
      if (range === undefined || range.minVersion > PRODUCE_API_VERSION || range.maxVersion < PRODUCE_API_VERSION) {
        const has = range === undefined ? 'no Produce API' : `Produce v${range.minVersion}-v${range.maxVersion}`;
        throw new StreamgenError('SG_ERR_KAFKA_VERSION', `Kafka broker ${nodeId} at ${this.config.brokers.join(',')} offers ${has}; streamgen sends Produce v${PRODUCE_API_VERSION} (Kafka 0.11 or later)`);
      }
    }
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

  /** Finishes the pending batches as one dispatch; resolves when it holds an in-flight slot. */
  private dispatch(): Promise<void> {
    if (this.lingerTimer !== null) {
      clearTimeout(this.lingerTimer);
      this.lingerTimer = null;
    }
    const taken = this.takePending();
    const acquired = this.acquireSlot();
    const done = acquired.then(() => this.deliver(taken)).finally(() => this.releaseSlot());
    this.unsettled.add(done);
    void done.then(() => this.unsettled.delete(done));
    return acquired;
  }

  private takePending(): Dispatch {
    const sends: PartitionSend[] = [];
    const compression = this.config.compression;
    for (const state of this.topics.values()) {
      state.writers.forEach((writer, partition) => {
        const records = writer.count;
        if (records > 0) sends.push({ state, partition, records, batch: writer.finish(compression) });
      });
    }
    const records = this.pendingRecords;
    this.pendingRecords = 0;
    return { sends, records, startedMs: performance.now() };
  }

  /** Sends one dispatch, re-sending partitions that failed retriably; never rejects: the outcome is in the counters. */
  private async deliver(taken: Dispatch): Promise<void> {
    let pending = taken.sends;
    let ok = true;
    for (let attempt = 0; pending.length > 0; attempt++) {
      const failures = await this.attempt(pending);
      const again: PartitionSend[] = [];
      pending.forEach((send, i) => {
        const failure = failures[i];
        if (failure === null) {
          send.state.ackedByPartition[send.partition] += send.records;
          send.state.acked += send.records;
        } else if (failure.retriable && attempt < this.config.retries) {
          again.push(send);
        } else {
          ok = false;
          send.state.failed += send.records;
          this.log?.(`kafka: ${send.records} records for ${send.state.name}/${send.partition} failed after ${attempt + 1} attempts: ${failure.message}`);
        }
      });
      pending = again;
      if (pending.length === 0) break;
      for (const send of pending) this.retried += send.records;
      await delay(retryBackoffMs(attempt));
      // Leaders may have moved, or the topic gone: later attempts go by fresh metadata where the cluster gives it.
      await this.cluster.refreshMetadata().catch((err: unknown) => this.log?.(`kafka: metadata refresh failed: ${errorMessage(err)}`));
    }
    this.onRequest?.(taken.records, performance.now() - taken.startedMs, ok);
  }

  /** Sends each batch to its partition's leader, one request per leader; returns each batch's failure or null. */
  private async attempt(sends: readonly PartitionSend[]): Promise<Array<SendFailure | null>> {
    const failures = new Array<SendFailure | null>(sends.length).fill(null);
    const byLeader = new Map<number, number[]>();
    const leadersByTopic = new Map<TopicState, number[]>();
    sends.forEach((send, i) => {
      let leaders = leadersByTopic.get(send.state);
      if (leaders === undefined) {
        leaders = this.leadersOf(send.state);
        leadersByTopic.set(send.state, leaders);
      }
      const leader = leaders[send.partition];
      if (leader === undefined) {
        failures[i] = { message: `no leader known for ${send.state.name}/${send.partition}`, retriable: true };
        return;
      }
      const group = byLeader.get(leader);
      if (group === undefined) byLeader.set(leader, [i]);
      else group.push(i);
    });
    await Promise.all(
      [...byLeader].map(async ([nodeId, indexes]) => {
        try {
          const response = await this.produce(nodeId, indexes.map((i) => sends[i]));
          if (response !== undefined) readResults(response, sends, indexes, failures);
        } catch (err) {
          const failure = { message: errorMessage(err), retriable: isRetriable(err) };
          for (const i of indexes) failures[i] = failure;
        }
      }),
    );
    return failures;
  }

  /** One Produce request to broker `nodeId`; undefined under acks=0, where the broker does not answer. */
  private async produce(nodeId: number, sends: readonly PartitionSend[]): Promise<ProduceResponseData | undefined> {
    const topics: Array<TopicRecords & { partitions: Array<{ partition: number; batch: Buffer }> }> = [];
    for (const send of sends) {
      let t = topics.find((x) => x.topic === send.state.name);
      if (t === undefined) topics.push((t = { topic: send.state.name, partitions: [] }));
      t.partitions.push({ partition: send.partition, batch: send.batch });
    }
    const broker = await this.cluster.findBroker({ nodeId });
    const request = createProduceRequest({ acks: this.config.acks, timeoutMs: this.config.requestTimeoutMs, topics });
    try {
      return await broker.connectionPool.send({ request, response: produceResponse });
    } catch (err) {
      // As kafkajs's Broker does: a closed connection marks the broker disconnected, so the next lookup reconnects.
      if ((err as { name?: unknown } | null)?.name === 'KafkaJSConnectionClosedError') await broker.disconnect().catch(() => undefined);
      throw err;
    }
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

/** Marks each sent partition by its error code in the response; a partition the broker left out is a retriable failure. */
function readResults(response: ProduceResponseData, sends: readonly PartitionSend[], indexes: readonly number[], failures: Array<SendFailure | null>): void {
  for (const i of indexes) {
    const send = sends[i];
    const result = response.results.find((r) => r.partition === send.partition && r.topic === send.state.name);
    if (result === undefined) {
      failures[i] = { message: `the broker's response leaves out ${send.state.name}/${send.partition}`, retriable: true };
    } else if (result.errorCode !== 0) {
      const err = brokerError(result.errorCode);
      failures[i] = { message: err.message, retriable: err.retriable };
    }
  }
}

/**
 * Whether a thrown send error is worth another attempt. kafkajs runs with its own retries off, so a refused or
 * dropped connection (a broker restarting) arrives wrapped as "number of retries exceeded", which kafkajs marks
 * non-retriable; the sink's own bounded retries judge by the cause inside instead.
 */
function isRetriable(err: unknown): boolean {
  let e = err as { name?: unknown; retriable?: unknown; cause?: unknown } | null;
  while (e !== null && typeof e === 'object' && e.name === 'KafkaJSNumberOfRetriesExceeded' && e.cause) {
    e = e.cause as typeof e;
  }
  return (e as { retriable?: unknown } | null)?.retriable !== false;
}
