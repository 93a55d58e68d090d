import { KAFKA_OPTION_NAMES, checkPartitionTopics, kafkaConfigFrom } from '../config/kafka-options.js';
import { badValue } from '../config/messages.js';
import type { OptionName } from '../config/option-table.js';
import { resolveOptions, type ResolvedOptions } from '../config/resolve-options.js';
import { loadDomain } from '../domains/index.js';
import { StreamgenError } from '../errors.js';
import type { CliContext } from './cli-io.js';
import type { DescribeOptions } from './commands/describe.js';
import type { HealthOptions } from './commands/health.js';
import type { TopicsOptions } from './commands/topics.js';

/** Options of `streamgen describe`. */
export const DESCRIBE_OPTION_NAMES: readonly OptionName[] = ['domain', 'schema', 'topic', 'json'];
/** Options of the Kafka admin commands (`topics`, `health`): the domain, the Kafka section, a config file. */
export const KAFKA_COMMAND_OPTION_NAMES: readonly OptionName[] = ['domain', ...KAFKA_OPTION_NAMES, 'config', 'verbose'];

/** Parse `streamgen describe` flags; `--topic` must name a topic of the domain, and implies `--schema`. */
export async function parseDescribeOptions(argv: readonly string[], ctx: CliContext): Promise<DescribeOptions> {
  const r = await resolveWithout(argv, ctx, 'describe', DESCRIBE_OPTION_NAMES, 0);
  const v = r.values;
  const domain = await loadDomain(v.domain);
  const topics = domain.topics.map((t) => t.name);
  if (v.topic !== null && !topics.includes(v.topic)) {
    throw badValue('SG_ERR_CONFIG_ENUM', '--topic', `one of ${topics.join(', ')}`, v.topic);
  }
  return { domain: v.domain, schema: v.schema || v.topic !== null, topic: v.topic, json: v.json };
}

/** Parse `streamgen topics create|describe` flags into the topics command's options. */
export async function parseTopicsOptions(argv: readonly string[], ctx: CliContext): Promise<TopicsOptions> {
  const r = await resolveWithout(argv, ctx, 'topics', KAFKA_COMMAND_OPTION_NAMES, 1);
  const action = r.positionals[0];
  if (action !== 'create' && action !== 'describe') {
    throw badValue('SG_ERR_CONFIG_ENUM', 'the action of streamgen topics', 'one of create, describe', action);
  }
  checkPartitionTopics(await loadDomain(r.values.domain), r);
  return { action, domain: r.values.domain, kafka: kafkaConfigFrom(r.values), verbose: r.values.verbose };
}

/** Parse `streamgen health` flags into the health command's options. */
export async function parseHealthOptions(argv: readonly string[], ctx: CliContext): Promise<HealthOptions> {
  const r = await resolveWithout(argv, ctx, 'health', KAFKA_COMMAND_OPTION_NAMES, 0);
  checkPartitionTopics(await loadDomain(r.values.domain), r);
  return { domain: r.values.domain, kafka: kafkaConfigFrom(r.values), verbose: r.values.verbose };
}

/** Resolve a command's options, allowing at most `maxPositionals` bare arguments. */
async function resolveWithout(
  argv: readonly string[], ctx: CliContext, command: string, accepted: readonly OptionName[], maxPositionals: number,
): Promise<ResolvedOptions> {
  const r = await resolveOptions({ argv, env: ctx.env, cwd: ctx.cwd, command: `streamgen ${command}` }, accepted);
  if (r.positionals.length > maxPositionals) {
    throw new StreamgenError('SG_ERR_CONFIG_UNKNOWN', `unexpected argument ${JSON.stringify(r.positionals[maxPositionals])} for streamgen ${command}; see streamgen ${command} --help`);
  }
  return r;
}
