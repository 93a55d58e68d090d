import { loadDomain } from '../../domains/index.js';
import { describeTopics, ensureTopics, expectedPartitions, type TopicDescription } from '../../sinks/kafka/admin.js';
import type { KafkaSinkConfig, SinkTopic } from '../../sinks/sink.js';

/** Typed options of `streamgen topics create|describe`, after the CLI has validated its flags. */
export interface TopicsOptions {
  readonly action: 'create' | 'describe';
  /** The domain whose topics are meant (--domain). */
  readonly domain: string;
  /** --brokers, --partitions topic=N, --replication-factor and the timeouts, as the run would use them. */
  readonly kafka: KafkaSinkConfig;
  /** --verbose: kafkajs's error lines go to `err`. */
  readonly verbose: boolean;
}

/** Where a command writes: `out` for its result, `err` for diagnostics. */
export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
}

/**
 * `streamgen topics create` creates the domain's missing topics and describes all of them; `describe` only
 * describes. Returns the exit code: 0, or 1 when `describe` finds a topic missing. Unreachable brokers and
 * failed creations throw coded errors for the CLI's error boundary.
 */
export async function topicsCommand(opts: TopicsOptions, io: CommandIo): Promise<number> {
  const topics = await domainSinkTopics(opts.domain);
  const log = opts.verbose ? io.err : undefined;
  const described =
    opts.action === 'create'
      ? await ensureTopics({ ...opts.kafka, createTopics: true }, topics, log)
      : await describeTopics(opts.kafka, topics.map((t) => t.name), log);
  for (const line of topicTable(described, topics, opts.kafka)) io.out(line);
  return described.some((d) => d.status === 'missing') ? 1 : 0;
}

/** The domain's topics with their default partition counts, as sinks and topic creation see them. */
export async function domainSinkTopics(domainName: string): Promise<SinkTopic[]> {
  const domain = await loadDomain(domainName);
  return domain.topics.map((t) => ({ name: t.name, partitions: t.defaultPartitions }));
}

/** Aligned rows: topic, partitions (with the configured count when it differs), replication factor, status. */
function topicTable(described: readonly TopicDescription[], topics: readonly SinkTopic[], config: KafkaSinkConfig): string[] {
  const rows = described.map((d, i) => {
    const expected = expectedPartitions(config, topics[i]);
    const partitions = d.status === 'missing' ? `- (would be ${expected})` : d.partitions === expected ? `${d.partitions}` : `${d.partitions} (configured ${expected})`;
    return [d.name, partitions, d.status === 'missing' ? '-' : `${d.replicationFactor}`, d.status];
  });
  const header = ['topic', 'partitions', 'replication', 'status'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  return [header, ...rows].map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join('  '));
}
