import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LatencySummary } from './latency.js';
import type { StatsSample } from './stats-series.js';

/** What the Prometheus endpoint exposes, read on each scrape. */
export interface MetricsSnapshot {
  readonly sample: StatsSample | null;
  readonly total: LatencySummary | null;
  /** Sum of all measured latencies in seconds (the summary's _sum). */
  readonly latencySumSeconds: number;
  readonly bytes: number;
  readonly retried: number;
  readonly failedByTopic: Readonly<Record<string, number>>;
}

const esc = (v: string): string => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** The snapshot in Prometheus text exposition format 0.0.4. */
export function formatMetrics(m: MetricsSnapshot): string {
  const out: string[] = [];
  const metric = (name: string, type: string, help: string, rows: ReadonlyArray<readonly [string, number]>): void => {
    out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [labels, value] of rows) out.push(`${name}${labels} ${Number.isFinite(value) ? value : 0}`);
  };
  const s = m.sample;
  const topics = s === null ? [] : Object.entries(s.topics);
  metric('streamgen_records_acked_total', 'counter', 'Records acknowledged by the sink, per topic.', topics.map(([t, n]) => [`{topic="${esc(t)}"}`, n]));
  metric('streamgen_records_failed_total', 'counter', 'Records failed for good, per topic.', Object.entries(m.failedByTopic).map(([t, n]) => [`{topic="${esc(t)}"}`, n]));
  metric('streamgen_main_records_total', 'counter', 'Main-topic records generated and accepted.', [['', s?.records ?? 0]]);
  metric('streamgen_bytes_total', 'counter', 'Encoded record bytes written.', [['', m.bytes]]);
  metric('streamgen_records_retried_total', 'counter', 'Records sent again after a retriable failure.', [['', m.retried]]);
  metric('streamgen_rate_records_per_second', 'gauge', 'Main-topic records per second in the last window.', [['', s?.rate ?? 0]]);
  if (s?.target != null) metric('streamgen_target_records_per_second', 'gauge', 'Main-topic rate the profile asks for.', [['', s.target]]);
  metric('streamgen_lag_seconds', 'gauge', 'How far the generated timeline trails the wall clock.', [['', (s?.lagMs ?? 0) / 1000]]);
  metric('streamgen_resident_memory_bytes', 'gauge', 'Resident set size of the process.', [['', s?.rss ?? 0]]);
  metric('streamgen_cpu_percent', 'gauge', 'CPU of the process in the last window, percent of one core.', [['', s?.cpu ?? 0]]);
  const t = m.total;
  metric('streamgen_produce_latency_seconds', 'summary', 'Produce request latency, send to acknowledgement, over the run.', [
    ['{quantile="0.5"}', (t?.p50Ms ?? 0) / 1000],
    ['{quantile="0.99"}', (t?.p99Ms ?? 0) / 1000],
    ['{quantile="0.999"}', (t?.p999Ms ?? 0) / 1000],
  ]);
  out.push(`streamgen_produce_latency_seconds_sum ${m.latencySumSeconds}`, `streamgen_produce_latency_seconds_count ${t?.count ?? 0}`);
  return out.join('\n') + '\n';
}

/** A running metrics endpoint. */
export interface MetricsServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serve GET /metrics on host:port (0 picks a free port); every other path is 404. */
export async function startMetricsServer(host: string, port: number, read: () => MetricsSnapshot): Promise<MetricsServer> {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found; try /metrics\n');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }).end(formatMetrics(read()));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const shownHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${shownHost}:${addr.port}/metrics`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
