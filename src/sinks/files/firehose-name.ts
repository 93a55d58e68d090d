import { createHash } from 'node:crypto';
import { formatUuidV4 } from '../../encoding/uuid.js';
import type { FileNaming } from '../sink.js';

const FIREHOSE = 'firehose:';

/** The file-name prefix of a `firehose:PREFIX` naming, or null for `parts`. */
export function firehosePrefix(naming: FileNaming): string | null {
  return naming.startsWith(FIREHOSE) ? naming.slice(FIREHOSE.length) : null;
}

/** `YYYY-MM-DD-HH-MM-SS` (UTC) of a record timestamp, the time field of spec 004's file names. */
export function firehoseStamp(timestampMs: number): string {
  const iso = new Date(timestampMs).toISOString();
  const t = iso.indexOf('T');
  // Cut around the 'T' so extended years (+010000) stay whole.
  return `${iso.slice(0, t)}-${iso.slice(t + 1, t + 3)}-${iso.slice(t + 4, t + 6)}-${iso.slice(t + 7, t + 9)}`;
}

/**
 * A v4-shaped UUID fixed by (topic, partition, hour, writer): reruns of the same run name their files alike,
 * and two writers never share a file because the writer id is part of the hash.
 */
export function firehoseUuid(topic: string, partition: number, hour: number, writerId: string): string {
  // NUL separators: topic names and writer ids cannot contain it, so distinct tuples hash distinct inputs.
  const digest = createHash('sha256').update(`${topic}\0${partition}\0${hour}\0${writerId}`).digest();
  return formatUuidV4(digest.readUInt32BE(0), digest.readUInt32BE(4), digest.readUInt32BE(8), digest.readUInt32BE(12));
}

/** `PREFIX-{partition}-{YYYY-MM-DD-HH-MM-SS}-{uuid}.gz`, spec 004's data-lake file name. */
export function firehoseFileName(prefix: string, partition: number, firstTimestampMs: number, uuid: string): string {
  return `${prefix}-${partition}-${firehoseStamp(firstTimestampMs)}-${uuid}.gz`;
}
