import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SinkStats } from '../../src/sinks/sink.js';
import { RECORDS_PER_BATCH } from './fixtures/stdout-records.js';

const WRITER = fileURLToPath(new URL('./fixtures/stdout-writer.js', import.meta.url));
// 400 batches of ~50-byte lines, ~10 MB: far more than a pipe buffers, so the writer meets the closed pipe.
const BATCHES = 400;

for (const thread of ['main', 'worker']) {
  test(`stdout sink from the ${thread} thread stops quietly when the reader goes away (| head -n 1) and counts the rest as failed`, async () => {
    const child = spawn(process.execPath, [WRITER, 'plain', String(BATCHES), thread], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (b: Buffer) => { err += b.toString(); });
    // Like `head -n 1`: read the first chunk, then close our end of the pipe.
    let first = '';
    child.stdout.once('data', (b: Buffer) => {
      first = b.toString();
      child.stdout.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 0, err);
    assert.ok(first.startsWith('{"n":0,'), first.slice(0, 40));
    const stats = JSON.parse(err.trim().split('\n').pop() ?? '') as SinkStats;
    const total = BATCHES * RECORDS_PER_BATCH;
    assert.equal(stats.records, total);
    assert.equal(stats.acked + stats.failed, total);
    assert.ok(stats.failed > 0, 'records after the close count as failed');
    assert.equal(stats.topics.events.failed + stats.topics['cdc.users'].failed, stats.failed);
  });
}
