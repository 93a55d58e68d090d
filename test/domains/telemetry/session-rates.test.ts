import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../../../src/random/rng.js';
import { ZipfSampler } from '../../../src/random/zipf.js';
import { COMPLETE, PAUSE, STOP, SessionModel, SliceCustomers } from '../../../src/domains/telemetry/sessions.js';
import { TelemetryWorld } from '../../../src/domains/telemetry/world.js';
import type { KnobValues } from '../../../src/domains/domain.js';

interface Tally {
  sessions: number;
  continued: number;
  bounces: number;
  completes: number;
  pauses: number;
  abandons: number;
  events: number;
  watchS: number;
  nonBounceWatchS: number;
  nonBouncePauses: number;
  durationMs: number;
  uhdBelow25: number;
}

/** Play n sessions of the model to their end on a fixed stream and count what the knobs govern. */
function play(n: number, knobs: KnobValues): Tally {
  const world = new TelemetryWorld({ seed: 21, startMs: 0, sliceCount: 16, knobs });
  const model = new SessionModel(world.customers, world.titles, new ZipfSampler(world.knobs.titles, world.knobs.titleZipfExponent), world.knobs);
  const pool = new SliceCustomers(world.customers, 0, 16);
  const rng = createRng(21, 77);
  const t: Tally = { sessions: n, continued: 0, bounces: 0, completes: 0, pauses: 0, abandons: 0, events: 0, watchS: 0, nonBounceWatchS: 0, nonBouncePauses: 0, durationMs: 0, uhdBelow25: 0 };
  for (let i = 0; i < n; i++) {
    const s = model.open(rng, pool, 0, i);
    const bounce = model.kind[s] === 0;
    if (bounce) t.bounces++;
    if (model.position[s] > 0) t.continued++;
    if (model.quality[s] === 2 && model.bandwidth[s] < 25) t.uhdBelow25++;
    let afterPause = false;
    for (;;) {
      const type = model.nextType[s];
      t.events++;
      t.watchS += model.watch[s];
      if (!bounce) t.nonBounceWatchS += model.watch[s];
      if (type === PAUSE) {
        t.pauses++;
        if (!bounce) t.nonBouncePauses++;
      }
      if (afterPause && type === STOP) t.abandons++;
      if (type === COMPLETE) t.completes++;
      afterPause = type === PAUSE;
      const ts = model.nextTs[s];
      if (!model.advance(rng, s, pool, false)) {
        t.durationMs += ts;
        break;
      }
    }
  }
  return t;
}

test('continueRate, bounceRate and completeRate are the shares of sessions they state (n = 100,000)', () => {
  const n = 100_000;
  const t = play(n, { abandonRate: 0 });
  // Binomial SE: continue sqrt(.3·.7/1e5) ≈ 0.00145 (4 SE 0.006); bounce sqrt(.25·.75/1e5) ≈ 0.00137 (4 SE 0.0055);
  // complete among the ≈ 75,000 non-bounces sqrt(.25/75,000) ≈ 0.0018 (4 SE 0.0073).
  assert.ok(Math.abs(t.continued / n - 0.3) < 0.006, `continued ${t.continued / n}`);
  assert.ok(Math.abs(t.bounces / n - 0.25) < 0.0055, `bounces ${t.bounces / n}`);
  assert.ok(Math.abs(t.completes / (n - t.bounces) - 0.5) < 0.0073, `completes ${t.completes / (n - t.bounces)}`);
  assert.equal(t.uhdBelow25, 0);
});

test('pausesPerHour is the pause rate per hour watched and abandonRate the share of pauses that end the session', () => {
  const t = play(60_000, {});
  // Pauses are a Poisson process along watch time (rate 7/h) cut where the viewer leaves: E[pauses] = 7 · E[hours]
  // (Wald). ≈ 60,000 · 0.75 · 0.55 h · 7 ≈ 170,000 pauses: Poisson SE ≈ 0.25%; 4 SE ≈ 1%, plus < 0.5% from rounding
  // segments to whole seconds.
  const perHour = t.nonBouncePauses / (t.nonBounceWatchS / 3600);
  assert.ok(Math.abs(perHour / 7 - 1) < 0.015, `pauses per watched hour ${perHour}`);
  // Abandons: binomial over ≈ 170,000 pauses, SE sqrt(.08·.92/170,000) ≈ 0.00066; 4 SE ≈ 0.0027.
  assert.ok(Math.abs(t.abandons / t.pauses - 0.08) < 0.0027, `abandon share ${t.abandons / t.pauses}`);
});

test('events per viewer-hour fall where spec 004\'s peak (12–20) and off-peak (8–15) ranges overlap', () => {
  const t = play(60_000, {});
  const perViewerHour = t.events / (t.durationMs / 3_600_000);
  assert.ok(perViewerHour >= 12 && perViewerHour <= 15, `${perViewerHour} events per viewer-hour`);
});
