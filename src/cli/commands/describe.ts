import { OPTION_NAMES, displayFlag, optionRow } from '../../config/option-table.js';
import type { Domain, JsonSchema } from '../../domains/domain.js';
import { loadDomain } from '../../domains/index.js';
import { scenariosOf } from '../../domains/traffic-modes.js';
import type { CliIo } from '../cli-io.js';
import { formatTable } from '../text-table.js';

/** Typed options of `streamgen describe`, after the CLI has validated its flags. */
export interface DescribeOptions {
  readonly domain: string;
  /** Print JSON Schemas instead of the overview. */
  readonly schema: boolean;
  /** Only this topic's schema (implies schema). */
  readonly topic: string | null;
  readonly json: boolean;
}

/** A domain, its knobs and the options table as plain data (what `--json` prints). */
export interface DomainDescription {
  readonly domain: string;
  readonly description: string;
  readonly topics: ReadonlyArray<{ name: string; keyField: string; defaultPartitions: number; role: string; description: string }>;
  readonly knobs: ReadonlyArray<{ name: string; type: string; default: number | boolean | string; range: string; doc: string }>;
  /** Chaos scenarios (--chaos, --chaos-timeline, control API) with their parameters. */
  readonly scenarios: ReadonlyArray<{ name: string; description: string; params: string }>;
  readonly options: ReadonlyArray<{ name: string; flag: string; env: string | null; configKey: string | null; default: string; doc: string }>;
}

/** `streamgen describe`: prints the overview (or schemas) to `io.out`; always returns 0. */
export async function describeCommand(opts: DescribeOptions, io: CliIo): Promise<number> {
  const domain = await loadDomain(opts.domain);
  if (opts.schema) {
    io.out(JSON.stringify(topicSchemas(domain, opts.topic), null, 2));
    return 0;
  }
  const description = describeDomain(domain);
  const lines = opts.json ? [JSON.stringify(description, null, 2)] : formatDescription(description);
  for (const line of lines) io.out(line);
  return 0;
}

/** JSON Schemas keyed by topic name: every topic, or only `topic`. */
export function topicSchemas(domain: Domain, topic: string | null): Record<string, JsonSchema> {
  return Object.fromEntries(domain.topics.filter((t) => topic === null || t.name === topic).map((t) => [t.name, t.schema]));
}

/** The data `describe` shows. */
export function describeDomain(domain: Domain): DomainDescription {
  return {
    domain: domain.name,
    description: domain.description,
    topics: domain.topics.map((t) => ({ name: t.name, keyField: t.keyField, defaultPartitions: t.defaultPartitions, role: t.role, description: t.description })),
    knobs: domain.knobs.map((k) => ({
      name: k.name,
      type: k.type,
      default: k.default,
      range: k.choices ? k.choices.join('|') : k.min !== undefined || k.max !== undefined ? `${k.min ?? ''}..${k.max ?? ''}` : '',
      doc: k.doc,
    })),
    scenarios: scenariosOf(domain).map((s) => ({
      name: s.name,
      description: s.description,
      params: s.params.map((p) => `${p.name}=${p.default}`).join(', ') || '-',
    })),
    options: OPTION_NAMES.map((name) => {
      const row = optionRow(name);
      return { name, flag: displayFlag(row), env: row.env, configKey: row.configKey, default: row.defaultText, doc: row.doc };
    }),
  };
}

/** Human-readable overview: aligned tables of topics, knobs, scenarios and options. */
export function formatDescription(d: DomainDescription): string[] {
  return [
    `domain ${d.domain}: ${d.description}`,
    '',
    'topics',
    ...formatTable(['name', 'key', 'partitions', 'role', 'description'], d.topics.map((t) => [t.name, t.keyField, String(t.defaultPartitions), t.role, t.description])),
    '',
    'knobs (--knob NAME=VALUE)',
    ...formatTable(['name', 'type', 'default', 'range', 'doc'], d.knobs.map((k) => [k.name, k.type, String(k.default), k.range, k.doc])),
    '',
    'chaos scenarios (--chaos NAME[:param=value,...][@START][+DURATION])',
    ...formatTable(['name', 'parameters (defaults)', 'description'], d.scenarios.map((s) => [s.name, s.params, s.description])),
    '',
    'options',
    ...formatTable(['flag', 'env', 'config key', 'default', 'doc'], d.options.map((o) => [o.flag, o.env ?? '-', o.configKey ?? '-', o.default, o.doc])),
  ];
}
