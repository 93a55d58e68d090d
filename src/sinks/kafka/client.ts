import { setTimeout as delay } from 'node:timers/promises';
import kafkajs from 'kafkajs';
import type { Kafka, LogEntry } from 'kafkajs';
import { StreamgenError } from '../../errors.js';
import type { KafkaSinkConfig } from '../sink.js';

/** Where kafkajs's error lines go (the CLI passes a stderr writer under --verbose); none means silence. */
export type KafkaLog = (line: string) => void;

/**
 * One kafkajs client per sink or admin call. kafkajs's own retries are off (retries: 0): the sink retries
 * sends itself, so it can count them and keep its in-flight slot meanwhile, and connecting is bounded by
 * our own deadline instead of kafkajs's backoff schedule.
 */
export function createKafkaClient(config: KafkaSinkConfig, log?: KafkaLog): Kafka {
  return new kafkajs.Kafka({
    clientId: config.clientId,
    brokers: [...config.brokers],
    connectionTimeout: config.connectTimeoutMs,
    requestTimeout: config.requestTimeoutMs,
    retry: { retries: 0 },
    logLevel: log === undefined ? kafkajs.logLevel.NOTHING : kafkajs.logLevel.ERROR,
    logCreator: () => (entry: LogEntry) => log?.(`kafkajs ${entry.namespace}: ${entry.log.message}`),
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
