import { displayFlag, optionRow, type OptionName, type OptionSection } from '../config/option-table.js';
import { domainNames } from '../domains/index.js';
import { COMMANDS, type CommandSpec } from './commands.js';

const SECTION_TITLE: Readonly<Record<OptionSection, string>> = {
  run: 'Flags',
  kafka: 'Kafka flags (--sink kafka, topics, health)',
  describe: 'Flags',
  soak: 'Soak flags',
  historical: 'Backfill flags',
};
const FLAG_WIDTH = 30;

/** `streamgen --help`: the commands and how to get more. */
export function globalHelp(version: string): string[] {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    `streamgen ${version}: deterministic, correlated synthetic event streams into Apache Kafka`,
    '',
    'Usage: streamgen <command> [flags]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    `Domains: ${domainNames.join(', ')} (streamgen describe --domain NAME shows its topics and knobs).`,
    'Run `streamgen <command> --help` (or `streamgen help <command>`) for its flags and examples.',
    'Options also come from STREAMGEN_<NAME> environment variables and --config FILE; flags win over env, env over the file.',
    '`streamgen --version` prints the version.',
  ];
}

/** `streamgen <command> --help`: usage, flags by section with default and env variable, examples. */
export function commandHelp(command: CommandSpec): string[] {
  const lines = [`streamgen ${command.name}: ${command.summary}`, '', `Usage: streamgen ${command.name}${command.args ? ` ${command.args}` : ''} [flags]`];
  const sections = new Map<string, OptionName[]>();
  for (const name of command.options) {
    const title = SECTION_TITLE[optionRow(name).section];
    sections.set(title, [...(sections.get(title) ?? []), name]);
  }
  for (const [title, names] of sections) {
    lines.push('', `${title}:`);
    for (const name of names) lines.push(...optionHelp(name));
  }
  lines.push('', '  -h, --help'.padEnd(FLAG_WIDTH + 2) + 'show this help');
  lines.push('', 'Examples:');
  const width = Math.max(...command.examples.map((e) => e.line.length)) + 2;
  for (const e of command.examples) lines.push(`  ${e.line.padEnd(width)}${e.does}`);
  return lines;
}

/** Two lines per option: flag and doc, then default, env variable and config key. */
function optionHelp(name: OptionName): string[] {
  const row = optionRow(name);
  const flag = `${displayFlag(row)}${row.valueName ? ` ${row.valueName}` : ''}`;
  const where = [`default: ${row.defaultText}`];
  if (row.env !== null) where.push(`env: ${[row.env, ...row.envAliases].join(', ')}`);
  if (row.configKey !== null) where.push(`config: ${row.configKey}`);
  return [`  ${flag.padEnd(FLAG_WIDTH)}${row.doc}`, `  ${''.padEnd(FLAG_WIDTH)}${where.join('; ')}`];
}
