/** Two lowercase hex digits per byte value, built once so formatting is table look-ups and concatenation. */
const HEX: readonly string[] = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/**
 * Canonical lowercase UUID v4 text from four uint32 random words (RFC 9562 §5.4): the words are the 16 bytes
 * big-endian, with the version nibble forced to 4 (byte 6) and the variant bits to 10 (byte 8).
 */
export function formatUuidV4(a: number, b: number, c: number, d: number): string {
  return HEX[a >>> 24] + HEX[(a >>> 16) & 0xff] + HEX[(a >>> 8) & 0xff] + HEX[a & 0xff] + '-'
    + HEX[(b >>> 24) & 0xff] + HEX[(b >>> 16) & 0xff] + '-'
    + HEX[((b >>> 8) & 0x0f) | 0x40] + HEX[b & 0xff] + '-'
    + HEX[((c >>> 24) & 0x3f) | 0x80] + HEX[(c >>> 16) & 0xff] + '-'
    + HEX[(c >>> 8) & 0xff] + HEX[c & 0xff]
    + HEX[d >>> 24] + HEX[(d >>> 16) & 0xff] + HEX[(d >>> 8) & 0xff] + HEX[d & 0xff];
}
