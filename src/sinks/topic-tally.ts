import type { RecordBatch } from '../encoding/record-batch.js';
import { emptySinkStats, type SinkStats, type SinkTopic, type TopicStats } from './sink.js';

/**
 * The counters of a sink that has no partitions (null, stdout, files): whole batches are acked or failed.
 * Per-topic counts go through an array indexed like the batch's topic numbers, rebuilt only when a batch
 * with another topic list arrives, so counting is one increment per record.
 */
export class TopicTally {
  private readonly counters: SinkStats;
  private names: readonly string[] | null = null;
  private byIndex: TopicStats[] = [];

  constructor(topics: readonly SinkTopic[]) {
    this.counters = emptySinkStats(topics);
  }

  /** Count a batch as written: `bytes` are the bytes of its values. */
  ack(batch: RecordBatch, bytes: number): void {
    const byIndex = this.topicsOf(batch);
    const n = batch.length;
    const ti = batch.topicIndex;
    for (let i = 0; i < n; i++) byIndex[ti[i]].acked++;
    this.counters.records += n;
    this.counters.acked += n;
    this.counters.bytes += bytes;
  }

  /** Count a batch as lost (closed pipe, write error). */
  fail(batch: RecordBatch): void {
    const byIndex = this.topicsOf(batch);
    const n = batch.length;
    const ti = batch.topicIndex;
    for (let i = 0; i < n; i++) byIndex[ti[i]].failed++;
    this.counters.records += n;
    this.counters.failed += n;
  }

  /** A copy of the counters: they are posted across threads and merged, so callers must not share ours. */
  snapshot(): SinkStats {
    const c = this.counters;
    const topics: Record<string, TopicStats> = {};
    for (const [name, t] of Object.entries(c.topics)) topics[name] = { acked: t.acked, failed: t.failed, partitions: {} };
    return { records: c.records, bytes: c.bytes, acked: c.acked, failed: c.failed, retried: c.retried, topics };
  }

  private topicsOf(batch: RecordBatch): TopicStats[] {
    if (batch.topicNames !== this.names) {
      const topics = this.counters.topics;
      this.byIndex = batch.topicNames.map((name) => (topics[name] ??= { acked: 0, failed: 0, partitions: {} }));
      this.names = batch.topicNames;
    }
    return this.byIndex;
  }
}

/** Sum of the values' UTF-16 lengths: their byte length when they are ASCII, as the domains' JSON is. */
export function valueChars(batch: RecordBatch): number {
  const values = batch.values;
  let chars = 0;
  for (let i = 0; i < batch.length; i++) chars += values[i].length;
  return chars;
}
