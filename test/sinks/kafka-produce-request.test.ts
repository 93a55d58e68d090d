import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { createProduceRequest, decodeProduceResponse, encodeProduceBody } from '../../src/sinks/kafka/protocol/produce-request.js';

/** kafkajs's wire reader and writer, so the layout is checked by code other than ours. */
interface KafkajsDecoder {
  readString(): string | null;
  readInt16(): number;
  readInt32(): number;
  readBytes(length: number): Buffer;
  canReadBytes(length: number): boolean;
}
interface KafkajsEncoder {
  writeInt16(v: number): KafkajsEncoder;
  writeInt32(v: number): KafkajsEncoder;
  writeInt64(v: number): KafkajsEncoder;
  writeString(v: string): KafkajsEncoder;
  writeArray(items: KafkajsEncoder[]): KafkajsEncoder;
  readonly buffer: Buffer;
}
const require = createRequire(import.meta.url);
const Decoder = require('kafkajs/src/protocol/decoder.js') as new (buffer: Buffer) => KafkajsDecoder;
const Encoder = require('kafkajs/src/protocol/encoder.js') as new () => KafkajsEncoder;
const v3Response = require('kafkajs/src/protocol/requests/produce/v3/response.js') as {
  decode(payload: Buffer): Promise<{ topics: Array<{ topicName: string; partitions: Array<{ partition: number; errorCode: number }> }>; throttleTime: number }>;
};

const TOPICS = [
  { topic: 'content_events', partitions: [{ partition: 3, batch: Buffer.from('batch-three') }, { partition: 0, batch: Buffer.from('b0') }] },
  { topic: 'cdc.users.profiles', partitions: [{ partition: 5, batch: Buffer.from([1, 2, 3, 4, 5]) }] },
];

test('a Produce v3 body reads back field by field with kafkajs\'s decoder: null transactional id, acks, timeout, topics, partitions, record sets', () => {
  const d = new Decoder(encodeProduceBody({ acks: -1, timeoutMs: 30_000, topics: TOPICS }));
  assert.equal(d.readString(), null);
  assert.equal(d.readInt16(), -1);
  assert.equal(d.readInt32(), 30_000);
  assert.equal(d.readInt32(), TOPICS.length);
  for (const t of TOPICS) {
    assert.equal(d.readString(), t.topic);
    assert.equal(d.readInt32(), t.partitions.length);
    for (const p of t.partitions) {
      assert.equal(d.readInt32(), p.partition);
      const size = d.readInt32();
      assert.deepEqual(d.readBytes(size), p.batch);
    }
  }
  assert.equal(d.canReadBytes(1), false, 'nothing after the last record set');
});

test('the request object carries Produce (key 0) v3, and expects a response unless acks=0', async () => {
  const request = createProduceRequest({ acks: 1, timeoutMs: 5000, topics: TOPICS });
  assert.equal(request.apiKey, 0);
  assert.equal(request.apiVersion, 3);
  assert.equal(request.expectResponse(), true);
  assert.equal(createProduceRequest({ acks: 0, timeoutMs: 5000, topics: TOPICS }).expectResponse(), false);
  const body = await request.encode();
  assert.deepEqual(body.buffer, encodeProduceBody({ acks: 1, timeoutMs: 5000, topics: TOPICS }));
  assert.equal(body.size(), body.buffer.length);
});

test('a Produce v3 response decodes to the same per-partition error codes as kafkajs\'s v3 decoder reads', async () => {
  const partition = (p: number, errorCode: number): KafkajsEncoder =>
    new Encoder().writeInt32(p).writeInt16(errorCode).writeInt64(p * 100).writeInt64(-1);
  const payload = new Encoder()
    .writeArray([
      new Encoder().writeString('content_events').writeArray([partition(3, 0), partition(0, 10)]),
      new Encoder().writeString('cdc.users.profiles').writeArray([partition(5, 3)]),
    ])
    .writeInt32(7).buffer;
  const ours = decodeProduceResponse(payload);
  const theirs = await v3Response.decode(payload);
  assert.equal(ours.throttleTimeMs, theirs.throttleTime);
  assert.deepEqual(
    ours.results,
    theirs.topics.flatMap((t) => t.partitions.map((p) => ({ topic: t.topicName, partition: p.partition, errorCode: p.errorCode }))),
  );
  assert.deepEqual(ours.results.map((r) => r.errorCode), [0, 10, 3]);
});
