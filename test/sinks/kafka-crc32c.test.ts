import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crc32c } from '../../src/sinks/kafka/protocol/crc32c.js';

/** Bit-at-a-time CRC-32C straight from the definition, to check the table-driven one against. */
function referenceCrc32c(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

test('crc32c matches the RFC 3720 appendix B.4 vectors and the "123456789" check value', () => {
  const ascending = Uint8Array.from({ length: 32 }, (_, i) => i);
  const descending = Uint8Array.from({ length: 32 }, (_, i) => 31 - i);
  assert.equal(crc32c(new Uint8Array(32)), 0x8a9136aa);
  assert.equal(crc32c(new Uint8Array(32).fill(0xff)), 0x62a8ab43);
  assert.equal(crc32c(ascending), 0x46dd794e);
  assert.equal(crc32c(descending), 0x113fdb5c);
  assert.equal(crc32c(Buffer.from('123456789')), 0xe3069283);
  assert.equal(crc32c(new Uint8Array(0)), 0);
});

test('crc32c over a range equals the bit-by-bit CRC of that slice, for every length 0-40 and start 0-9', () => {
  const data = Uint8Array.from({ length: 64 }, (_, i) => (i * 131 + 7) & 0xff);
  for (let start = 0; start < 10; start++) {
    for (let length = 0; length <= 40; length++) {
      const end = start + length;
      assert.equal(crc32c(data, start, end), referenceCrc32c(data.subarray(start, end)), `start ${start}, length ${length}`);
    }
  }
});
