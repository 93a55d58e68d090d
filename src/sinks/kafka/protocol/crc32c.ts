/**
 * CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the checksum of a Kafka RecordBatch (magic v2) over
 * its bytes from `attributes` to the end. Slice-by-8: eight 256-entry tables let the loop consume 8 bytes per
 * step with table lookups only, several times faster in V8 than the byte-at-a-time loop.
 */

const POLY = 0x82f63b78;
const TABLES = buildTables();

function buildTables(): Uint32Array[] {
  const tables = Array.from({ length: 8 }, () => new Uint32Array(256));
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ POLY : c >>> 1;
    tables[0][n] = c >>> 0;
  }
  // tables[k][n]: the CRC contribution of byte n followed by k zero bytes.
  for (let n = 0; n < 256; n++) {
    let c = tables[0][n];
    for (let k = 1; k < 8; k++) {
      c = tables[0][c & 0xff] ^ (c >>> 8);
      tables[k][n] = c >>> 0;
    }
  }
  return tables;
}

/** CRC-32C of `data[start..end)`, as an unsigned 32-bit integer. */
export function crc32c(data: Uint8Array, start = 0, end = data.length): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = TABLES;
  let crc = 0xffffffff;
  let i = start;
  for (const stop = end - 8; i <= stop; i += 8) {
    const lo = crc ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
    crc =
      t7[lo & 0xff] ^
      t6[(lo >>> 8) & 0xff] ^
      t5[(lo >>> 16) & 0xff] ^
      t4[lo >>> 24] ^
      t3[data[i + 4]] ^
      t2[data[i + 5]] ^
      t1[data[i + 6]] ^
      t0[data[i + 7]];
  }
  for (; i < end; i++) crc = t0[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
