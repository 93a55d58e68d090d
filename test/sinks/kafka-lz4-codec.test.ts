import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeLz4Frame, encodeLz4Frame } from '../../src/sinks/kafka/lz4-codec.js';

/** Deterministic bytes with the given share of repetition, so some blocks compress and some are stored raw. */
function sampleBytes(length: number, seed: number): Buffer {
  const out = Buffer.allocUnsafe(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

function javaContent(): Buffer {
  const bytes = Array.from({ length: 256 }, (_, i) => i);
  return Buffer.concat([Buffer.from('streamgen lz4 frame from Java '.repeat(40)), Buffer.from(bytes)]);
}

// Frames written by Kafka's Java client (kafka-clients 3.9.1, org.apache.kafka.common.compress.Lz4BlockOutputStream
// with BLOCKSIZE_64KB, level 9, useBrokenFlagDescriptorChecksum=false) from javaContent() above; the first without
// and the second with block checksums.
const JAVA_FRAME =
  '04224d1860408229010000ff0f73747265616d67656e206c7a34206672616d652066726f6d204a617661201e00ffffff' +
  'ff83f0f1000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b' +
  '2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b' +
  '5c5d5e5f606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485868788898a8b' +
  '8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babb' +
  'bcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaeb' +
  'ecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff00000000';
const JAVA_FRAME_BLOCK_CHECKSUMS =
  '04224d187040ad29010000ff0f73747265616d67656e206c7a34206672616d652066726f6d204a617661201e00ffffff' +
  'ff83f0f1000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b' +
  '2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b' +
  '5c5d5e5f606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485868788898a8b' +
  '8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babb' +
  'bcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaeb' +
  'ecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff1a8e516900000000';

test('frames round-trip for empty, small, multi-block and incompressible input', () => {
  const json = Buffer.from('{"event_id":"e","video_id":"v_17","watch_time_ms":1200}'.repeat(4000));
  const inputs = [Buffer.alloc(0), Buffer.from('x'), json, sampleBytes(200_000, 7), Buffer.concat([json, sampleBytes(70_000, 9)])];
  for (const input of inputs) assert.deepEqual(decodeLz4Frame(encodeLz4Frame(input)), input, `length ${input.length}`);
});

test('our frames carry the header the Java client writes: magic, FLG 0x60, BD 0x40, checksum 0x82', () => {
  const frame = encodeLz4Frame(Buffer.from('hello kafka'));
  assert.equal(frame.subarray(0, 7).toString('hex'), JAVA_FRAME.slice(0, 14));
  assert.equal(frame.subarray(0, 7).toString('hex'), '04224d18604082');
  assert.equal(frame.readUInt32LE(frame.length - 4), 0, 'end mark');
});

test('compressible JSON shrinks and incompressible bytes grow by no more than the framing', () => {
  const json = Buffer.from('{"event_type":"play_start","video_id":"v_42"}'.repeat(2000));
  assert.ok(encodeLz4Frame(json).length < json.length / 4);
  const noise = sampleBytes(150_000, 3);
  // 3 blocks of 64 KiB at most: 7 header + 3 × 4 size words + 4 end mark.
  assert.ok(encodeLz4Frame(noise).length <= noise.length + 7 + 3 * 4 + 4);
});

test('frames written by the Java client decode to their content, with and without block checksums', () => {
  assert.deepEqual(decodeLz4Frame(Buffer.from(JAVA_FRAME, 'hex')), javaContent());
  assert.deepEqual(decodeLz4Frame(Buffer.from(JAVA_FRAME_BLOCK_CHECKSUMS, 'hex')), javaContent());
});

test('corrupt frames are rejected, never decoded to wrong bytes', () => {
  const frame = Buffer.from(JAVA_FRAME_BLOCK_CHECKSUMS, 'hex');
  const badMagic = Buffer.from(frame);
  badMagic[0] ^= 1;
  assert.throws(() => decodeLz4Frame(badMagic), /bad magic/);
  const badHeader = Buffer.from(frame);
  badHeader[6] ^= 1;
  assert.throws(() => decodeLz4Frame(badHeader), /header checksum/);
  const badBlock = Buffer.from(frame);
  badBlock[20] ^= 1;
  assert.throws(() => decodeLz4Frame(badBlock), /checksum|corrupt/);
  assert.throws(() => decodeLz4Frame(frame.subarray(0, frame.length - 2)), /truncated/);
});
