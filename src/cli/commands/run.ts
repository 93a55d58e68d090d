import type { RunOptions } from '../../config/options.js';
import { runCoordinator } from '../../coordinator/run.js';
import { EXIT_RUNTIME } from '../../errors.js';
import type { CliIo } from '../cli-io.js';

/**
 * `streamgen run`: hand the validated options to the coordinator, which prints its own progress and summary.
 * Returns 0, or EXIT_RUNTIME when some records failed for good (they are counted in the report).
 */
export async function runCommand(options: RunOptions, io: CliIo): Promise<number> {
  // The effective options after flags, env and config file: the first thing to check when a run surprises.
  if (options.verbose) io.err(`streamgen: options ${JSON.stringify(options)}`);
  const report = await runCoordinator(options);
  return report.failed > 0 ? EXIT_RUNTIME : 0;
}
