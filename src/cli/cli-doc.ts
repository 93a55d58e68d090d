import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { displayFlag, optionRow, type OptionName } from '../config/option-table.js';
import { COMMANDS } from './commands.js';

/** Markers around the part of docs/cli.md generated from the command and option tables. */
export const BEGIN_MARKER = '<!-- generated from src/cli/commands.ts and src/config/option-table.ts: do not edit; run `node dist/src/cli/cli-doc.js` -->';
export const END_MARKER = '<!-- end of generated part -->';

const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** The generated part of docs/cli.md: every command with its flags (flag, env, config key, default, doc) and examples. */
export function renderCliReference(): string {
  const lines: string[] = [];
  for (const command of COMMANDS) {
    lines.push(`### \`streamgen ${command.name}${command.args ? ` ${command.args}` : ''}\``, '', `${command.summary}.`, '');
    lines.push('| flag | env | config key | default | what it does |', '|---|---|---|---|---|');
    for (const name of command.options) lines.push(optionLine(name));
    lines.push('', 'Examples:', '', '```sh');
    for (const e of command.examples) lines.push(`${e.line}    # ${e.does}`);
    lines.push('```', '');
  }
  return lines.join('\n');
}

function optionLine(name: OptionName): string {
  const row = optionRow(name);
  const flag = `\`${displayFlag(row)}${row.valueName ? ` ${row.valueName}` : ''}\``;
  const env = row.env === null ? '' : [row.env, ...row.envAliases].map((e) => `\`${e}\``).join(', ');
  const key = row.configKey === null ? '' : `\`${row.configKey}\``;
  return `| ${cell(flag)} | ${env} | ${key} | ${cell(row.defaultText)} | ${cell(row.doc)} |`;
}

/** docs/cli.md with its generated part replaced by `reference`. */
export function withReference(doc: string, reference: string): string {
  const begin = doc.indexOf(BEGIN_MARKER);
  const end = doc.indexOf(END_MARKER);
  if (begin < 0 || end < begin) throw new Error('docs/cli.md lacks the generated-part markers');
  return `${doc.slice(0, begin + BEGIN_MARKER.length)}\n\n${reference}\n${doc.slice(end)}`;
}

/** Path of docs/cli.md from dist/src/cli/. */
export const CLI_DOC = fileURLToPath(new URL('../../../docs/cli.md', import.meta.url));

// Run as a script (`node dist/src/cli/cli-doc.js`), rewrite the generated part of docs/cli.md in place.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(CLI_DOC, withReference(readFileSync(CLI_DOC, 'utf8'), renderCliReference()));
}
