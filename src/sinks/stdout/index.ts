import { isMainThread } from 'node:worker_threads';
import type { RecordBatch } from '../../encoding/record-batch.js';
import { StreamgenError } from '../../errors.js';
import type { Sink, SinkContext, SinkFactory } from '../sink.js';
import { TopicTally, valueChars } from '../topic-tally.js';
import { valueLines, WrappedLines } from './lines.js';
import { isClosedPipe, stdoutState } from './stdout-state.js';

/**
 * JSON Lines on stdout: each value as is, or with `wrap` one `{topic,key,timestamp,value}` object per line.
 * A batch is one string and one write, and `write` resolves when the stream has taken it (the write's
 * callback), which is stdout's backpressure whether it is a pipe, a file or a worker thread's forwarded
 * stream. When the reader goes away (`| head`) the sink stops quietly and counts what was left as failed.
 */
export const createStdoutSink: SinkFactory = (ctx: SinkContext): Sink => {
  const tally = new TopicTally(ctx.topics);
  const wrapped = ctx.config.wrap ? new WrappedLines() : null;
  let closed = false;

  const writeError = (err: Error): StreamgenError =>
    new StreamgenError('SG_ERR_SINK_WRITE', `cannot write records to stdout: ${err.message}`, { cause: err });

  /** Hand a chunk to stdout; resolves with the write's error, or null, or when stdout ends meanwhile. */
  const writeChunk = (chunk: Buffer): Promise<Error | null> =>
    new Promise((resolve) => {
      const cancel = stdoutState.onEnd(() => resolve(stdoutState.error));
      process.stdout.write(chunk, (err) => {
        cancel();
        // Seen here before the stream's 'error' event: stop this thread's sinks (and tell the workers) now.
        if (err) stdoutState.end(err, isMainThread);
        resolve(err ?? null);
      });
    });

  /** An empty write completes after every earlier one: once it has, stdout has taken everything. */
  const flush = async (): Promise<void> => {
    if (closed || stdoutState.ended) return;
    const err = await writeChunk(EMPTY);
    if (err !== null && !isClosedPipe(err)) throw writeError(err);
  };

  return {
    async open() {
      stdoutState.watch();
    },

    async write(batch: RecordBatch) {
      if (batch.length === 0) return;
      if (closed || stdoutState.ended) {
        if (stdoutState.error !== null) throw writeError(stdoutState.error);
        tally.fail(batch);
        return;
      }
      const text = wrapped === null ? valueLines(batch) : wrapped.format(batch);
      const chunk = Buffer.from(text, 'utf8');
      const err = (await writeChunk(chunk)) ?? (stdoutState.ended ? stdoutState.error : null);
      if (err !== null && !isClosedPipe(err)) {
        tally.fail(batch);
        throw writeError(err);
      }
      if (stdoutState.ended || err !== null) {
        // The reader left while this batch was on its way: it may or may not have been read.
        tally.fail(batch);
        return;
      }
      tally.ack(batch, valueBytes(batch, chunk, text, wrapped !== null));
    },

    flush,

    async close() {
      if (closed) return;
      await flush();
      closed = true;
    },

    stats: () => tally.snapshot(),
  };
};

const EMPTY = Buffer.alloc(0);

/** UTF-8 bytes of the batch's values, from the encoded chunk without a second pass when it is all ASCII. */
function valueBytes(batch: RecordBatch, chunk: Buffer, text: string, wrap: boolean): number {
  // Plain lines: the chunk is the values plus one newline each.
  if (!wrap) return chunk.length - batch.length;
  // One byte per UTF-16 unit means every character is ASCII, so lengths are byte counts.
  if (chunk.length === text.length) return valueChars(batch);
  let bytes = 0;
  for (let i = 0; i < batch.length; i++) bytes += Buffer.byteLength(batch.values[i], 'utf8');
  return bytes;
}
