import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SinkStats } from '../../src/sinks/sink.js';
import { fixtureRecord, FIXTURE_TOPICS, RECORDS_PER_BATCH } from './fixtures/stdout-records.js';

const WRITER = fileURLToPath(new URL('./fixtures/stdout-writer.js', import.meta.url));

interface ChildRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stats: SinkStats;
}

/** Runs the fixture to completion, reading all of its stdout. */
function runWriter(args: readonly string[]): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => { err += b.toString(); });
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stats: JSON.parse(err.trim().split('\n').pop() ?? '') as SinkStats });
      } catch (e) {
        reject(new Error(`fixture exited ${code}: ${err}`, { cause: e }));
      }
    });
  });
}

for (const thread of ['main', 'worker']) {
  for (const wrap of [false, true]) {
    test(`stdout sink from the ${thread} thread (wrap ${wrap}) writes one line per record, each the value${wrap ? ' wrapped with topic, key and timestamp' : ' exactly'}`, async () => {
      const batches = 3;
      const run = await runWriter([wrap ? 'wrap' : 'plain', String(batches), thread]);
      assert.equal(run.code, 0);
      const lines = run.stdout.split('\n');
      assert.equal(lines.pop(), '', 'output ends with a newline');
      const n = batches * RECORDS_PER_BATCH;
      assert.equal(lines.length, n);
      let valueBytes = 0;
      for (const [i, line] of lines.entries()) {
        const r = fixtureRecord(i);
        valueBytes += Buffer.byteLength(r.value);
        if (wrap) {
          // The value is embedded as JSON, not as a string holding JSON.
          assert.deepEqual(JSON.parse(line), { topic: FIXTURE_TOPICS[r.topic], key: r.key, timestamp: r.timestampMs, value: JSON.parse(r.value) });
        } else {
          assert.equal(line, r.value);
        }
      }
      assert.equal(run.stats.records, n);
      assert.equal(run.stats.acked, n);
      assert.equal(run.stats.failed, 0);
      assert.equal(run.stats.bytes, valueBytes, 'bytes are the UTF-8 bytes of the values');
      assert.equal(run.stats.topics.events.acked + run.stats.topics['cdc.users'].acked, n);
      assert.deepEqual(run.stats.topics.events.partitions, {});
    });
  }
}
