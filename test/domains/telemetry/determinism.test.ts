import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { StepPlanner, finalStepEndMs } from '../../../src/coordinator/step-planner.js';
import { NO_EFFECTS, type Funnel } from '../../../src/domains/domain.js';
import { telemetryDomain } from '../../../src/domains/telemetry/index.js';
import { RecordBatch } from '../../../src/encoding/record-batch.js';
import { DEFAULT_START_MS } from '../../support/inline-engine.js';

const SLICES = 16;
const EVENTS = 60_000;
const RATE = 40;

/**
 * The coordinator's step loop with the slices split over several funnels (as workers or --shard instances would
 * own them); returns every record's value.
 */
function run(seed: number, groups: ReadonlyArray<readonly number[]>): string[] {
  const world = telemetryDomain.createWorld({ seed, startMs: DEFAULT_START_MS, sliceCount: SLICES, knobs: { dirtyRate: 0.01 } });
  const funnels: Array<[Funnel, readonly number[]]> = groups.map((g) => [world.createFunnel(g), g]);
  const planner = new StepPlanner({ sliceCount: SLICES, ratePerSec: RATE, eventsLimit: EVENTS, reserveRecords: Math.ceil((RATE * telemetryDomain.drainMs) / 1000) });
  const masses = new Float64Array(SLICES);
  const batch = new RecordBatch(['acme-telemetry'], 4096);
  const out: string[] = [];
  let start = DEFAULT_START_MS;
  for (let step = 0; ; step++) {
    world.sliceMasses(start, NO_EFFECTS, masses);
    const plan = planner.next(masses, telemetryDomain.epochMs, false);
    const end = plan.final ? finalStepEndMs(start, start + telemetryDomain.epochMs, plan.total, RATE) : start + telemetryDomain.epochMs;
    for (const [funnel, owned] of funnels) {
      const counts = Int32Array.from(owned, (k) => plan.counts[k]);
      funnel.beginStep({ stepIndex: step, startMs: start, endMs: end, epochStartMs: start, counts, effects: NO_EFFECTS, final: plan.final });
      while (funnel.fill(batch, 4096) > 0) {
        for (let i = 0; i < batch.length; i++) out.push(batch.values[i]);
        batch.clear();
      }
    }
    start = end;
    if (plan.final) break;
  }
  return out;
}

function fingerprint(lines: readonly string[]): string {
  return createHash('sha1').update([...lines].sort().join('\n')).digest('hex');
}

const all = Array.from({ length: SLICES }, (_, k) => k);

test('the same seed gives the same records; another seed different ones (60,000 records, 16 slices)', () => {
  const a = run(13, [all]);
  assert.equal(a.length, EVENTS);
  assert.equal(fingerprint(run(13, [all])), fingerprint(a));
  assert.notEqual(fingerprint(run(14, [all])), fingerprint(a));
});

test('funnels on disjoint slice sets together emit exactly the records of one funnel on all slices', () => {
  const whole = fingerprint(run(13, [all]));
  assert.equal(fingerprint(run(13, [all.filter((k) => k % 2 === 0), all.filter((k) => k % 2 === 1)])), whole);
  assert.equal(fingerprint(run(13, [[0, 5, 9], all.filter((k) => ![0, 5, 9].includes(k))])), whole);
});
