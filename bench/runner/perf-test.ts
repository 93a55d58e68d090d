import { expectSuccess, runChild } from './child.js';
import { brokerAddress } from './broker.js';

/** The summary line of org.apache.kafka.tools.ProducerPerformance; latencies in ms (per record, send to ack). */
export interface PerfTestResult {
  readonly records: number;
  readonly recordsPerSec: number;
  readonly mbPerSec: number;
  readonly p50: number;
  readonly p99: number;
  readonly p999: number;
  readonly peakRssKb: number;
}

const SUMMARY =
  /(\d+) records sent, ([\d.]+) records\/sec \(([\d.]+) MB\/sec\), [\d.]+ ms avg latency, [\d.]+ ms max latency, (\d+) ms 50th, \d+ ms 95th, (\d+) ms 99th, (\d+) ms 99\.9th/;

/** Parses ProducerPerformance's final summary line; null when the output has none. */
export function parsePerfTestSummary(stdout: string): Omit<PerfTestResult, 'peakRssKb'> | null {
  const m = SUMMARY.exec(stdout);
  if (m === null) return null;
  return { records: Number(m[1]), recordsPerSec: Number(m[2]), mbPerSec: Number(m[3]), p50: Number(m[4]), p99: Number(m[5]), p999: Number(m[6]) };
}

/**
 * Kafka's own producer benchmark (kafka-producer-perf-test) via scripts/kafka-tool.sh: `records` records drawn at
 * random from the lines of `payloadFile`, unthrottled, with the given acks and compression.
 */
export async function runPerfTest(topic: string, records: number, payloadFile: string, acks: number, compression: string): Promise<PerfTestResult> {
  const r = await runChild(
    'bash',
    [
      'scripts/kafka-tool.sh', 'org.apache.kafka.tools.ProducerPerformance',
      '--topic', topic, '--num-records', String(records), '--throughput', '-1', '--payload-file', payloadFile,
      '--producer-props', `bootstrap.servers=${brokerAddress}`, `acks=${acks}`, `compression.type=${compression}`,
    ],
    600_000,
  );
  expectSuccess(r, 'ProducerPerformance');
  const summary = parsePerfTestSummary(r.stdout);
  if (summary === null) throw new Error(`bench: no summary line in ProducerPerformance output\n${r.stdout.slice(-2000)}`);
  return { ...summary, peakRssKb: r.peakRssKb };
}
