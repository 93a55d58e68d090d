import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';
import kafkajs from 'kafkajs';
import { registerLz4Codec } from '../../src/sinks/kafka/lz4-codec.js';
import { CLI } from '../support/cli.js';
import { requireBroker, waitForBroker } from './broker.js';
import { assertEveryAckedEventInLog, freshContentTopics } from './content-topics.js';

registerLz4Codec();

const repo = fileURLToPath(new URL('../../..', import.meta.url));

/** Stop or start the local broker on its kept log (KAFKA_STATE_DIR/KAFKA_PORT come from the environment). */
function broker(action: 'down' | 'up'): void {
  execFileSync('bash', [`scripts/kafka-${action}.sh`], { cwd: repo, env: { ...process.env, KAFKA_KEEP_DATA: '1' }, stdio: 'ignore', timeout: 120_000 });
}

test('a broker stopped mid-run and restarted within the retry window loses no acknowledged record', { timeout: 400_000 }, async (t) => {
  const address = requireBroker(t);
  if (address === null) return;
  await waitForBroker(60_000, address);
  const kafka = new kafkajs.Kafka({ clientId: 'streamgen-restart', brokers: [address], logLevel: kafkajs.logLevel.NOTHING });
  await freshContentTopics(kafka);
  const dir = mkdtempSync(join(tmpdir(), 'streamgen-restart-'));
  let stopped = false;
  try {
    // Real clock, 2,000 events/s for 20 s; requests time out after 4 s and are retried up to 30 times (backoff ≤ 5 s).
    const child = spawn(process.execPath, [CLI, 'run', '--sink', 'kafka', '--brokers', address, '--clock', 'real', '--rate', '2000', '--duration', '20s',
      '--request-timeout-ms', '4000', '--retries', '30', '--workers', '1', '--knob', 'users=2000', '--knob', 'videos=1000',
      '--report', join(dir, 'report.json'), '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const admin = kafka.admin();
    await admin.connect();
    const produced = async (): Promise<number> => (await admin.fetchTopicOffsets('content_events').catch(() => [])).reduce((s, p) => s + Number(p.high), 0);
    while ((await produced()) === 0) await delay(100);
    await admin.disconnect();
    broker('down');
    stopped = true;
    broker('up'); // waits until the broker answers again
    stopped = false;
    assert.equal(await exited, 0, stderr);

    await assertEveryAckedEventInLog(kafka, join(dir, 'report.json'), t);
  } finally {
    if (stopped) broker('up');
    rmSync(dir, { recursive: true, force: true });
  }
});
