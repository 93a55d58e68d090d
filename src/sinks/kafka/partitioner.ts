import { StreamgenError } from '../../errors.js';
import { murmur2, toPositive } from './murmur2.js';

/**
 * Partition choice for keyed records, identical to the Java producer's default (BuiltInPartitioner /
 * DefaultPartitioner): murmur2 of the key's UTF-8 bytes, made positive, modulo the topic's partition
 * count. Spark and Java consumers therefore find each video_id / user_id where they expect it.
 */

// Keys are short ids; encoding into one reused buffer avoids a Buffer allocation per record.
const scratch = new Uint8Array(256);
const encoder = new TextEncoder();

/** The partition (0 ≤ p < numPartitions) that Kafka's Java client picks for a record with this key. */
export function partitionForKey(key: string, numPartitions: number): number {
  checkPartitionCount(numPartitions);
  const { read, written } = encoder.encodeInto(key, scratch);
  const hash = read === key.length ? murmur2(scratch, written) : murmur2(encoder.encode(key));
  return toPositive(hash) % numPartitions;
}

/** The partition Kafka's Java client picks for a record whose key is already serialised to bytes. */
export function partitionForKeyBytes(key: Uint8Array, numPartitions: number): number {
  checkPartitionCount(numPartitions);
  return toPositive(murmur2(key)) % numPartitions;
}

// Counts come from topic metadata, so a bad one is a bug, not user input.
function checkPartitionCount(numPartitions: number): void {
  if (!Number.isInteger(numPartitions) || numPartitions < 1) {
    throw new StreamgenError('SG_ERR_INTERNAL', `partition count must be a positive integer; got ${numPartitions}`);
  }
}
