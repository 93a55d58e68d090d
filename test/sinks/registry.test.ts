import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RecordBatch } from '../../src/encoding/record-batch.js';
import { StreamgenError } from '../../src/errors.js';
import { loadSink, sinkNames } from '../../src/sinks/index.js';
import { isSink, type SinkConfig } from '../../src/sinks/sink.js';

const config: SinkConfig = { name: 'null', outDir: '.', gzip: false, fileNaming: 'parts', wrap: false, kafka: {} as SinkConfig['kafka'] };
const topics = [{ name: 'events', partitions: 3 }, { name: 'cdc', partitions: 1 }];

test('the registry names null, stdout, files and kafka, and builds a Sink for each local one', async () => {
  assert.deepEqual([...sinkNames].sort(), ['files', 'kafka', 'null', 'stdout']);
  for (const name of ['null', 'stdout', 'files']) {
    const factory = await loadSink(name);
    assert.ok(isSink(factory({ writerId: 'w0', topics, config: { ...config, name } })), name);
  }
});

test('an unknown sink name is SG_ERR_CONFIG_ENUM listing the valid names and what was received', async () => {
  for (const name of ['kafak', '', 'constructor', '__proto__']) {
    await assert.rejects(loadSink(name), (err: unknown) => {
      assert.ok(err instanceof StreamgenError);
      assert.equal(err.code, 'SG_ERR_CONFIG_ENUM');
      assert.equal(err.toLine(), `streamgen: --sink must be one of null, stdout, files, kafka; got ${JSON.stringify(name)} [SG_ERR_CONFIG_ENUM]`);
      return true;
    });
  }
});

test('the null sink counts records, value bytes and per-topic acks, and its stats are a copy', async () => {
  const sink = (await loadSink('null'))({ writerId: 'w0', topics, config });
  await sink.open();
  const batch = new RecordBatch(['events', 'cdc'], 4);
  for (let i = 0; i < 10; i++) batch.push(i % 5 === 0 ? 1 : 0, `k${i}`, `{"i":${i}}`, 0);
  await sink.write(batch);
  await sink.write(batch);
  const stats = sink.stats();
  // Values {"i":0}…{"i":9} are 7 characters each, written twice.
  assert.deepEqual(stats, {
    records: 20, bytes: 140, acked: 20, failed: 0, retried: 0,
    topics: { events: { acked: 16, failed: 0, partitions: {} }, cdc: { acked: 4, failed: 0, partitions: {} } },
  });
  stats.topics.events.acked = -1;
  assert.equal(sink.stats().topics.events.acked, 16);
  await sink.flush();
  await sink.close();
  await sink.close();
});
