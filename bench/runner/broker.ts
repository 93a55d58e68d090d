import { connect } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { ensureTopics } from '../../src/sinks/kafka/admin.js';
import { createKafkaClient } from '../../src/sinks/kafka/client.js';
import type { KafkaSinkConfig } from '../../src/sinks/sink.js';
import { expectSuccess, runChild } from './child.js';

const HOST = '127.0.0.1';
const PORT = Number(process.env.KAFKA_PORT ?? 9092);
/** The local broker scripts/kafka-up.sh runs (KAFKA_PORT as there). */
export const brokerAddress = `${HOST}:${PORT}`;

/** Admin settings for the bench's own topic work on the local broker. */
export const adminConfig: KafkaSinkConfig = {
  brokers: [brokerAddress],
  clientId: 'streamgen-bench',
  compression: 'lz4',
  acks: 1,
  batchMaxRecords: 10_000,
  lingerMs: 5,
  maxInFlight: 5,
  requestTimeoutMs: 30_000,
  connectTimeoutMs: 10_000,
  retries: 3,
  replicationFactor: 1,
  partitions: {},
  createTopics: true,
};

/** True when something accepts connections on the broker port within a second. */
export function brokerAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: HOST, port: PORT, timeout: 1000 });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}

/** Starts the local broker with scripts/kafka-up.sh. */
export async function startBroker(): Promise<void> {
  expectSuccess(await runChild('bash', ['scripts/kafka-up.sh'], 240_000), 'scripts/kafka-up.sh');
}

/** Stops the local broker with scripts/kafka-down.sh (only ever called for a broker this bench started). */
export async function stopBroker(): Promise<void> {
  expectSuccess(await runChild('bash', ['scripts/kafka-down.sh'], 120_000), 'scripts/kafka-down.sh');
}

/** Creates a topic with `partitions` partitions (replication 1). */
export async function createTopic(name: string, partitions: number): Promise<void> {
  await ensureTopics(adminConfig, [{ name, partitions }]);
}

/** Deletes topics and waits (up to 60 s) until the broker no longer lists them, so the next run starts clean. */
export async function deleteTopics(names: readonly string[]): Promise<void> {
  const admin = createKafkaClient(adminConfig).admin();
  await admin.connect();
  try {
    const present = new Set(await admin.listTopics());
    const doomed = names.filter((n) => present.has(n));
    if (doomed.length === 0) return;
    await admin.deleteTopics({ topics: doomed, timeout: 30_000 });
    for (let waited = 0; waited < 60_000; waited += 200) {
      const left = new Set(await admin.listTopics());
      if (!doomed.some((n) => left.has(n))) return;
      await delay(200);
    }
    throw new Error(`bench: topics ${doomed.join(', ')} still listed 60 s after deletion`);
  } finally {
    await admin.disconnect();
  }
}
