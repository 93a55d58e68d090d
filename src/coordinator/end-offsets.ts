import { StreamgenError } from '../errors.js';
import { connectWithin, createKafkaClient, errorMessage } from '../sinks/kafka/client.js';
import type { KafkaSinkConfig } from '../sinks/sink.js';

/**
 * Sum of the high watermarks (end offsets) over every partition of each named topic, as the broker reports them;
 * a topic that does not exist counts 0. Soak compares these before and after a run with what the sink acked.
 */
export async function fetchEndOffsets(config: KafkaSinkConfig, topics: readonly string[]): Promise<Record<string, number>> {
  const admin = createKafkaClient(config).admin();
  await connectWithin(admin, config);
  try {
    const existing = new Set(await admin.listTopics());
    const out: Record<string, number> = {};
    for (const topic of topics) {
      if (!existing.has(topic)) {
        out[topic] = 0;
        continue;
      }
      const partitions = await admin.fetchTopicOffsets(topic);
      out[topic] = partitions.reduce((sum, p) => sum + Number(p.high), 0);
    }
    return out;
  } catch (err) {
    throw new StreamgenError('SG_ERR_KAFKA_TOPIC', `cannot read end offsets of ${topics.join(', ')} on ${config.brokers.join(',')}: ${errorMessage(err)}`, { cause: err });
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
