import { writeFile } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { Piscina } from 'piscina';
import type { RunOptions } from '../config/options.js';
import { NO_EFFECTS, type Cdc, type Domain, type World } from '../domains/domain.js';
import { scenariosOf } from '../domains/traffic-modes.js';
import { CHAOS_TOPIC, ChaosController } from './chaos-controller.js';
import { startControlApi, type ControlApi } from './control-api.js';
import { createRateProfile } from './rate-profile.js';
import { loadDomain } from '../domains/index.js';
import { RecordBatch } from '../encoding/record-batch.js';
import { loadSink } from '../sinks/index.js';
import type { Sink, SinkConfig, SinkStats, SinkTopic } from '../sinks/sink.js';
import { formatReport, type RunReport } from './report.js';
import { RunObserver, stderrScreen, type ObserverIo } from './run-observer.js';
import type { StatsSample } from './stats-series.js';
import { assignSlices, ownedSlices } from './slice-assignment.js';
import { mergeSinkStats } from './stats.js';
import { StepPlanner, finalStepEndMs } from './step-planner.js';
import { WorkerHandle } from './worker-handle.js';

export type { RunReport } from './report.js';

/** Where progress and the summary go (stderr by default: stdout may carry records); `screen` draws the live view. */
export type RunIo = ObserverIo;

/** A run's report and its per-second series (soak checks its SLOs on the series). */
export interface RunOutcome {
  readonly report: RunReport;
  readonly series: readonly StatsSample[];
}

const stderrIo = (): RunIo => ({ log: (line) => process.stderr.write(line + '\n'), screen: stderrScreen() });

/** Real clock: generate each ~100 ms of wall time right after it elapsed. */
const REAL_TICK_MS = 100;
/** Real clock at --rate max: records per worker per step. */
const MAX_RATE_RECORDS_PER_WORKER = 25_000;
const BATCH_RECORDS = 8_192;
/**
 * Worker young generation when generation is unpaced (simulated clock, --rate max): the funnel makes many
 * short-lived strings, and a 128 MB nursery cut scavenges enough to take 2 workers from ~0.8M to ~1.1M records/s
 * on the null sink (RSS ~360 → ~660 MB). Paced real-clock runs keep V8's default and their memory.
 */
const UNPACED_YOUNG_GENERATION_MB = 128;
const WORKER_FILE = new URL('../../workers/generate.js', import.meta.url);

/** Run a generation job to completion (or until SIGINT/SIGTERM), flushing every sink; returns the report. */
export async function runCoordinator(opts: RunOptions, io: RunIo = stderrIo()): Promise<RunReport> {
  return (await runObserved(opts, io)).report;
}

/** As runCoordinator, and also returns the per-second series. */
export async function runObserved(opts: RunOptions, io: RunIo = stderrIo()): Promise<RunOutcome> {
  const wallStart = Date.now();
  const domain = await loadDomain(opts.domain);
  const startMs = opts.clock === 'simulated' ? opts.startMs : wallStart;
  const world = domain.createWorld({ seed: opts.seed, startMs, sliceCount: opts.slices, knobs: opts.knobs });
  const chaos = new ChaosController(scenariosOf(domain), opts.chaos, startMs);
  const topics: SinkTopic[] = domain.topics.map((t) => ({ name: t.name, partitions: opts.sink.kafka.partitions[t.name] ?? t.defaultPartitions }));
  // Ground truth of planted scenarios goes to its own topic, only in runs that can have any.
  const chaosTopic = chaos.hasActivations || opts.controlPort !== null ? topics.push({ name: CHAOS_TOPIC, partitions: opts.sink.kafka.partitions[CHAOS_TOPIC] ?? 1 }) - 1 : -1;
  const mainTopic = domain.topics.find((t) => t.role === 'main')?.name ?? domain.topics[0].name;

  const profile = opts.clock === 'real' && opts.rate !== 'max' ? createRateProfile(opts.profile, opts.rate, startMs, domain.loadFactor) : null;
  const observer = new RunObserver(opts, io, profile, mainTopic, wallStart);
  await observer.start();
  let cdcSink: Sink;
  let control: ControlApi | null = null;
  try {
    // Bound before any sink opens, so a taken port leaves no output behind.
    control = opts.controlPort === null ? null : await startControlApi(chaos, scenariosOf(domain).map((s) => s.name), opts.controlHost, opts.controlPort);
    if (control && !opts.quiet) observer.log(`streamgen: chaos control API on ${control.url}/scenarios`);
    await prepareSink(opts.sink, topics);
    cdcSink = (await loadSink(opts.sink.name))({ writerId: 'cdc', topics, config: opts.sink });
    await cdcSink.open();
  } catch (err) {
    await control?.close();
    await observer.close();
    throw err;
  }
  const cdcStats = cdcSink;
  observer.addStatsSource(() => cdcStats.stats());

  const masses = new Float64Array(opts.slices);
  world.sliceMasses(startMs, NO_EFFECTS, masses);
  const owned = ownedSlices(opts.slices, opts.shard.index, opts.shard.count);
  const assignment = assignSlices(owned, masses, Math.max(1, Math.min(opts.workers, owned.length)));
  const pool = new Piscina({
    filename: WORKER_FILE.href,
    minThreads: assignment.length,
    maxThreads: assignment.length,
    // Tasks live for the whole run and keep producers open: no Atomics wait between tasks.
    atomics: 'disabled',
    idleTimeout: 60_000,
    ...(opts.clock === 'simulated' || opts.rate === 'max' ? { resourceLimits: { maxYoungGenerationSizeMb: UNPACED_YOUNG_GENERATION_MB } } : {}),
  });
  const handles = assignment.map((slices, w) => new WorkerHandle(pool, {
    workerId: `w${w}`, domain: domain.name, seed: opts.seed, startMs, sliceCount: opts.slices, slices,
    knobs: opts.knobs, sink: opts.sink, batchRecords: opts.sink.kafka.batchMaxRecords > 0 ? Math.min(opts.sink.kafka.batchMaxRecords, 65_536) : BATCH_RECORDS,
  }));

  const stop = createStopSignal();
  let interrupted = false;
  let timelineEnd = startMs;
  let mainRecords = 0;
  const cdc = world.createCdc(opts.shard);
  const cdcBatch = new RecordBatch(topics.map((t) => t.name), BATCH_RECORDS);
  let workerStats: SinkStats[] = [];
  try {
    await Promise.all(handles.map((h) => h.ready()));
    const result = await runSteps({ opts, domain, world, masses, startMs, handles, assignment, cdc, cdcSink, cdcBatch, stop, observer, chaos, chaosTopic });
    observer.endGeneration();
    mainRecords = result.mainRecords;
    timelineEnd = result.timelineEnd;
    interrupted = result.interrupted;
    chaos.nowMs = timelineEnd;
    await pumpCdc(cdc, cdcSink, cdcBatch, timelineEnd, chaos, chaosTopic);
    const finished = await Promise.all(handles.map((h) => h.finish()));
    workerStats = finished.map((r) => r.stats);
    observer.onFinish(finished.map((r) => r.latency));
  } finally {
    stop.dispose();
    await observer.close();
    await control?.close();
    await cdcSink.close();
    await pool.destroy();
  }

  const stats = mergeSinkStats([...workerStats, cdcSink.stats()]);
  const wallMs = Math.max(1, Date.now() - wallStart);
  const report: RunReport = {
    domain: domain.name, seed: opts.seed, clock: opts.clock, shard: `${opts.shard.index}/${opts.shard.count}`,
    workers: handles.length, sink: opts.sink.name, output: describeOutput(opts.sink),
    timelineStart: new Date(startMs).toISOString(), timelineEnd: new Date(timelineEnd).toISOString(), wallMs,
    mainTopic, mainRecords, records: stats.records, recordsPerSec: (stats.records * 1000) / wallMs, bytes: stats.bytes,
    acked: stats.acked, failed: stats.failed, retried: stats.retried, topics: stats.topics, interrupted,
    ...observer.summary(),
  };
  if (!opts.quiet) for (const line of formatReport(report)) io.log(line);
  if (opts.reportPath !== null) await writeFile(opts.reportPath, JSON.stringify(report, null, 2) + '\n');
  return { report, series: observer.series.samples };
}

interface StepLoopInput {
  readonly opts: RunOptions;
  readonly domain: Domain;
  readonly world: World;
  readonly masses: Float64Array;
  readonly startMs: number;
  readonly handles: readonly WorkerHandle[];
  readonly assignment: readonly (readonly number[])[];
  readonly cdc: Cdc;
  readonly cdcSink: Sink;
  readonly cdcBatch: RecordBatch;
  readonly stop: StopSignal;
  readonly observer: RunObserver;
  readonly chaos: ChaosController;
  readonly chaosTopic: number;
}

/** The step loop: masses per epoch, exact counts, CDC before events, lockstep dispatch. */
async function runSteps(x: StepLoopInput): Promise<{ mainRecords: number; timelineEnd: number; interrupted: boolean }> {
  const { opts, domain, world, masses, startMs, handles, assignment } = x;
  const epochMs = domain.epochMs;
  const endLimit = opts.durationMs !== null ? startMs + opts.durationMs : Infinity;
  const maxRate = opts.rate === 'max';
  const rate = maxRate ? 0 : (opts.rate as number);
  const profile = createRateProfile(opts.profile, rate, startMs, domain.loadFactor);
  // Only the simulated clock can stretch its last step; a real-clock run simply stops at N.
  const reserveRecords = opts.clock === 'simulated' ? Math.ceil((rate * domain.drainMs) / 1000) : 0;
  const planner = new StepPlanner({ sliceCount: opts.slices, ratePerSec: rate, eventsLimit: opts.events, reserveRecords });
  let massEpoch = startMs;
  let massEffects = NO_EFFECTS;
  let stepStart = startMs;
  let mainRecords = 0;
  for (let stepIndex = 0; ; stepIndex++) {
    const epochStart = startMs + Math.floor((stepStart - startMs) / epochMs) * epochMs;
    const epochEnd = Math.min(epochStart + epochMs, endLimit);
    let stepEnd: number;
    if (opts.clock === 'simulated') {
      stepEnd = epochEnd;
    } else {
      if (!maxRate) await x.stop.sleepUntil(stepStart + REAL_TICK_MS);
      if (x.stop.stopped) return { mainRecords, timelineEnd: stepStart, interrupted: true };
      stepEnd = Math.min(Math.max(Date.now(), stepStart + 1), epochEnd);
    }
    x.chaos.nowMs = stepStart;
    const effects = x.chaos.effects();
    if (epochStart !== massEpoch || effects !== massEffects || effects.scenarios.length > 0) {
      world.sliceMasses(epochStart, effects, masses, stepStart);
      massEpoch = epochStart;
      massEffects = effects;
    }
    const records = maxRate
      ? MAX_RATE_RECORDS_PER_WORKER * handles.length
      : profile.recordsBetween(stepStart, stepEnd) * x.chaos.rateFactor(stepStart);
    const plan = planner.next(masses, stepEnd - stepStart, stepEnd >= endLimit, records);
    if (plan.final && opts.clock === 'simulated' && opts.events !== null) stepEnd = finalStepEndMs(stepStart, stepEnd, plan.total, rate);
    // Create records first, acknowledged, so no event names an entity before its CDC create.
    await pumpCdc(x.cdc, x.cdcSink, x.cdcBatch, stepStart, x.chaos, x.chaosTopic);
    const results = await Promise.all(handles.map((h, w) => h.step({
      kind: 'step', stepIndex, startMs: stepStart, endMs: stepEnd, epochStartMs: epochStart,
      counts: Int32Array.from(assignment[w], (slice) => plan.counts[slice]), effects, final: plan.final,
    })));
    for (const r of results) mainRecords += r.records;
    x.observer.onStep(results, mainRecords, stepEnd);
    stepStart = stepEnd;
    if (plan.final) return { mainRecords, timelineEnd: stepEnd, interrupted: false };
    if (x.stop.stopped) return { mainRecords, timelineEnd: stepEnd, interrupted: true };
  }
}

/** Write every CDC and ground-truth record up to `untilMs` and wait for it to be durable. */
async function pumpCdc(cdc: Cdc, sink: Sink, batch: RecordBatch, untilMs: number, chaos: ChaosController, chaosTopic: number): Promise<void> {
  let wrote = false;
  batch.clear();
  if (chaosTopic >= 0) chaos.writeGroundTruth(batch, chaosTopic, untilMs, Date.now());
  for (;;) {
    const n = cdc.fill(batch, batch.capacity - batch.length, untilMs, chaos.effects());
    if (batch.length === 0) break;
    await sink.write(batch);
    wrote = true;
    batch.clear();
    if (n === 0) break;
  }
  if (wrote) await sink.flush();
}

/** Sink-specific set-up done once per run before any writer opens (Kafka: create missing topics). */
async function prepareSink(config: SinkConfig, topics: readonly SinkTopic[]): Promise<void> {
  if (config.name !== 'kafka' || !config.kafka.createTopics) return;
  const admin = await import('../sinks/kafka/admin.js');
  await admin.ensureTopics(config.kafka, topics);
}

function describeOutput(config: SinkConfig): string {
  switch (config.name) {
    case 'files': return `${resolvePath(config.outDir)} (JSON Lines per topic, topic/year=/month=/day=/hour=/)`;
    case 'stdout': return 'stdout (JSON Lines)';
    case 'kafka': return `Kafka at ${config.kafka.brokers.join(',')}`;
    default: return 'discarded (null sink)';
  }
}

interface StopSignal {
  readonly stopped: boolean;
  sleepUntil(wallMs: number): Promise<void>;
  dispose(): void;
}

/** SIGINT/SIGTERM end the run after the current step; everything written is flushed. */
function createStopSignal(): StopSignal {
  let stopped = false;
  let wake: (() => void) | null = null;
  const onSignal = (): void => {
    stopped = true;
    wake?.();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    get stopped() {
      return stopped;
    },
    sleepUntil(wallMs) {
      const delay = wallMs - Date.now();
      if (stopped || delay <= 0) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          wake = null;
          resolve();
        }, delay);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    },
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
