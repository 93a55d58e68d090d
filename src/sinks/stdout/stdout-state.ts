import { BroadcastChannel, isMainThread } from 'node:worker_threads';

/** Channel on which the main thread tells worker threads that the reader of stdout has gone. */
const CLOSED_CHANNEL = 'streamgen:stdout-closed';

/** What the main thread broadcasts when stdout ends. */
interface EndMessage {
  readonly code: string;
  readonly message: string;
}

/**
 * Whether stdout can still take records, shared by every stdout sink of a thread.
 * Worker threads write through process.stdout, which Node forwards to the main thread; when the reader
 * goes away (`| head`) only the main thread sees EPIPE, and a worker's pending write would wait forever
 * for the main thread to ask for more. So the main thread listens for stdout errors and broadcasts the
 * end to every thread, whose waiting writes then give up.
 */
class StdoutState {
  /** Set once stdout is finished: the reader left (EPIPE), or another error (then `error` is set). */
  ended = false;
  /** A write error other than a closed pipe, reported to the user. */
  error: Error | null = null;
  private readonly waiters = new Set<() => void>();
  private channel: BroadcastChannel | null = null;

  /** Start watching (idempotent): an error listener in the main thread, the channel in a worker. */
  watch(): void {
    if (this.channel !== null) return;
    this.channel = new BroadcastChannel(CLOSED_CHANNEL);
    // The channel must not keep a thread alive once its work is done.
    this.channel.unref();
    if (isMainThread) {
      process.stdout.on('error', (err: Error) => this.end(err, true));
    } else {
      this.channel.onmessage = (event: unknown) => {
        const { code, message } = (event as { data: EndMessage }).data;
        this.end(Object.assign(new Error(message), { code }), false);
      };
    }
  }

  /** Mark stdout finished and wake every waiting write; the main thread also tells the workers. */
  end(err: Error | null, broadcast: boolean): void {
    if (this.ended) return;
    this.ended = true;
    if (err !== null && !isClosedPipe(err)) this.error = err;
    if (broadcast) {
      const message: EndMessage = { code: (err as NodeJS.ErrnoException | null)?.code ?? 'EPIPE', message: err?.message ?? 'stdout closed' };
      this.channel?.postMessage(message);
    }
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }

  /** Call `wake` when stdout ends; returns a function that cancels the call. */
  onEnd(wake: () => void): () => void {
    this.waiters.add(wake);
    return () => this.waiters.delete(wake);
  }
}

/** EPIPE, or a write on the stream Node destroyed after it. */
export function isClosedPipe(err: Error): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
}

/** This thread's view of stdout. */
export const stdoutState = new StdoutState();
