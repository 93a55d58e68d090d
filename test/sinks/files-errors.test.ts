import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordBatch } from '../../src/encoding/record-batch.js';
import { StreamgenError } from '../../src/errors.js';
import type { SinkConfig } from '../../src/sinks/sink.js';
import { createFilesSink } from '../../src/sinks/files/index.js';

const topics = [{ name: 'events', partitions: 1 }];

function config(outDir: string, gzip: boolean): SinkConfig {
  return { name: 'files', outDir, gzip, fileNaming: 'parts', wrap: false, kafka: {} as SinkConfig['kafka'] };
}

test('an out dir under a regular file fails open with SG_ERR_OUT_UNWRITABLE naming the path and the OS reason', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'streamgen-unwritable-'));
  try {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const outDir = join(file, 'out');
    const sink = createFilesSink({ writerId: 'w0', topics, config: config(outDir, false) });
    await assert.rejects(sink.open(), (err: unknown) => {
      assert.ok(err instanceof StreamgenError);
      assert.equal(err.code, 'SG_ERR_OUT_UNWRITABLE');
      assert.equal(err.exitCode, 2);
      assert.ok(err.message.includes(outDir), err.message);
      assert.match(err.message, /not a directory \(ENOTDIR\)/);
      return true;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

for (const gzip of [false, true]) {
  test(`a full disk (part file on /dev/full, gzip ${gzip}) surfaces as SG_ERR_SINK_WRITE and close still ends`, { skip: !existsSync('/dev/full') }, async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'streamgen-full-'));
    try {
      const hourDir = join(outDir, 'events', 'year=2026', 'month=02', 'day=07', 'hour=10');
      mkdirSync(hourDir, { recursive: true });
      symlinkSync('/dev/full', join(hourDir, `part-w0.jsonl${gzip ? '.gz' : ''}`));
      const sink = createFilesSink({ writerId: 'w0', topics, config: config(outDir, gzip) });
      await sink.open();
      const batch = new RecordBatch(['events'], 16);
      for (let i = 0; i < 1000; i++) batch.push(0, `k${i}`, `{"i":${i}}`, Date.UTC(2026, 1, 7, 10, 5));
      const isWriteError = (err: unknown): boolean => err instanceof StreamgenError && err.code === 'SG_ERR_SINK_WRITE' && /ENOSPC/.test(err.message);
      await assert.rejects(async () => {
        await sink.write(batch);
        await sink.flush();
      }, isWriteError);
      await assert.rejects(sink.write(batch), isWriteError);
      await assert.rejects(sink.close(), isWriteError);
      assert.ok(sink.stats().failed >= 1000);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
}
