import type { RecordBatch } from '../encoding/record-batch.js';

/** What a sink needs to know about one topic; never the domain's record types. */
export interface SinkTopic {
  readonly name: string;
  /** Default partition count when the sink creates the topic. */
  readonly partitions: number;
}

/** Plain-data sink settings; crosses the thread boundary unchanged. */
export interface SinkConfig {
  /** Registry name: null, stdout, files, kafka. */
  readonly name: string;
  /** files: output directory. */
  readonly outDir: string;
  /** files: gzip each part file. */
  readonly gzip: boolean;
  /** files: `parts` (part-<writerId>.jsonl[.gz]) or `firehose:PREFIX` (spec 004's PREFIX-{partition}-{timestamp}-{uuid}.gz, always gzipped). */
  readonly fileNaming: FileNaming;
  /** stdout: wrap each value as {topic,key,timestamp,value}. */
  readonly wrap: boolean;
  /** kafka: everything the Kafka sink needs, validated by src/config. */
  readonly kafka: KafkaSinkConfig;
}

/** How the files sink names its files; validated by src/config. */
export type FileNaming = 'parts' | `firehose:${string}`;

/** Kafka producer settings (used by src/sinks/kafka only). */
export interface KafkaSinkConfig {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly compression: 'none' | 'gzip' | 'lz4';
  readonly acks: -1 | 0 | 1;
  readonly batchMaxRecords: number;
  readonly lingerMs: number;
  readonly maxInFlight: number;
  readonly requestTimeoutMs: number;
  readonly connectTimeoutMs: number;
  readonly retries: number;
  readonly replicationFactor: number;
  /** Partitions per topic name; topics not listed use SinkTopic.partitions. */
  readonly partitions: Readonly<Record<string, number>>;
  readonly createTopics: boolean;
}

/** Everything a sink factory receives. */
export interface SinkContext {
  /** Unique per writer in the run ("w0", "w1", "cdc"): files sinks name their parts with it. */
  readonly writerId: string;
  readonly topics: readonly SinkTopic[];
  readonly config: SinkConfig;
}

/** Per-topic delivery counts; `partitions` maps partition → acked count where the sink has partitions. */
export interface TopicStats {
  acked: number;
  failed: number;
  partitions: Record<string, number>;
}

/** Counters a sink reports for the coordinator to merge. */
export interface SinkStats {
  records: number;
  bytes: number;
  acked: number;
  failed: number;
  retried: number;
  topics: Record<string, TopicStats>;
}

/** A destination for record batches. Small on purpose, like piscina's TaskQueue. */
export interface Sink {
  /** Connect or create; fails fast with a coded StreamgenError. */
  open(): Promise<void>;
  /** Resolves once the records are accepted under the sink's guarantee; that promise is the backpressure. The batch may be reused after it resolves. */
  write(batch: RecordBatch): Promise<void>;
  /** Wait until everything written so far is durable/acknowledged. */
  flush(): Promise<void>;
  /** Flush and release resources; idempotent. */
  close(): Promise<void>;
  /** Current counters. */
  stats(): SinkStats;
}

/** Builds a sink; one call per writer (worker thread or coordinator). */
export type SinkFactory = (ctx: SinkContext) => Sink;

/** Guard used by the sink registry. */
export function isSink(value: unknown): value is Sink {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return ['open', 'write', 'flush', 'close', 'stats'].every((m) => typeof s[m] === 'function');
}

/** Empty counters, with a zero entry per topic. */
export function emptySinkStats(topics: readonly SinkTopic[]): SinkStats {
  const byTopic: Record<string, TopicStats> = {};
  for (const t of topics) byTopic[t.name] = { acked: 0, failed: 0, partitions: {} };
  return { records: 0, bytes: 0, acked: 0, failed: 0, retried: 0, topics: byTopic };
}
