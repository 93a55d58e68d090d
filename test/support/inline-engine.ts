import { contentDomain } from '../../src/domains/content/index.js';
import { NO_EFFECTS, type Domain, type KnobValues, type StepEffects } from '../../src/domains/domain.js';
import { RecordBatch } from '../../src/encoding/record-batch.js';
import { StepPlanner, finalStepEndMs } from '../../src/coordinator/step-planner.js';

/** One generated record, in emission order. */
export interface InlineRecord {
  readonly topic: string;
  readonly key: string;
  readonly value: string;
  readonly timestampMs: number;
}

export interface InlineRunOptions {
  readonly seed: number;
  readonly events: number;
  readonly ratePerSec?: number;
  readonly slices?: number;
  readonly startMs?: number;
  readonly knobs?: KnobValues;
  readonly domain?: Domain;
  readonly effects?: StepEffects;
}

export const DEFAULT_START_MS = Date.parse('2026-02-07T10:00:00.000Z');

/**
 * Runs the coordinator's step logic in-process on one thread (all slices in one funnel), calling
 * `onRecord` in emission order: CDC up to each step start, then the step's events. For statistical
 * tests on millions of records without worker threads; the threaded path is tested through the CLI.
 */
export function runInline(o: InlineRunOptions, onRecord: (r: InlineRecord) => void): void {
  const domain = o.domain ?? contentDomain;
  const slices = o.slices ?? 64;
  const startMs = o.startMs ?? DEFAULT_START_MS;
  const rate = o.ratePerSec ?? 10_000;
  const world = domain.createWorld({ seed: o.seed, startMs, sliceCount: slices, knobs: o.knobs ?? {} });
  const all = Array.from({ length: slices }, (_, k) => k);
  const funnel = world.createFunnel(all);
  const cdc = world.createCdc({ index: 0, count: 1 });
  const planner = new StepPlanner({ sliceCount: slices, ratePerSec: rate, eventsLimit: o.events, reserveRecords: Math.ceil((rate * domain.drainMs) / 1000) });
  const masses = new Float64Array(slices);
  const effects = o.effects ?? NO_EFFECTS;
  const batch = new RecordBatch(domain.topics.map((t) => t.name), 8192);
  const drain = (): void => {
    for (let i = 0; i < batch.length; i++) {
      onRecord({ topic: batch.topicNames[batch.topicIndex[i]], key: batch.keys[i], value: batch.values[i], timestampMs: batch.timestamps[i] });
    }
    batch.clear();
  };
  let stepStart = startMs;
  for (let step = 0; ; step++) {
    const epochStart = stepStart;
    world.sliceMasses(epochStart, effects, masses, stepStart);
    const plan = planner.next(masses, domain.epochMs, false);
    const stepEnd = plan.final ? finalStepEndMs(stepStart, stepStart + domain.epochMs, plan.total, rate) : stepStart + domain.epochMs;
    while (cdc.fill(batch, 8192, stepStart, effects) > 0) drain();
    funnel.beginStep({ stepIndex: step, startMs: stepStart, endMs: stepEnd, epochStartMs: epochStart, counts: plan.counts, effects, final: plan.final });
    while (funnel.fill(batch, 8192) > 0) drain();
    stepStart = stepEnd;
    if (plan.final) break;
  }
  while (cdc.fill(batch, 8192, stepStart, effects) > 0) drain();
}
