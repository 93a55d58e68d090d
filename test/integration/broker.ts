import type { TestContext } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { Kafka, logLevel } from 'kafkajs';

/**
 * The real broker for integration tests. scripts/test.sh starts it (scripts/kafka-up.sh) and sets
 * STREAMGEN_TEST_BROKER; without that variable the tests skip, except in CI, where they must run.
 */

const ENV = 'STREAMGEN_TEST_BROKER';

/** host:port of the test broker from STREAMGEN_TEST_BROKER, or null when none is configured. */
export function brokerAddress(): string | null {
  const value = process.env[ENV]?.trim();
  return value ? value : null;
}

/**
 * The broker address for test `t`; when none is configured, skips `t` with the reason and returns
 * null (callers return at once), or throws under CI=true, where skipping would hide a broken set-up.
 */
export function requireBroker(t: TestContext): string | null {
  const address = brokerAddress();
  if (address !== null) return address;
  const reason = `${ENV} is not set; run \`npm test\` (scripts/test.sh), which starts a local broker when Java and Maven are present`;
  if (process.env.CI === 'true') throw new Error(`integration test cannot run in CI: ${reason}`);
  t.skip(reason);
  return null;
}

/**
 * Resolves once the broker answers a metadata request (list topics), retrying until `timeoutMs`;
 * rejects naming the address and the last error when it does not.
 */
export async function waitForBroker(timeoutMs: number, address: string | null = brokerAddress()): Promise<void> {
  if (address === null) throw new Error(`${ENV} is not set; no broker to wait for`);
  const kafka = new Kafka({
    clientId: 'streamgen-test-wait',
    brokers: [address],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    requestTimeout: 3000,
    retry: { retries: 0 },
  });
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    const admin = kafka.admin();
    try {
      await admin.connect();
      await admin.listTopics();
      return;
    } catch (err) {
      lastError = err;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    // Polling a server we do not control: there is no event to wait on before it listens.
    await delay(250);
  }
  const detail = lastError instanceof Error ? lastError.message : String(lastError);
  throw new Error(`broker ${address} did not answer within ${timeoutMs} ms: ${detail} (see .kafka/kafka.log)`);
}
