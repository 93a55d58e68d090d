import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { adtechDomain } from '../../../src/domains/adtech/index.js';
import { NO_EFFECTS } from '../../../src/domains/domain.js';
import { RecordBatch } from '../../../src/encoding/record-batch.js';
import { StepPlanner, finalStepEndMs } from '../../../src/coordinator/step-planner.js';
import { DEFAULT_START_MS, runInline } from '../../support/inline-engine.js';

const SLICES = 64;
const RATE = 10_000;

/** Every record of a run as `topic|key|value|timestamp` lines, with funnels owning the given slice groups. */
function linesOf(seed: number, events: number, groups: readonly (readonly number[])[]): string[] {
  return groupLines(seed, events, groups).flat();
}

/** Records of a non-final step stamped at or after the step's end, counted by groupLines. */
let lateRecords = 0;

/** The lines of each funnel separately, in its emission order. */
function groupLines(seed: number, events: number, groups: readonly (readonly number[])[], rate = RATE): string[][] {
  const world = adtechDomain.createWorld({ seed, startMs: DEFAULT_START_MS, sliceCount: SLICES, knobs: {} });
  const funnels = groups.map((g) => world.createFunnel(g));
  const planner = new StepPlanner({ sliceCount: SLICES, ratePerSec: rate, eventsLimit: events, reserveRecords: 0 });
  const masses = new Float64Array(SLICES);
  const batch = new RecordBatch(adtechDomain.topics.map((t) => t.name), 1000);
  const out: string[][] = groups.map(() => []);
  let start = DEFAULT_START_MS;
  for (let step = 0; ; step++) {
    world.sliceMasses(start, NO_EFFECTS, masses);
    const plan = planner.next(masses, adtechDomain.epochMs, false);
    const end = plan.final ? finalStepEndMs(start, start + adtechDomain.epochMs, plan.total, rate) : start + adtechDomain.epochMs;
    groups.forEach((g, i) => {
      const counts = Int32Array.from(g, (s) => plan.counts[s]);
      funnels[i].beginStep({ stepIndex: step, startMs: start, endMs: end, epochStartMs: start, counts, effects: NO_EFFECTS, final: plan.final });
      // Small, odd fills: output must not depend on how the worker slices its batches.
      while (funnels[i].fill(batch, 333) > 0) {
        for (let j = 0; j < batch.length; j++) {
          if (!plan.final && batch.timestamps[j] >= end) lateRecords++;
          out[i].push(`${batch.topicNames[batch.topicIndex[j]]}|${batch.keys[j]}|${batch.values[j]}|${batch.timestamps[j]}`);
        }
        batch.clear();
      }
    });
    start = end;
    if (plan.final) break;
  }
  return out;
}

const fingerprint = (lines: readonly string[]): string => createHash('sha256').update([...lines].sort().join('\n')).digest('hex');
const all = Array.from({ length: SLICES }, (_, k) => k);

test('the same seed gives the same records; a different seed different ones', () => {
  const a = linesOf(3, 50_000, [all]);
  assert.equal(fingerprint(a), fingerprint(linesOf(3, 50_000, [all])));
  assert.notEqual(fingerprint(a), fingerprint(linesOf(4, 50_000, [all])));
});

test('funnels on disjoint slice sets (as workers or --shard) together give exactly the single-funnel records', () => {
  const whole = linesOf(3, 50_000, [all]);
  const split = linesOf(3, 50_000, [all.filter((k) => k % 3 === 0), all.filter((k) => k % 3 === 1), all.filter((k) => k % 3 === 2)]);
  assert.equal(split.length, whole.length);
  assert.equal(fingerprint(split), fingerprint(whole));
});

test('runInline and a batch size of 333 agree (the fill size never changes the output)', () => {
  const inline: string[] = [];
  runInline({ domain: adtechDomain, seed: 3, events: 50_000, ratePerSec: RATE, slices: SLICES }, (r) => inline.push(`${r.topic}|${r.key}|${r.value}|${r.timestampMs}`));
  assert.equal(fingerprint(inline), fingerprint(linesOf(3, 50_000, [all])));
});

test('within each slice the records leave in timestamp order, so every topic is time-ordered per slice', () => {
  const perSlice = groupLines(8, 30_000, all.map((k) => [k]));
  let records = 0;
  for (const lines of perSlice) {
    let last = -Infinity;
    for (const line of lines) {
      const ts = Number(line.slice(line.lastIndexOf('|') + 1));
      assert.ok(ts >= last, `backward step ${last} → ${ts}`);
      last = ts;
    }
    records += lines.length;
  }
  assert.ok(records > 30_000);
});

test('at a low rate (10 requests/s, as the spec default) responses and impressions leave in the step they are due in', () => {
  // 64 slices at 10/s: most slices see no request for many steps, so a stage held until the slice's next
  // request would be stamped steps earlier than it is emitted; none is, and every chain still completes.
  lateRecords = 0;
  const lines = groupLines(6, 1_500, [all], 10).flat();
  const stages = lines.filter((l) => l.startsWith('bid-responses|')).length;
  assert.ok(stages > 800, `${stages} responses`);
  assert.equal(lateRecords, 0);
});
