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
const STALL_MS = 5_000;

/** Pid of the local broker scripts/kafka-up.sh started (its KAFKA_STATE_DIR comes from the environment). */
function brokerPid(): number {
  return Number(execFileSync('bash', ['-c', 'source scripts/kafka-common.sh && kafka_running_pid'], { cwd: repo, encoding: 'utf8' }).trim());
}

test('a broker paused mid-run and resumed within the retry window loses no acknowledged record', { timeout: 300_000 }, async (t) => {
  const broker = requireBroker(t);
  if (broker === null) return;
  await waitForBroker(60_000, broker);
  const pid = brokerPid();
  const kafka = new kafkajs.Kafka({ clientId: 'streamgen-stall', brokers: [broker], logLevel: kafkajs.logLevel.NOTHING });
  await freshContentTopics(kafka);
  const admin = kafka.admin();
  await admin.connect();
  const dir = mkdtempSync(join(tmpdir(), 'streamgen-stall-'));
  let paused = false;
  try {
    // Real clock, 2,000 events/s for 15 s; requests time out after 4 s and are retried up to 20 times.
    const child = spawn(process.execPath, [CLI, 'run', '--sink', 'kafka', '--brokers', broker, '--clock', 'real', '--rate', '2000', '--duration', '15s',
      '--request-timeout-ms', '4000', '--retries', '20', '--workers', '1', '--knob', 'users=2000', '--knob', 'videos=1000',
      '--report', join(dir, 'report.json'), '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    // Pause once events are in the log (synchronised on the broker's offsets, not on a sleep).
    const produced = async (): Promise<number> => {
      // Until the run has created the topic and its leaders are elected, the offsets are not there yet.
      const offsets = await admin.fetchTopicOffsets('content_events').catch(() => []);
      return offsets.reduce((s, p) => s + Number(p.high), 0);
    };
    while ((await produced()) === 0) await delay(100);
    process.kill(pid, 'SIGSTOP');
    paused = true;
    await delay(STALL_MS); // the length of the fault, not a synchronisation
    process.kill(pid, 'SIGCONT');
    paused = false;
    assert.equal(await exited, 0, stderr);

    await assertEveryAckedEventInLog(kafka, join(dir, 'report.json'), t);
  } finally {
    if (paused) process.kill(pid, 'SIGCONT');
    await admin.disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
});
