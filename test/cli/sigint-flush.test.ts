import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { CLI, readOutput } from '../support/cli.js';

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  test(`${signal} ends an unbounded real-clock run with everything flushed and reported`, { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'streamgen-signal-'));
    try {
      const out = join(dir, 'out');
      const child = spawn(process.execPath, [CLI, 'run', '--clock', 'real', '--rate', '3000', '--sink', 'files', '--out', out, '--report', join(dir, 'r.json'), '--quiet'],
        { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      // Signal once events are being written (synchronised on the output, not on a sleep).
      while (!existsSync(join(out, 'content_events'))) await delay(50);
      child.kill(signal);
      assert.equal(await exited, 0, stderr);
      const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as { interrupted: boolean; failed: number; topics: Record<string, { acked: number }> };
      assert.equal(report.interrupted, true);
      assert.equal(report.failed, 0);
      const written = readOutput(out);
      for (const [topic, lines] of written) {
        assert.equal(lines.length, report.topics[topic].acked, `${topic}: lines on disk = acked`);
        for (const line of lines) JSON.parse(line);
      }
      assert.ok((written.get('content_events') ?? []).length > 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
