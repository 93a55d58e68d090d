import { createRequire } from 'node:module';
import kafkajs from 'kafkajs';

/**
 * LZ4 for Kafka record batches: the standard LZ4 frame format (magic 0x184D2204), which Kafka uses for
 * record batches of magic v1 and later (KIP-57 fixed the header checksum of v0). Like the Java client we
 * write 64 KiB independent blocks, no block or content checksums, no content size:
 *
 *   Frame  => Magic(u32le) FLG(u8) BD(u8) [ContentSize(u64le)] [DictId(u32le)] HC(u8) Block* EndMark(u32le = 0)
 *   Block  => Size(u32le; high bit set = stored uncompressed) Data [BlockChecksum(u32le)]
 *   after EndMark: [ContentChecksum(u32le)]
 *
 * The reader accepts every optional field, so frames from any producer decode.
 */

/** The parts of the `lz4` package (native LZ4 and xxHash32) this codec uses; it ships no types. */
interface Lz4Package {
  encodeBound(size: number): number;
  /** Compresses `input` into `output[start..end)`; returns the compressed size, 0 when it does not fit. */
  encodeBlock(input: Buffer, output: Buffer, start: number, end: number): number;
  /** Decompresses `input` into `output`; returns the decompressed size, negative on corrupt input. */
  decodeBlock(input: Buffer, output: Buffer): number;
  readonly utils: { blockChecksum(data: Buffer): number };
}

// kafkajs is CommonJS and Node's named-export detection misses the codec table, so read it off the default export.
const { CompressionCodecs, CompressionTypes } = kafkajs;
const lz4 = createRequire(import.meta.url)('lz4') as Lz4Package;

const MAGIC = 0x184d2204;
const FLG_VERSION_MASK = 0xc0;
const FLG_VERSION_1 = 0x40;
const FLG_RESERVED_MASK = 0x02;
const FLG_BLOCK_INDEPENDENCE = 0x20;
const FLG_BLOCK_CHECKSUM = 0x10;
const FLG_CONTENT_SIZE = 0x08;
const FLG_CONTENT_CHECKSUM = 0x04;
const FLG_DICT_ID = 0x01;
const BLOCK_UNCOMPRESSED = 0x80000000;
const BD_64KB = 0x40;
const BLOCK_SIZE = 64 * 1024;
/** Maximum block size by the BD byte's bits 4-6; values below 4 are reserved. */
const BLOCK_SIZES: Readonly<Record<number, number>> = { 4: 64 << 10, 5: 256 << 10, 6: 1 << 20, 7: 4 << 20 };

const WRITE_FLG = FLG_VERSION_1 | FLG_BLOCK_INDEPENDENCE;
/** The header checksum is the second byte of xxHash32 (seed 0) over the descriptor; ours is constant. */
const WRITE_HC = headerChecksum(Buffer.from([WRITE_FLG, BD_64KB]));

/** One LZ4 frame holding `data`, laid out as the Java client writes it. */
export function encodeLz4Frame(data: Buffer): Buffer {
  const blocks = Math.max(1, Math.ceil(data.length / BLOCK_SIZE));
  // Worst case: every block stored raw or at its compress bound, plus header (7), sizes (4 each), end mark (4).
  const out = Buffer.allocUnsafe(7 + blocks * (4 + lz4.encodeBound(BLOCK_SIZE)) + 4);
  out.writeUInt32LE(MAGIC, 0);
  out[4] = WRITE_FLG;
  out[5] = BD_64KB;
  out[6] = WRITE_HC;
  let pos = 7;
  for (let start = 0; start < data.length; start += BLOCK_SIZE) {
    const block = data.subarray(start, Math.min(start + BLOCK_SIZE, data.length));
    const size = lz4.encodeBlock(block, out, pos + 4, pos + 4 + block.length - 1);
    if (size > 0) {
      out.writeUInt32LE(size, pos);
      pos += 4 + size;
    } else {
      // Incompressible: the frame format stores such a block raw rather than let it grow.
      out.writeUInt32LE((BLOCK_UNCOMPRESSED | block.length) >>> 0, pos);
      block.copy(out, pos + 4);
      pos += 4 + block.length;
    }
  }
  out.writeUInt32LE(0, pos);
  return out.subarray(0, pos + 4);
}

/** The bytes held by one LZ4 frame; throws on anything that is not a well-formed frame. */
export function decodeLz4Frame(frame: Buffer): Buffer {
  if (frame.length < 7 || frame.readUInt32LE(0) !== MAGIC) throw new Error('lz4: not an LZ4 frame (bad magic number)');
  const flg = frame[4];
  const bd = frame[5];
  if ((flg & FLG_VERSION_MASK) !== FLG_VERSION_1 || (flg & FLG_RESERVED_MASK) !== 0) {
    throw new Error(`lz4: unsupported frame descriptor 0x${flg.toString(16)}`);
  }
  const blockMax = BLOCK_SIZES[(bd >> 4) & 0x07];
  if (blockMax === undefined || (bd & 0x8f) !== 0) throw new Error(`lz4: unsupported block descriptor 0x${bd.toString(16)}`);
  let pos = 6;
  if (flg & FLG_CONTENT_SIZE) pos += 8;
  if (flg & FLG_DICT_ID) throw new Error('lz4: frames with a dictionary are not supported');
  const descriptor = frame.subarray(4, pos);
  // Kafka's magic v0 batches hashed the magic number too (KAFKA-3160); accept that form when reading old logs.
  if (frame[pos] !== headerChecksum(descriptor) && frame[pos] !== headerChecksum(frame.subarray(0, pos))) {
    throw new Error('lz4: frame header checksum mismatch');
  }
  pos += 1;
  const parts: Buffer[] = [];
  let total = 0;
  for (;;) {
    need(frame, pos, 4);
    const word = frame.readUInt32LE(pos);
    pos += 4;
    if (word === 0) break;
    const size = word & 0x7fffffff;
    need(frame, pos, size);
    const data = frame.subarray(pos, pos + size);
    pos += size;
    let block: Buffer;
    if (word & BLOCK_UNCOMPRESSED) {
      block = data;
    } else {
      const out = Buffer.allocUnsafe(blockMax);
      const n = lz4.decodeBlock(data, out);
      if (n < 0) throw new Error(`lz4: corrupt block at byte ${pos - size}`);
      block = out.subarray(0, n);
    }
    if (flg & FLG_BLOCK_CHECKSUM) {
      need(frame, pos, 4);
      if (frame.readUInt32LE(pos) !== lz4.utils.blockChecksum(data) >>> 0) throw new Error('lz4: block checksum mismatch');
      pos += 4;
    }
    parts.push(block);
    total += block.length;
  }
  const content = Buffer.concat(parts, total);
  if (flg & FLG_CONTENT_CHECKSUM) {
    need(frame, pos, 4);
    if (frame.readUInt32LE(pos) !== lz4.utils.blockChecksum(content) >>> 0) throw new Error('lz4: content checksum mismatch');
  }
  return content;
}

/** The codec object kafkajs calls: `compress` gets its Encoder, `decompress` the raw record bytes. */
export const lz4Codec = {
  compress: async (encoder: { buffer: Buffer }): Promise<Buffer> => encodeLz4Frame(encoder.buffer),
  decompress: async (buffer: Buffer): Promise<Buffer> => decodeLz4Frame(buffer),
};

/**
 * Installs the codec in kafkajs's codec table, kafkajs's documented way to add LZ4. The sink compresses its own
 * batches with `encodeLz4Frame`; this is for kafkajs consumers that read them back (the integration tests).
 */
export function registerLz4Codec(): void {
  CompressionCodecs[CompressionTypes.LZ4] = () => lz4Codec;
}

function headerChecksum(descriptor: Buffer): number {
  return (lz4.utils.blockChecksum(descriptor) >>> 8) & 0xff;
}

function need(frame: Buffer, pos: number, n: number): void {
  if (pos + n > frame.length) throw new Error('lz4: frame is truncated');
}
