import { didYouMean } from '../config/closest.js';
import { StreamgenError } from '../errors.js';
import type { CliContext } from './cli-io.js';
import { COMMANDS, findCommand, type CommandSpec } from './commands.js';
import { commandHelp, globalHelp } from './help.js';
import { packageVersion } from './version.js';

const isHelp = (arg: string): boolean => arg === '--help' || arg === '-h';

/**
 * Route a command line: help and version, else the command's action. Resolves to the exit code; bad input
 * throws a coded StreamgenError for the boundary in main.ts. `streamgen` alone prints the overview.
 */
export async function runCli(argv: readonly string[], ctx: CliContext): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || isHelp(first)) return print(ctx, globalHelp(packageVersion()));
  if (first === '--version') return print(ctx, [packageVersion()]);
  if (first === 'help') return print(ctx, rest.length === 0 ? globalHelp(packageVersion()) : commandHelp(commandNamed(rest[0])));
  const command = commandNamed(first);
  if (rest.some(isHelp)) return print(ctx, commandHelp(command));
  return command.action(rest, ctx);
}

function print(ctx: CliContext, lines: readonly string[]): number {
  for (const line of lines) ctx.io.out(line);
  return 0;
}

function commandNamed(name: string): CommandSpec {
  const command = findCommand(name);
  if (command !== undefined) return command;
  const names = COMMANDS.map((c) => c.name);
  const what = name.startsWith('-') ? `${name} must follow a command (streamgen <command> ${name})` : `unknown command ${JSON.stringify(name)}`;
  throw new StreamgenError('SG_ERR_CONFIG_UNKNOWN', `${what}${didYouMean(name, names) || `; commands: ${names.join(', ')}`}`);
}
