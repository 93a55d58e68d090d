import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { registerLz4Codec } from '../../src/sinks/kafka/lz4-codec.js';
import { RecordBatchWriter, type BatchCompression } from '../../src/sinks/kafka/protocol/record-batch.js';

/** kafkajs's own RecordBatch (magic v2) encoder and decoder, the reference our bytes are held to. */
interface KafkajsEncoder {
  readonly buffer: Buffer;
}
interface KafkajsDecodedRecord {
  readonly key: Buffer;
  readonly value: Buffer;
  readonly timestamp: string;
  readonly offset: string;
}
const require = createRequire(import.meta.url);
const { RecordBatch } = require('kafkajs/src/protocol/recordBatch/v0/index.js') as {
  RecordBatch: (options: object) => Promise<KafkajsEncoder>;
};
const Record = require('kafkajs/src/protocol/recordBatch/record/v0/index.js') as (options: object) => KafkajsEncoder;
const decodeRecordBatch = require('kafkajs/src/protocol/recordBatch/v0/decoder.js') as (decoder: object) => Promise<{
  records: KafkajsDecodedRecord[];
  firstTimestamp: string;
  maxTimestamp: string;
}>;
const Decoder = require('kafkajs/src/protocol/decoder.js') as new (buffer: Buffer) => object;
const Long = require('kafkajs/src/utils/long.js') as { fromValue(v: number): object };

registerLz4Codec();

interface Sample {
  readonly key: string;
  readonly value: string;
  readonly timestamp: number;
}

const BASE_TS = 1_735_689_600_000;

/**
 * Fixed records that reach every branch of the encoder: ASCII and multi-byte UTF-8 (including a surrogate pair),
 * an empty key, a value over 8,191 bytes (3-byte length varints), a timestamp before the first (negative delta)
 * and one 2^31 ms later (a varlong past the int32 fast path).
 */
const SAMPLES: readonly Sample[] = [
  { key: 'v_1', value: '{"event_id":"a","n":1}', timestamp: BASE_TS },
  { key: 'v_22', value: '{"title":"naïve — 日本 \\"q\\" 🎬"}', timestamp: BASE_TS + 5 },
  { key: '', value: '{}', timestamp: BASE_TS + 7 },
  { key: 'ключ', value: 'x'.repeat(9000), timestamp: BASE_TS - 3 },
  { key: 'v_4', value: `{"pad":"${'é'.repeat(2000)}"}`, timestamp: BASE_TS + 2 ** 31 },
  ...Array.from({ length: 60 }, (_, i) => ({ key: `v_${i % 9}`, value: `{"event_id":"e-${i}","watch_time_ms":${i * 37}}`, timestamp: BASE_TS + 10 + i })),
];

function encodeOurs(samples: readonly Sample[], compression: BatchCompression, writer = new RecordBatchWriter(64)): Buffer {
  for (const s of samples) writer.append(s.key, s.value, s.timestamp);
  return writer.finish(compression);
}

/** The same batch through kafkajs, with the header fields a non-idempotent Java producer writes. */
async function encodeKafkajs(samples: readonly Sample[]): Promise<Buffer> {
  const first = samples[0].timestamp;
  const records = samples.map((s, i) => Record({ key: Buffer.from(s.key), value: Buffer.from(s.value), offsetDelta: i, timestampDelta: s.timestamp - first }));
  const batch = await RecordBatch({
    records,
    firstTimestamp: first,
    maxTimestamp: Math.max(...samples.map((s) => s.timestamp)),
    partitionLeaderEpoch: -1,
    producerId: Long.fromValue(-1),
    producerEpoch: -1,
    firstSequence: -1,
    lastOffsetDelta: records.length - 1,
  });
  return batch.buffer;
}

test('an uncompressed batch is byte for byte what kafkajs encodes for the same records and header fields', async () => {
  assert.deepEqual(encodeOurs(SAMPLES, 'none'), await encodeKafkajs(SAMPLES));
});

test('a reused writer encodes its next batch exactly as a fresh writer does', async () => {
  const writer = new RecordBatchWriter(64);
  encodeOurs(SAMPLES, 'lz4', writer);
  const second = SAMPLES.slice(5, 40);
  assert.deepEqual(encodeOurs(second, 'none', writer), await encodeKafkajs(second));
});

test('append returns the UTF-8 byte length of each value', () => {
  const writer = new RecordBatchWriter(64);
  for (const s of SAMPLES) assert.equal(writer.append(s.key, s.value, s.timestamp), Buffer.byteLength(s.value));
});

for (const compression of ['lz4', 'gzip', 'none'] as const) {
  test(`a ${compression} batch decodes through kafkajs back to the same keys, values, timestamps and offsets`, async () => {
    const batch = encodeOurs(SAMPLES, compression);
    const decoded = await decodeRecordBatch(new Decoder(batch));
    assert.equal(decoded.records.length, SAMPLES.length);
    assert.equal(decoded.firstTimestamp, String(BASE_TS));
    assert.equal(decoded.maxTimestamp, String(BASE_TS + 2 ** 31));
    decoded.records.forEach((r, i) => {
      assert.equal(r.key.toString(), SAMPLES[i].key);
      assert.equal(r.value.toString(), SAMPLES[i].value);
      assert.equal(r.timestamp, String(SAMPLES[i].timestamp));
      assert.equal(r.offset, String(i));
    });
    // Attributes bits 0-2 name the codec: none 0, gzip 1, lz4 3.
    assert.equal(batch.readInt16BE(21), { none: 0, gzip: 1, lz4: 3 }[compression]);
  });
}
