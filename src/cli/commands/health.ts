import { checkHealth } from '../../sinks/kafka/admin.js';
import type { KafkaSinkConfig } from '../../sinks/sink.js';
import { domainSinkTopics, type CommandIo } from './topics.js';

/** Typed options of `streamgen health`, after the CLI has validated its flags. */
export interface HealthOptions {
  /** The domain whose topics must exist (--domain). */
  readonly domain: string;
  /** --brokers, --partitions topic=N and the connect timeout. */
  readonly kafka: KafkaSinkConfig;
  readonly verbose: boolean;
}

/**
 * `streamgen health`: connectivity, brokers, controller, and each of the domain's topics present with the
 * expected partition count. Prints the findings and a last verdict line; returns 0 when healthy, 1 otherwise.
 */
export async function healthCommand(opts: HealthOptions, io: CommandIo): Promise<number> {
  const topics = await domainSinkTopics(opts.domain);
  const report = await checkHealth(opts.kafka, topics, opts.verbose ? io.err : undefined);
  if (report.brokers.length > 0) {
    io.out(`brokers: ${report.brokers.join(', ')}; controller: ${report.controller ?? 'none'}; cluster: ${report.clusterId ?? 'unknown'}`);
  }
  for (const t of report.topics) {
    const found = t.status === 'missing' ? 'missing' : `${t.partitions} partitions, replication ${t.replicationFactor}`;
    io.out(`topic ${t.name}: ${found} (expected ${t.expectedPartitions} partitions)`);
  }
  for (const problem of report.problems) io.out(`problem: ${problem}`);
  const where = opts.kafka.brokers.join(',');
  io.out(report.ok ? `health: OK (${where}, ${report.topics.length} topics)` : `health: NOT OK (${where}): ${report.problems.length} problem(s)`);
  return report.ok ? 0 : 1;
}
