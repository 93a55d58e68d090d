import { createWriteStream, type WriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { constants as zlibConstants, createGzip, type Gzip, type ZlibOptions } from 'node:zlib';

const EMPTY = Buffer.alloc(0);
/** Bytes a part buffers before `write` reports backpressure; large enough that a batch rarely waits. */
const HIGH_WATER_BYTES = 1 << 20;

/** One open part file: a file stream, behind a gzip stream when compressing. Errors are kept, not thrown. */
export class PartFile {
  readonly path: string;
  /** The first error of either stream (disk full, …); the part takes no more writes after it. */
  error: Error | null = null;
  private readonly file: WriteStream;
  private readonly gzip: Gzip | null;
  private readonly input: Writable;
  private readonly failed: Promise<void>;
  private markFailed: () => void = () => undefined;

  /** Opens `path` for writing; `append` continues a part this writer closed earlier (a new gzip member). */
  constructor(path: string, gzip: boolean, append: boolean) {
    this.path = path;
    this.failed = new Promise((resolve) => { this.markFailed = resolve; });
    this.file = createWriteStream(path, { flags: append ? 'a' : 'w', highWaterMark: HIGH_WATER_BYTES });
    this.file.on('error', (err) => this.fail(err));
    if (gzip) {
      // zlib hands its options to the Transform it extends, which takes highWaterMark (absent from ZlibOptions).
      const options: ZlibOptions & { highWaterMark: number } = { highWaterMark: HIGH_WATER_BYTES };
      this.gzip = createGzip(options);
      this.gzip.on('error', (err) => this.fail(err));
      this.gzip.pipe(this.file);
      this.input = this.gzip;
    } else {
      this.gzip = null;
      this.input = this.file;
    }
  }

  /** Queue a chunk; false means wait for `drained()` before the next. */
  write(chunk: Buffer): boolean {
    return this.input.write(chunk);
  }

  /** Resolves when the part can take more, or has failed. */
  async drained(): Promise<void> {
    if (this.error !== null || !this.input.writableNeedDrain) return;
    let onDrain: () => void = () => undefined;
    const drain = new Promise<void>((resolve) => { onDrain = resolve; });
    this.input.once('drain', onDrain);
    await Promise.race([drain, this.failed]);
    this.input.removeListener('drain', onDrain);
  }

  /** Resolves once everything written so far has been handed to the OS (or the part failed). */
  async flush(): Promise<void> {
    const gzip = this.gzip;
    if (gzip !== null) {
      // A sync flush emits all compressed bytes so far without ending the member.
      await Promise.race([new Promise<void>((resolve) => gzip.flush(zlibConstants.Z_SYNC_FLUSH, () => resolve())), this.failed]);
      // Output the pipe holds back while the file stream is full reaches it after the next drain.
      while (this.error === null && gzip.readableLength > 0) {
        if (this.file.writableNeedDrain) await Promise.race([new Promise<void>((resolve) => this.file.once('drain', () => resolve())), this.failed]);
        else await new Promise((resolve) => setImmediate(resolve));
      }
    }
    // File stream callbacks run in order, so an empty write's callback comes after every earlier write.
    // Its error arrives there before the stream's 'error' event, so keep it now.
    if (this.error === null) {
      await Promise.race([new Promise<void>((resolve) => this.file.write(EMPTY, (err) => {
        if (err) this.fail(err);
        resolve();
      })), this.failed]);
    }
  }

  /** End the streams (writing the gzip trailer) and close the file; resolves when the descriptor is closed. */
  async end(): Promise<void> {
    if (!this.file.closed) {
      const closed = new Promise<void>((resolve) => this.file.once('close', () => resolve()));
      // After an error the streams are destroyed; ending them would only raise another error.
      if (this.error === null) {
        this.input.end();
      } else {
        this.gzip?.destroy();
        this.file.destroy();
      }
      await closed;
    }
  }

  private fail(err: Error): void {
    if (this.error !== null) return;
    // A write that races the stream's destruction reports ERR_STREAM_DESTROYED; the streams remember the
    // error that destroyed them (disk full, …), which is the one worth reporting.
    const destroyed = (err as NodeJS.ErrnoException).code === 'ERR_STREAM_DESTROYED';
    this.error = destroyed ? (this.file.errored ?? this.gzip?.errored ?? err) : err;
    this.markFailed();
  }
}
