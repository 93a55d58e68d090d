import type { Domain } from '../domains/domain.js';
import { StreamgenError } from '../errors.js';
import type { KafkaSinkConfig } from '../sinks/sink.js';
import { didYouMean } from './closest.js';
import { optionsIn, type OptionValues } from './option-table.js';
import type { ResolvedOptions } from './resolve-options.js';

/** The Kafka options (section `kafka` of the table), shared by `run`, `topics` and `health`. */
export const KAFKA_OPTION_NAMES = optionsIn('kafka');

/** The full Kafka sink settings from parsed option values. */
export function kafkaConfigFrom(v: OptionValues): KafkaSinkConfig {
  return {
    brokers: [...v.brokers],
    clientId: v.clientId,
    compression: v.compression,
    acks: v.acks,
    batchMaxRecords: v.batchRecords,
    lingerMs: v.lingerMs,
    maxInFlight: v.maxInFlight,
    requestTimeoutMs: v.requestTimeoutMs,
    connectTimeoutMs: v.connectTimeoutMs,
    retries: v.retries,
    replicationFactor: v.replicationFactor,
    partitions: { ...v.partitions },
    createTopics: v.createTopics,
  };
}

/** Every `--partitions TOPIC=N` must name one of the domain's topics. */
export function checkPartitionTopics(domain: Domain, resolved: ResolvedOptions): void {
  const topics = domain.topics.map((t) => t.name);
  for (const [topic, field] of resolved.entryFields.get('partitions') ?? []) {
    if (topics.includes(topic)) continue;
    const hint = didYouMean(topic, topics);
    throw new StreamgenError('SG_ERR_CONFIG_UNKNOWN', `${field} is not a topic of domain ${domain.name}${hint || `; topics: ${topics.join(', ')}`}`);
  }
}
