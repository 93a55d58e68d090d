import { gzipSync } from 'node:zlib';
import { encodeLz4Frame } from '../lz4-codec.js';
import { crc32c } from './crc32c.js';

/**
 * RecordBatch (magic v2), as DefaultRecordBatch in the Java client writes it for a producer that is neither
 * idempotent nor transactional:
 *
 * RecordBatch =>
 *   BaseOffset => INT64                 always 0; the broker assigns offsets
 *   Length => INT32                     bytes after this field
 *   PartitionLeaderEpoch => INT32       -1
 *   Magic => INT8                       2
 *   CRC => UINT32                       CRC-32C of Attributes..end
 *   Attributes => INT16                 bits 0-2 codec (0 none, 1 gzip, 3 lz4); bit 3 timestampType 0 (CreateTime)
 *   LastOffsetDelta => INT32            count - 1
 *   FirstTimestamp => INT64             timestamp of the first record
 *   MaxTimestamp => INT64
 *   ProducerId => INT64                 -1
 *   ProducerEpoch => INT16              -1
 *   BaseSequence => INT32               -1
 *   Records => count INT32, then [Record], compressed as a whole (count stays outside)
 *
 * Record =>
 *   Length => VARINT                    bytes after this field
 *   Attributes => INT8                  0
 *   TimestampDelta => VARLONG           timestamp - FirstTimestamp
 *   OffsetDelta => VARINT               index in the batch
 *   Key => VARINT length, then UTF-8 bytes
 *   Value => VARINT length, then UTF-8 bytes
 *   Headers => VARINT count             0
 *
 * VARINT/VARLONG are zigzag-encoded base-128 varints (as protobuf's sint32/sint64).
 */

/** Compression of the records section, by its name in the sink config. */
export type BatchCompression = 'none' | 'gzip' | 'lz4';

const CODEC_BITS: Readonly<Record<BatchCompression, number>> = { none: 0, gzip: 1, lz4: 3 };
const COMPRESS: Readonly<Record<BatchCompression, (records: Buffer) => Buffer>> = {
  none: (records) => records,
  gzip: (records) => gzipSync(records),
  lz4: encodeLz4Frame,
};

/** Bytes from BaseOffset through the record count. */
export const BATCH_HEADER_BYTES = 61;
const CRC_OFFSET = 17;
const ATTRIBUTES_OFFSET = 21;
/** A Length of BATCH_HEADER_BYTES - 12 covers PartitionLeaderEpoch through the record count. */
const LENGTH_BASE = BATCH_HEADER_BYTES - 12;
/** Per record beyond its strings' worst-case UTF-8 size: varints (≤ 5 + 10 + 5 + 5 + 5), attributes, headers. */
const RECORD_OVERHEAD_MAX = 32;
const TWO_32 = 2 ** 32;

/**
 * Accumulates the records of one partition, encoding each straight into one reused, growable buffer: no object
 * or Buffer per record. `finish` turns them into one RecordBatch and starts over with the same storage.
 */
export class RecordBatchWriter {
  private buf: Buffer;
  private pos = 0;
  private firstTimestampMs = 0;
  private maxTimestampMs = 0;
  /** Records appended since the last finish. */
  count = 0;

  constructor(initialBytes = 64 * 1024) {
    this.buf = Buffer.allocUnsafe(initialBytes);
  }

  /** Appends one record (timestamp in integer epoch ms); returns the UTF-8 size of its value. */
  append(key: string, value: string, timestampMs: number): number {
    if (this.count === 0) {
      this.firstTimestampMs = timestampMs;
      this.maxTimestampMs = timestampMs;
    } else if (timestampMs > this.maxTimestampMs) {
      this.maxTimestampMs = timestampMs;
    }
    const worst = this.pos + RECORD_OVERHEAD_MAX + 3 * (key.length + value.length);
    if (worst > this.buf.length) this.grow(worst);
    const buf = this.buf;
    const start = this.pos;
    const delta = timestampMs - this.firstTimestampMs;
    // The Length prefix comes first but is known last: write the body after a guess of its varint size (a lower
    // bound, from one UTF-8 byte per UTF-16 unit) and shift the body right in the rare case the guess is short.
    const guess = varintSize(2 * (6 + key.length + value.length));
    let p = start + guess;
    buf[p++] = 0;
    p = delta >= -0x40000000 && delta < 0x40000000 ? writeVarint(buf, p, delta) : writeVarlong(buf, p, delta);
    p = writeVarint(buf, p, this.count);
    p = writeString(buf, p, key);
    p = writeString(buf, p, value);
    const valueBytes = stringBytes;
    buf[p++] = 0;
    const body = p - start - guess;
    const lengthSize = varintSize(2 * body);
    if (lengthSize !== guess) {
      buf.copyWithin(start + lengthSize, start + guess, p);
      p += lengthSize - guess;
    }
    writeVarint(buf, start, body);
    this.pos = p;
    this.count++;
    return valueBytes;
  }

  /** The RecordBatch holding every record appended since the last finish, in a Buffer of its own; then resets. */
  finish(compression: BatchCompression): Buffer {
    const records = COMPRESS[compression](this.buf.subarray(0, this.pos));
    const out = Buffer.allocUnsafe(BATCH_HEADER_BYTES + records.length);
    out.writeInt32BE(0, 0);
    out.writeInt32BE(0, 4);
    out.writeInt32BE(LENGTH_BASE + records.length, 8);
    out.writeInt32BE(-1, 12);
    out[16] = 2;
    out.writeInt16BE(CODEC_BITS[compression], ATTRIBUTES_OFFSET);
    out.writeInt32BE(this.count - 1, 23);
    writeInt64(out, 27, this.firstTimestampMs);
    writeInt64(out, 35, this.maxTimestampMs);
    writeInt64(out, 43, -1);
    out.writeInt16BE(-1, 51);
    out.writeInt32BE(-1, 53);
    out.writeInt32BE(this.count, 57);
    records.copy(out, BATCH_HEADER_BYTES);
    out.writeUInt32BE(crc32c(out, ATTRIBUTES_OFFSET, out.length), CRC_OFFSET);
    this.pos = 0;
    this.count = 0;
    return out;
  }

  private grow(needed: number): void {
    let size = this.buf.length * 2;
    while (size < needed) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }
}

/** Bytes of the base-128 varint of a non-negative integer below 2^35. */
function varintSize(unsigned: number): number {
  if (unsigned < 0x80) return 1;
  if (unsigned < 0x4000) return 2;
  if (unsigned < 0x200000) return 3;
  if (unsigned < 0x10000000) return 4;
  return 5;
}

/** Writes zigzag varint of an int32 at `p`; returns the position after it. */
function writeVarint(buf: Buffer, p: number, value: number): number {
  let v = ((value << 1) ^ (value >> 31)) >>> 0;
  while (v >= 0x80) {
    buf[p++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  buf[p++] = v;
  return p;
}

/** Writes the zigzag varlong of any safe integer at `p` with float arithmetic (no BigInt); returns the position after it. */
function writeVarlong(buf: Buffer, p: number, value: number): number {
  let v = value >= 0 ? 2 * value : -2 * value - 1;
  while (v >= 0x80) {
    buf[p++] = (v % 0x80) | 0x80;
    v = Math.floor(v / 0x80);
  }
  buf[p++] = v;
  return p;
}

/** UTF-8 size of the last string `writeString` wrote: a second result without allocating a pair per call. */
let stringBytes = 0;

/** Writes a varint length and the UTF-8 bytes of `s` at `p`, measuring by writing; returns the position after it. */
function writeString(buf: Buffer, p: number, s: string): number {
  const guess = varintSize(2 * s.length);
  const n = buf.write(s, p + guess);
  stringBytes = n;
  const size = varintSize(2 * n);
  if (size !== guess) buf.copyWithin(p + size, p + guess, p + guess + n);
  writeVarint(buf, p, n);
  return p + size + n;
}

function writeInt64(buf: Buffer, p: number, value: number): void {
  const high = Math.floor(value / TWO_32);
  buf.writeInt32BE(high, p);
  buf.writeUInt32BE(value - high * TWO_32, p + 4);
}
