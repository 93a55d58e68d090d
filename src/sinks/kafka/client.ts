import { createRequire } from 'node:module';
import { setTimeout as delay } from 'node:timers/promises';
import kafkajs from 'kafkajs';
import type { Kafka, LogEntry } from 'kafkajs';
import { StreamgenError } from '../../errors.js';
import type { KafkaSinkConfig } from '../sink.js';
import type { ProduceResponseData, ProtocolRequest, ProtocolResponse } from './protocol/produce-request.js';

/** Where kafkajs's error lines go (the CLI passes a stderr writer under --verbose); none means silence. */
export type KafkaLog = (line: string) => void;

/**
 * One kafkajs client per admin call (topic administration, and the sink's topic check at open). kafkajs's own
 * retries are off (retries: 0), here and in `createProduceCluster`: the sink retries sends itself, so it can
 * count them and keep its in-flight slot meanwhile, and connecting is bounded by our own deadline instead of
 * kafkajs's backoff schedule.
 */
export function createKafkaClient(config: KafkaSinkConfig, log?: KafkaLog): Kafka {
  return new kafkajs.Kafka({
    clientId: config.clientId,
    brokers: [...config.brokers],
    connectionTimeout: config.connectTimeoutMs,
    requestTimeout: config.requestTimeoutMs,
    retry: { retries: 0 },
    logLevel: log === undefined ? kafkajs.logLevel.NOTHING : kafkajs.logLevel.ERROR,
    logCreator: kafkajsLogCreator(log),
  });
}

/** Partition metadata as kafkajs's cluster caches it. */
export interface PartitionLeader {
  readonly partitionId: number;
  readonly leader: number;
}

/** One broker of a kafkajs cluster: the API versions it announced and its connection pool. */
export interface ClusterBroker {
  readonly versions: Readonly<Record<number, { readonly minVersion: number; readonly maxVersion: number }>> | null;
  readonly connectionPool: {
    send(protocol: { request: ProtocolRequest; response: ProtocolResponse }): Promise<ProduceResponseData | undefined>;
  };
  disconnect(): Promise<void>;
}

/**
 * The part of kafkajs's internal Cluster (src/cluster/index.js) the produce path uses: broker connections and
 * topic metadata. kafkajs's public producer hides it, and its per-record encoding is what we replace.
 */
export interface ProduceCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  /** Loads metadata for these topics, and keeps them in every later refresh. */
  addMultipleTargetTopics(topics: string[]): Promise<void>;
  refreshMetadata(): Promise<void>;
  findTopicPartitionMetadata(topic: string): PartitionLeader[];
  /** The connected broker with this node id. */
  findBroker(node: { nodeId: number }): Promise<ClusterBroker>;
}

interface KafkajsInternals {
  Cluster: new (options: object) => ProduceCluster;
  createLogger: (options: { level: number; logCreator: ReturnType<typeof kafkajsLogCreator> }) => object;
  socketFactory: () => unknown;
  createErrorFromCode: (code: number) => Error & { readonly retriable: boolean };
}

const require = createRequire(import.meta.url);
// kafkajs 2.x ships these as plain CommonJS files with no "exports" map; the path is part of the version pin.
const internals: KafkajsInternals = {
  Cluster: require('kafkajs/src/cluster/index.js') as KafkajsInternals['Cluster'],
  createLogger: (require('kafkajs/src/loggers/index.js') as Pick<KafkajsInternals, 'createLogger'>).createLogger,
  socketFactory: require('kafkajs/src/network/socketFactory.js') as KafkajsInternals['socketFactory'],
  createErrorFromCode: (require('kafkajs/src/protocol/error.js') as Pick<KafkajsInternals, 'createErrorFromCode'>).createErrorFromCode,
};

/** The error for a broker error code, from kafkajs's table (src/protocol/error.js): its message and whether it is retriable. */
export function brokerError(code: number): Error & { readonly retriable: boolean } {
  return internals.createErrorFromCode(code);
}

/** kafkajs's logCreator that forwards each line to `log`, or drops it. */
function kafkajsLogCreator(log: KafkaLog | undefined): () => (entry: LogEntry) => void {
  return () => (entry) => log?.(`kafkajs ${entry.namespace}: ${entry.log.message}`);
}

/**
 * A kafkajs cluster (broker pool and metadata) configured as `createKafkaClient` configures its clients, with at
 * most `maxInFlight` requests outstanding per connection and no topic auto-creation.
 */
export function createProduceCluster(config: KafkaSinkConfig, log?: KafkaLog): ProduceCluster {
  return new internals.Cluster({
    logger: internals.createLogger({ level: log === undefined ? kafkajs.logLevel.NOTHING : kafkajs.logLevel.ERROR, logCreator: kafkajsLogCreator(log) }),
    socketFactory: internals.socketFactory(),
    brokers: [...config.brokers],
    clientId: config.clientId,
    connectionTimeout: config.connectTimeoutMs,
    requestTimeout: config.requestTimeoutMs,
    enforceRequestTimeout: true,
    retry: { retries: 0 },
    allowAutoTopicCreation: false,
    maxInFlightRequests: config.maxInFlight,
    metadataMaxAge: 300_000,
  });
}

/**
 * Connects `client` within `config.connectTimeoutMs`, retrying refused connections until then; otherwise throws
 * SG_ERR_KAFKA_CONNECT naming the brokers, the timeout and the last reason.
 */
export async function connectWithin(
  client: { connect(): Promise<void>; disconnect(): Promise<void> },
  config: KafkaSinkConfig,
): Promise<void> {
  const deadline = Date.now() + config.connectTimeoutMs;
  let reason = 'no answer';
  for (let attempt = 0; ; attempt++) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    try {
      await withTimeout(client.connect(), left, `no answer within ${config.connectTimeoutMs} ms`);
      return;
    } catch (err) {
      reason = errorMessage(err);
      await client.disconnect().catch(() => undefined);
    }
    const pause = Math.min(retryBackoffMs(attempt), deadline - Date.now());
    if (pause <= 0) break;
    await delay(pause);
  }
  throw new StreamgenError(
    'SG_ERR_KAFKA_CONNECT',
    `cannot reach Kafka at ${config.brokers.join(',')} within ${config.connectTimeoutMs} ms: ${reason}`,
  );
}

/** Pause before retry number `attempt` (0-based): 100 ms doubling to 5 s, ±20 % jitter so writers do not retry in step. */
export function retryBackoffMs(attempt: number): number {
  const base = Math.min(100 * 2 ** attempt, 5000);
  return Math.round(base * (0.8 + 0.4 * Math.random()));
}

/** The message of a kafkajs error, or of whatever else was thrown. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

async function withTimeout<T>(work: Promise<T>, timeoutMs: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
