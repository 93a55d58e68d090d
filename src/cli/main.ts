import { isStreamgenError, StreamgenError } from '../errors.js';
import { processIo } from './cli-io.js';
import { runCli } from './dispatch.js';

/**
 * The CLI entry and its only error boundary: the only place that sets the exit code. A StreamgenError prints
 * its one line (and with --verbose its cause chain) and exits with its code; anything else is a bug and takes
 * the internal-error path, which asks for a report (the stack only with --verbose).
 */
const argv = process.argv.slice(2);
const verbose = argv.includes('--verbose') || /^(1|true|yes)$/i.test(process.env.STREAMGEN_VERBOSE ?? '');

try {
  process.exitCode = await runCli(argv, { env: process.env, cwd: process.cwd(), io: processIo });
} catch (err) {
  process.exitCode = reportFailure(err);
}

function reportFailure(err: unknown): number {
  const failure = isStreamgenError(err)
    ? err
    : new StreamgenError(
      'SG_ERR_INTERNAL',
      `unexpected error: ${err instanceof Error ? err.message : String(err)}; this is a bug in streamgen, please report it with the command line and the output of the same command with --verbose`,
      { cause: err },
    );
  processIo.err(failure.toLine());
  if (verbose) {
    for (let cause = failure.cause; cause !== undefined && cause !== null; cause = cause instanceof Error ? cause.cause : undefined) {
      processIo.err(cause instanceof Error ? `  caused by: ${cause.stack ?? cause.message}` : `  caused by: ${String(cause)}`);
    }
  }
  return failure.exitCode;
}
