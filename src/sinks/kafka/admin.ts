import type { Admin } from 'kafkajs';
import { StreamgenError, isStreamgenError } from '../../errors.js';
import type { KafkaSinkConfig, SinkTopic } from '../sink.js';
import { connectWithin, createKafkaClient, errorMessage, type KafkaLog } from './client.js';

/** One topic as the cluster holds it. `partitions` and `replicationFactor` are 0 when the topic is missing. */
export interface TopicDescription {
  readonly name: string;
  readonly status: 'existed' | 'created' | 'missing';
  readonly partitions: number;
  readonly replicationFactor: number;
}

/** What `streamgen health` prints: a verdict and every reason against it. */
export interface HealthReport {
  readonly ok: boolean;
  readonly brokers: readonly string[];
  /** Node id of the active controller, null when the cluster does not say. */
  readonly controller: number | null;
  readonly clusterId: string | null;
  /** Expected topics with the partition count this config asks for. */
  readonly topics: ReadonlyArray<TopicDescription & { readonly expectedPartitions: number }>;
  readonly problems: readonly string[];
}

/** The partition count this config asks for a topic: an explicit --partitions entry, else the domain's default. */
export function expectedPartitions(config: KafkaSinkConfig, topic: SinkTopic): number {
  return config.partitions[topic.name] ?? topic.partitions;
}

/**
 * Creates the topics that are missing (partitions per `expectedPartitions`, the configured replication factor)
 * and describes all of them; with `createTopics` off a missing topic is an error. Run once, by the coordinator.
 */
export async function ensureTopics(config: KafkaSinkConfig, topics: readonly SinkTopic[], log?: KafkaLog): Promise<TopicDescription[]> {
  return withAdmin(config, log, async (admin) => {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.name));
    if (missing.length > 0 && !config.createTopics) {
      const names = missing.map((t) => t.name).join(', ');
      throw new StreamgenError('SG_ERR_KAFKA_TOPIC', `topic ${names} does not exist and topic creation is off; create it with \`streamgen topics create\``);
    }
    if (missing.length > 0) {
      try {
        // Another instance (a shard) may create the same topics at the same time; kafkajs treats "already exists" as success.
        await admin.createTopics({
          topics: missing.map((t) => ({ topic: t.name, numPartitions: expectedPartitions(config, t), replicationFactor: config.replicationFactor })),
          timeout: config.requestTimeoutMs,
        });
      } catch (err) {
        const what = missing.map((t) => `${t.name} (${expectedPartitions(config, t)} partitions)`).join(', ');
        throw new StreamgenError('SG_ERR_KAFKA_TOPIC', `cannot create topic ${what} with replication factor ${config.replicationFactor}: ${causeMessage(err)}`, { cause: err });
      }
    }
    const created = new Set(missing.map((t) => t.name));
    const described = await readTopics(admin, topics.map((t) => t.name));
    return described.map((d) => (created.has(d.name) && d.status === 'existed' ? { ...d, status: 'created' as const } : d));
  });
}

/** Describes the named topics as the cluster holds them; missing ones come back with status 'missing'. */
export async function describeTopics(config: KafkaSinkConfig, names: readonly string[], log?: KafkaLog): Promise<TopicDescription[]> {
  return withAdmin(config, log, (admin) => readTopics(admin, names));
}

/**
 * Connectivity, brokers, controller, and each expected topic present with the partition count the config asks for.
 * Never throws for an unhealthy cluster: an unreachable one, or a failed metadata request, is a problem in the report.
 */
export async function checkHealth(config: KafkaSinkConfig, topics: readonly SinkTopic[], log?: KafkaLog): Promise<HealthReport> {
  const failed = (reason: string): HealthReport => ({ ok: false, brokers: [], controller: null, clusterId: null, topics: [], problems: [reason] });
  try {
    return await withAdmin(config, log, async (admin) => {
      const cluster = await admin.describeCluster();
      const described = await readTopics(admin, topics.map((t) => t.name));
      const problems: string[] = [];
      if (cluster.brokers.length === 0) problems.push('the cluster lists no brokers');
      if (cluster.controller === null || cluster.controller < 0) problems.push('the cluster has no active controller');
      const rows = topics.map((t, i) => {
        const d = described[i];
        const expected = expectedPartitions(config, t);
        if (d.status === 'missing') problems.push(`topic ${t.name} is missing (expected ${expected} partitions)`);
        else if (d.partitions !== expected) problems.push(`topic ${t.name} has ${d.partitions} partitions; expected ${expected}`);
        return { ...d, expectedPartitions: expected };
      });
      return {
        ok: problems.length === 0,
        brokers: cluster.brokers.map((b) => `${b.nodeId}@${b.host}:${b.port}`),
        controller: cluster.controller,
        clusterId: cluster.clusterId,
        topics: rows,
        problems,
      };
    });
  } catch (err) {
    return failed(isStreamgenError(err) ? err.message : causeMessage(err));
  }
}

/** Describes `names` through a connected admin client; used by the sink to learn real partition counts. */
export async function readTopics(admin: Admin, names: readonly string[]): Promise<TopicDescription[]> {
  const existing = new Set(await admin.listTopics());
  const present = names.filter((n) => existing.has(n));
  // Metadata for a missing topic fails the whole request, so ask only for the ones listed.
  const metadata = present.length > 0 ? (await admin.fetchTopicMetadata({ topics: present })).topics : [];
  const byName = new Map(metadata.map((m) => [m.name, m]));
  return names.map((name): TopicDescription => {
    const m = byName.get(name);
    if (m === undefined) return { name, status: 'missing', partitions: 0, replicationFactor: 0 };
    return { name, status: 'existed', partitions: m.partitions.length, replicationFactor: m.partitions[0]?.replicas.length ?? 0 };
  });
}

async function withAdmin<T>(config: KafkaSinkConfig, log: KafkaLog | undefined, work: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = createKafkaClient(config, log).admin();
  await connectWithin(admin, config);
  try {
    return await work(admin);
  } catch (err) {
    if (isStreamgenError(err)) throw err;
    throw new StreamgenError('SG_ERR_KAFKA_TOPIC', `cannot describe topics on ${config.brokers.join(',')}: ${causeMessage(err)}`, { cause: err });
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** kafkajs wraps broker errors (an aggregate for createTopics); the innermost messages say what the broker said. */
function causeMessage(err: unknown): string {
  const inner = (err as { errors?: unknown[] } | null)?.errors;
  if (Array.isArray(inner) && inner.length > 0) return inner.map(errorMessage).join('; ');
  return errorMessage(err);
}
