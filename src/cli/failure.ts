import { isStreamgenError, StreamgenError } from '../errors.js';

/** What the error boundary prints for a failure, and the exit code it ends with. */
export interface FailureReport {
  readonly lines: readonly string[];
  readonly exitCode: number;
}

/**
 * A StreamgenError prints its one line (and with `verbose` its cause chain); anything else is a bug and becomes
 * SG_ERR_INTERNAL, which asks for a report and shows the stack only with `verbose`.
 */
export function describeFailure(err: unknown, verbose: boolean): FailureReport {
  const failure = isStreamgenError(err)
    ? err
    : new StreamgenError(
      'SG_ERR_INTERNAL',
      `unexpected error: ${err instanceof Error ? err.message : String(err)}; this is a bug in streamgen, please report it with the command line and the output of the same command with --verbose`,
      { cause: err },
    );
  const lines = [failure.toLine()];
  if (verbose) {
    for (let cause = failure.cause; cause !== undefined && cause !== null; cause = cause instanceof Error ? cause.cause : undefined) {
      lines.push(`  caused by: ${cause instanceof Error ? cause.stack ?? cause.message : String(cause)}`);
    }
  }
  return { lines, exitCode: failure.exitCode };
}
