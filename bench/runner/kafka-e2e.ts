import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brokerAddress, createTopic, deleteTopics } from './broker.js';
import type { BenchConfig } from './config.js';
import { kafkaVersion } from './machine.js';
import { fixed, int, type SectionResult } from './markdown.js';
import { runPerfTest, type PerfTestResult } from './perf-test.js';
import { readTopicLines, topicsIn } from './samples.js';
import { median } from './stats.js';
import { findLatency, runStreamgen, type LatencyQuantiles } from './streamgen.js';

const DOMAIN = 'content';
const ACKS = 1;
const COMPRESSION = 'lz4';
/** Lines in the perf-test payload file: enough variety for lz4, small enough for the tool's 256 MB heap. */
const PAYLOAD_LINES = 20_000;

/** One streamgen produce run as measured. */
interface StreamgenKafkaSample {
  readonly records: number;
  readonly mainRecords: number;
  readonly recordsPerSec: number;
  readonly mbPerSec: number;
  readonly latency: LatencyQuantiles | null;
  readonly peakRssKb: number;
}

/** What the values of the measured run look like: the perf-test gets the same average size and a sample of them. */
interface PayloadSample {
  readonly records: number;
  readonly meanBytes: number;
  readonly sampleMeanBytes: number;
  readonly file: string;
}

/** Writes the run's exact values with the files sink (same seed and count), measures them, keeps a stride sample. */
async function payloadSample(cfg: BenchConfig, dir: string): Promise<PayloadSample> {
  const out = join(dir, 'out');
  await runStreamgen(['--domain', DOMAIN, '--sink', 'files', '--out', out, '--events', String(cfg.kafkaEvents), '--seed', String(cfg.seed)], 300_000);
  const all = topicsIn(out).flatMap((t) => readTopicLines(out, t));
  const bytes = all.reduce((s, l) => s + Buffer.byteLength(l), 0);
  const stride = Math.max(1, Math.floor(all.length / PAYLOAD_LINES));
  const sample = all.filter((_, i) => i % stride === 0);
  const file = join(dir, 'payloads.txt');
  writeFileSync(file, sample.join('\n'));
  rmSync(out, { recursive: true, force: true });
  return { records: all.length, meanBytes: bytes / all.length, sampleMeanBytes: sample.reduce((s, l) => s + Buffer.byteLength(l), 0) / sample.length, file };
}

async function streamgenOnce(cfg: BenchConfig, events: number, clientId: string): Promise<StreamgenKafkaSample> {
  const args = [
    '--domain', DOMAIN, '--sink', 'kafka', '--brokers', brokerAddress, '--compression', COMPRESSION, '--acks', String(ACKS),
    '--events', String(events), '--seed', String(cfg.seed), '--client-id', clientId,
  ];
  const run = await runStreamgen(args, 600_000);
  await deleteTopics(Object.keys(run.report.topics));
  if (run.report.failed > 0) throw new Error(`bench: streamgen reported ${run.report.failed} failed records`);
  const perSec = 1000 / run.report.wallMs;
  return {
    records: run.report.records,
    mainRecords: run.report.mainRecords,
    recordsPerSec: run.report.records * perSec,
    mbPerSec: (run.report.bytes / 1e6) * perSec,
    latency: findLatency(run.raw),
    peakRssKb: run.peakRssKb,
  };
}

async function perfTestOnce(records: number, payload: PayloadSample, round: number): Promise<PerfTestResult> {
  // Same partition count as content_events, the topic carrying most of streamgen's records.
  const topic = `sg-bench-perf-${round}-${randomBytes(3).toString('hex')}`;
  await createTopic(topic, 12);
  try {
    return await runPerfTest(topic, records, payload.file, ACKS, COMPRESSION);
  } finally {
    await deleteTopics([topic]);
  }
}

const ms = (q: LatencyQuantiles | null, k: keyof LatencyQuantiles): string => (q === null ? '–' : fixed(q[k], 1));

/** Section 3: streamgen into the local broker and kafka-producer-perf-test with the same load, alternately. */
export async function kafkaEndToEnd(cfg: BenchConfig, log: (line: string) => void): Promise<SectionResult> {
  const dir = mkdtempSync(join(tmpdir(), 'streamgen-bench-kafka-'));
  try {
    const payload = await payloadSample(cfg, dir);
    log(`  payload: ${int(payload.records)} records, ${fixed(payload.meanBytes, 1)} B mean value`);
    // Warm-up of the broker (log segments, page cache) and of the topic create/delete path; not measured.
    await streamgenOnce(cfg, Math.min(cfg.kafkaEvents, 50_000), 'streamgen-bench-warmup');
    const ours: StreamgenKafkaSample[] = [];
    const theirs: PerfTestResult[] = [];
    for (let round = 0; round < cfg.kafkaRounds; round++) {
      ours.push(await streamgenOnce(cfg, cfg.kafkaEvents, `streamgen-bench-${round}`));
      log(`  round ${round + 1}: streamgen ${int(ours[round].recordsPerSec)} records/s`);
      theirs.push(await perfTestOnce(payload.records, payload, round));
      log(`  round ${round + 1}: perf-test ${int(theirs[round].recordsPerSec)} records/s`);
    }
    const lat = (k: keyof LatencyQuantiles): number => median(ours.map((o) => o.latency?.[k] ?? NaN));
    const oursLatency = ours.every((o) => o.latency !== null) ? { p50: lat('p50'), p99: lat('p99'), p999: lat('p999') } : null;
    const oursRate = median(ours.map((o) => o.recordsPerSec));
    const theirRate = median(theirs.map((t) => t.recordsPerSec));
    const theirLatency: LatencyQuantiles = { p50: median(theirs.map((t) => t.p50)), p99: median(theirs.map((t) => t.p99)), p999: median(theirs.map((t) => t.p999)) };
    const ratio = oursRate / theirRate;
    const roundRatios = ours.map((o, i) => o.recordsPerSec / theirs[i].recordsPerSec);
    // ProducerPerformance's MB are MiB; ours are 10^6 bytes, from the same payloads' mean size.
    const theirMb = median(theirs.map((t) => (t.recordsPerSec * payload.sampleMeanBytes) / 1e6));
    return {
      title: '3. Kafka end to end (local broker)',
      notes: [
        `Broker ${brokerAddress} (Kafka ${kafkaVersion()}, single node), lz4, acks=1. streamgen: \`streamgen run --domain ${DOMAIN} --sink kafka --compression ${COMPRESSION} --acks ${ACKS} --events ${cfg.kafkaEvents} --seed ${cfg.seed}\` (${int(payload.records)} records on all topics, default workers and batching), topics deleted after each run.`,
        `perf-test: \`kafka-producer-perf-test\` (org.apache.kafka.tools.ProducerPerformance, default producer settings) with the same ${int(payload.records)} records, values drawn from ${int(PAYLOAD_LINES)} of streamgen's own records (mean ${fixed(payload.sampleMeanBytes, 1)} B; streamgen's run: ${fixed(payload.meanBytes, 1)} B), no keys, a fresh 12-partition topic per run.`,
        `Run alternately, ${cfg.kafkaRounds} round(s) after an unmeasured warm-up; medians (ratio per round: ${roundRatios.map((r) => fixed(r, 2)).join(', ')}). streamgen's rate is over its run report's wall time (topic set-up and final flush included), perf-test's over its own send loop (JVM start excluded). Latency: perf-test per record from send to ack; streamgen per produce request, when its report carries latency.`,
      ],
      headers: ['producer', 'records/s', 'MB/s (values)', 'latency p50 ms', 'p99 ms', 'p999 ms', 'peak RSS MB', 'streamgen ÷ perf-test'],
      rows: [
        ['streamgen', int(oursRate), fixed(median(ours.map((o) => o.mbPerSec)), 1), ms(oursLatency, 'p50'), ms(oursLatency, 'p99'), ms(oursLatency, 'p999'), fixed(median(ours.map((o) => o.peakRssKb)) / 1024, 0), fixed(ratio, 2)],
        ['kafka-producer-perf-test', int(theirRate), fixed(theirMb, 1), ms(theirLatency, 'p50'), ms(theirLatency, 'p99'), ms(theirLatency, 'p999'), fixed(median(theirs.map((t) => t.peakRssKb)) / 1024, 0), 'baseline'],
      ],
      data: { broker: brokerAddress, domain: DOMAIN, acks: ACKS, compression: COMPRESSION, events: cfg.kafkaEvents, payload: { ...payload, file: undefined }, streamgen: ours, perfTest: theirs, ratio, roundRatios },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
