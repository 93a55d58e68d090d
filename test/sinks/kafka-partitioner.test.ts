import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { murmur2, toPositive } from '../../src/sinks/kafka/murmur2.js';
import { partitionForKey, partitionForKeyBytes } from '../../src/sinks/kafka/partitioner.js';
import { isStreamgenError } from '../../src/errors.js';

// Golden vectors from Kafka's Java client, not from this code: infra/kafka/vectors/Murmur2Vectors.java
// run against kafka-clients 3.9.1 (Utils.murmur2 and BuiltInPartitioner.partitionForKey);
// regenerate with `make murmur2-vectors`.
interface Hashes {
  murmur2: number;
  partitions: Record<string, number>;
}
interface Vectors {
  source: string;
  partitionCounts: number[];
  keys: Array<Hashes & { key: string }>;
  bytes: Array<Hashes & { hex: string }>;
}

// Read from the source tree: tsc does not copy JSON into dist/.
const fixture = fileURLToPath(new URL('../../../test/fixtures/murmur2-vectors.json', import.meta.url));
const vectors = JSON.parse(readFileSync(fixture, 'utf8')) as Vectors;

test('the fixture holds the keys the spec partitions by, plus edge cases', () => {
  const keys = new Set(vectors.keys.map((v) => v.key));
  for (const key of ['v_1', 'v_999', 'v_1023', 'u_8812', '', '日本語']) assert.ok(keys.has(key), key);
  assert.ok(vectors.keys.some((v) => v.key.length > 256), 'a key longer than the scratch buffer');
  assert.deepEqual(vectors.partitionCounts, [6, 12, 20]);
});

test('murmur2 of each key\'s UTF-8 bytes equals Java Utils.murmur2', () => {
  for (const v of vectors.keys) {
    assert.equal(murmur2(Buffer.from(v.key, 'utf8')), v.murmur2, JSON.stringify(v.key));
  }
});

test('murmur2 of raw bytes with high bits in every tail length equals Java Utils.murmur2', () => {
  for (const v of vectors.bytes) {
    assert.equal(murmur2(Uint8Array.from(Buffer.from(v.hex, 'hex'))), v.murmur2, v.hex);
  }
});

test('partitionForKey places every key where Java\'s default partitioner does for 6, 12 and 20 partitions', () => {
  for (const v of vectors.keys) {
    for (const n of vectors.partitionCounts) {
      assert.equal(partitionForKey(v.key, n), v.partitions[String(n)], `${JSON.stringify(v.key)} over ${n}`);
    }
  }
});

test('partitionForKeyBytes agrees with Java for serialised keys', () => {
  for (const v of vectors.bytes) {
    for (const n of vectors.partitionCounts) {
      assert.equal(partitionForKeyBytes(Buffer.from(v.hex, 'hex'), n), v.partitions[String(n)], `${v.hex} over ${n}`);
    }
  }
});

test('murmur2 hashes only the first length bytes when a length is given', () => {
  const padded = Buffer.from('v_1023-and-more', 'utf8');
  assert.equal(murmur2(padded, 'v_1023'.length), murmur2(Buffer.from('v_1023', 'utf8')));
});

test('toPositive clears the sign bit as Java does, unlike Math.abs', () => {
  assert.equal(toPositive(-1), 0x7fffffff);
  assert.equal(toPositive(-2147483648), 0);
  assert.equal(toPositive(12345), 12345);
});

test('a partition count that is not a positive integer is an internal error', () => {
  for (const n of [0, -3, 1.5, Number.NaN]) {
    assert.throws(() => partitionForKey('v_1', n), (err: unknown) => isStreamgenError(err) && err.code === 'SG_ERR_INTERNAL');
  }
});
