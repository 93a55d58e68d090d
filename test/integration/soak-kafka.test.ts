import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import type { SoakReport } from '../../src/cli/commands/soak.js';
import { CLI } from '../support/cli.js';
import { requireBroker, waitForBroker } from './broker.js';

// The telemetry domain: the content integration tests delete and recreate the content topics while they run,
// and end-offset deltas only reconcile on topics no one else writes to at the same time.
test('streamgen soak --sink kafka for 20 s at 2,000/s reconciles every acked record with the broker end offsets', { timeout: 180_000 }, async (t) => {
  const broker = requireBroker(t);
  if (broker === null) return;
  await waitForBroker(60_000, broker);
  const dir = mkdtempSync(join(tmpdir(), 'streamgen-soak-'));
  try {
    const child = spawn(process.execPath, [CLI, 'soak', '--sink', 'kafka', '--brokers', broker, '--domain', 'telemetry', '--duration', '20s',
      '--rate', '2000', '--workers', '2', '--quiet', '--report', join(dir, 'soak.json'), '--stats-json', join(dir, 'stats.jsonl')],
    { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const kill = setTimeout(() => child.kill('SIGKILL'), 150_000);
    const [code] = (await once(child, 'exit')) as [number | null];
    clearTimeout(kill);
    // Exit 0 (every SLO held) or 1 (some SLO failed on this machine); never a crash or bad input.
    assert.ok(code === 0 || code === 1, `exit ${code}: ${stderr}`);
    assert.match(stdout, /^soak (PASSED|FAILED): 2000\/s for 20 s on the kafka sink$/m);
    const report = JSON.parse(readFileSync(join(dir, 'soak.json'), 'utf8')) as SoakReport;
    assert.equal(report.pass, code === 0);
    const byName = Object.fromEntries(report.slos.map((s) => [s.name, s]));
    assert.equal(byName['broker reconciliation'].status, 'pass', byName['broker reconciliation'].measured);
    assert.equal(byName['failed records'].status, 'pass', byName['failed records'].measured);
    assert.ok(report.reconciliation !== null && report.reconciliation.length > 0);
    for (const r of report.reconciliation) assert.ok(r.after - r.before >= r.acked, `${r.topic}: broker grew by ${r.after - r.before}, acked ${r.acked}`);
    assert.ok(report.run.latencyMs !== null && report.run.latencyMs.count > 0, 'produce latency was measured');
    // Generous: 20 s at 2,000/s is 40,000 main records (exact on the real clock); the achieved mean within ±25%.
    assert.ok(Math.abs(report.run.mainRecords - 40_000) <= 64, `${report.run.mainRecords} main records`);
    assert.ok(Math.abs(report.run.achievedPerSec / 2000 - 1) <= 0.25, `achieved ${report.run.achievedPerSec}/s`);
    const windows = readFileSync(join(dir, 'stats.jsonl'), 'utf8').trim().split('\n');
    assert.ok(windows.length >= 10, `${windows.length} one-second windows`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
