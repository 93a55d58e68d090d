import type { SinkStats } from '../sinks/sink.js';

/** Sum sink counters from several writers (workers and the coordinator's CDC sink). */
export function mergeSinkStats(all: readonly SinkStats[]): SinkStats {
  const out: SinkStats = { records: 0, bytes: 0, acked: 0, failed: 0, retried: 0, topics: {} };
  for (const s of all) {
    out.records += s.records;
    out.bytes += s.bytes;
    out.acked += s.acked;
    out.failed += s.failed;
    out.retried += s.retried;
    for (const [name, t] of Object.entries(s.topics)) {
      const m = (out.topics[name] ??= { acked: 0, failed: 0, partitions: {} });
      m.acked += t.acked;
      m.failed += t.failed;
      for (const [p, n] of Object.entries(t.partitions)) m.partitions[p] = (m.partitions[p] ?? 0) + n;
    }
  }
  return out;
}
