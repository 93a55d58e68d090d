/** Where a command writes: `out` for its result (stdout), `err` for progress and diagnostics (stderr). */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

let stdoutClosed = false;
let watchingStdout = false;

/**
 * The process's stdout and stderr, one line per call. A reader that leaves early (`describe --schema | head`)
 * is not an error: output stops quietly instead of crashing on an unhandled EPIPE.
 */
export const processIo: CliIo = {
  out: (line) => {
    if (!watchingStdout) {
      watchingStdout = true;
      process.stdout.on('error', () => {
        stdoutClosed = true;
      });
    }
    if (!stdoutClosed) process.stdout.write(line + '\n');
  },
  err: (line) => process.stderr.write(line + '\n'),
};

/** Everything a command reads from its process, passed in so tests can call commands directly. */
export interface CliContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly io: CliIo;
}
