import { processIo } from './cli-io.js';
import { runCli } from './dispatch.js';
import { describeFailure } from './failure.js';

/**
 * The CLI entry and its only error boundary: the only place that sets the exit code. Commands return their
 * code or throw; what a thrown error prints is decided in failure.ts.
 */
const argv = process.argv.slice(2);
const verbose = argv.includes('--verbose') || /^(1|true|yes)$/i.test(process.env.STREAMGEN_VERBOSE ?? '');

try {
  process.exitCode = await runCli(argv, { env: process.env, cwd: process.cwd(), io: processIo });
} catch (err) {
  const failure = describeFailure(err, verbose);
  for (const line of failure.lines) processIo.err(line);
  process.exitCode = failure.exitCode;
}
