import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { isStreamgenError } from '../../src/errors.js';
import { checkHealth, describeTopics, ensureTopics } from '../../src/sinks/kafka/admin.js';
import { createKafkaSink } from '../../src/sinks/kafka/index.js';
import type { KafkaSinkConfig, SinkConfig } from '../../src/sinks/sink.js';

/** A loopback port nobody listens on: bound by the OS, then released. */
async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function kafkaConfig(port: number): KafkaSinkConfig {
  return {
    brokers: [`127.0.0.1:${port}`],
    clientId: 'streamgen-test',
    compression: 'lz4',
    acks: 1,
    batchMaxRecords: 1000,
    lingerMs: 0,
    maxInFlight: 2,
    requestTimeoutMs: 2000,
    connectTimeoutMs: 2000,
    retries: 2,
    replicationFactor: 1,
    partitions: {},
    createTopics: true,
  };
}

function isConnectError(port: number): (err: unknown) => boolean {
  return (err) => {
    assert.ok(isStreamgenError(err), String(err));
    assert.equal(err.code, 'SG_ERR_KAFKA_CONNECT');
    assert.match(err.message, new RegExp(`^cannot reach Kafka at 127\\.0\\.0\\.1:${port} within 2000 ms: .+`));
    return true;
  };
}

const TOPICS = [{ name: 'content_events', partitions: 12 }];

test('opening a Kafka sink against an unreachable broker fails with SG_ERR_KAFKA_CONNECT', async () => {
  const port = await unusedPort();
  const config: SinkConfig = { name: 'kafka', outDir: '', gzip: false, fileNaming: 'parts', wrap: false, kafka: kafkaConfig(port) };
  const sink = createKafkaSink({ writerId: 'w0', topics: TOPICS, config });
  await assert.rejects(sink.open(), isConnectError(port));
  await sink.close();
});

test('topic administration against an unreachable broker fails with SG_ERR_KAFKA_CONNECT', async () => {
  const port = await unusedPort();
  await assert.rejects(ensureTopics(kafkaConfig(port), TOPICS), isConnectError(port));
  await assert.rejects(describeTopics(kafkaConfig(port), ['content_events']), isConnectError(port));
});

test('health against an unreachable broker is a "not ok" verdict naming the reason, not an exception', async () => {
  const port = await unusedPort();
  const report = await checkHealth(kafkaConfig(port), TOPICS);
  assert.equal(report.ok, false);
  assert.equal(report.problems.length, 1);
  assert.match(report.problems[0], /^cannot reach Kafka at 127\.0\.0\.1:\d+ within 2000 ms/);
});
