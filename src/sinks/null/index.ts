import type { RecordBatch } from '../../encoding/record-batch.js';
import type { Sink, SinkContext, SinkFactory } from '../sink.js';
import { TopicTally, valueChars } from '../topic-tally.js';

/**
 * Counts and discards: the ceiling of generation without I/O.
 * Bytes are the values' string lengths, exact for the ASCII JSON the domains produce; Buffer.byteLength
 * per record would cost more than the rest of this sink and blur what the bench measures.
 */
export const createNullSink: SinkFactory = (ctx: SinkContext): Sink => {
  const tally = new TopicTally(ctx.topics);
  return {
    open: async () => undefined,
    write: async (batch: RecordBatch) => tally.ack(batch, valueChars(batch)),
    flush: async () => undefined,
    close: async () => undefined,
    stats: () => tally.snapshot(),
  };
};
