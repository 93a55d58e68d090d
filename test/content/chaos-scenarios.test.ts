import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ScenarioActivation } from '../../src/domains/domain.js';
import { DEFAULT_START_MS, runInline } from '../support/inline-engine.js';

const MIN = 60_000;
const at = (offsetMs: number): number => DEFAULT_START_MS + offsetMs;
const activation = (name: string, startOffsetMs: number, endOffsetMs: number, params: Record<string, number | string> = {}): ScenarioActivation =>
  ({ name, startMs: at(startOffsetMs), endMs: endOffsetMs === Infinity ? Infinity : at(endOffsetMs), params });

interface Ev {
  event_type: string;
  video_id: string;
  event_timestamp: string;
}

function collect(opts: Parameters<typeof runInline>[0]): Array<Ev & { ts: number }> {
  const events: Array<Ev & { ts: number }> = [];
  runInline(opts, (r) => {
    if (r.topic === 'content_events') events.push({ ...(JSON.parse(r.value) as Ev), ts: r.timestampMs });
  });
  return events;
}

function topBy(events: Array<Ev & { ts: number }>, type: string, from: number, to: number): Array<[string, number]> {
  const n = new Map<string, number>();
  for (const e of events) if (e.event_type === type && e.ts >= from && e.ts < to) n.set(e.video_id, (n.get(e.video_id) ?? 0) + 1);
  return [...n.entries()].sort((a, b) => b[1] - a[1]);
}

test('supernova: v_999 is #1 by impressions and likes within 60 s of activation, and falls back after it ends', () => {
  // 1,000 events/s for 12 simulated minutes (720k events), seed 21; supernova from +3 min to +6 min.
  const effects = { scenarios: [activation('supernova', 3 * MIN, 6 * MIN)] };
  const events = collect({ seed: 21, events: 720_000, ratePerSec: 1_000, effects });
  const before = topBy(events, 'impression', at(0), at(3 * MIN));
  const rankBefore = before.findIndex(([v]) => v === 'v_999');
  assert.ok(rankBefore !== 0, 'v_999 is not already #1');
  const firstMinute = [at(3 * MIN), at(4 * MIN)] as const;
  assert.equal(topBy(events, 'impression', ...firstMinute)[0][0], 'v_999');
  assert.equal(topBy(events, 'like', ...firstMinute)[0][0], 'v_999');
  const during = topBy(events, 'impression', at(4 * MIN), at(6 * MIN));
  const total = during.reduce((s, [, n]) => s + n, 0);
  assert.equal(during[0][0], 'v_999');
  const after = topBy(events, 'impression', at(9 * MIN), at(12 * MIN));
  const shareDuring = during[0][1] / total;
  const shareAfter = (after.find(([v]) => v === 'v_999')?.[1] ?? 0) / after.reduce((s, [, n]) => s + n, 0);
  assert.ok(shareAfter < shareDuring / 10, `share during ${shareDuring}, after ${shareAfter}`);
});

test('broken_client: zero likes from v15.0 users; like/play falls in proportion to adoption', () => {
  // 1,000 events/s for 30 simulated minutes (1.8M events), seed 22; broken 15.0 from +5 min, mean adoption 10 min.
  const effects = { scenarios: [activation('broken_client', 5 * MIN, Infinity, { version: '15.0', adoptionMinutes: 10 })] };
  const windows = Array.from({ length: 6 }, () => ({ plays: 0, likes: 0, v15Plays: 0 }));
  let v15Likes = 0;
  runInline({ seed: 22, events: 1_800_000, ratePerSec: 1_000, effects }, (r) => {
    if (r.topic !== 'content_events') return;
    const w = windows[Math.floor((r.timestampMs - DEFAULT_START_MS) / (5 * MIN))];
    if (!w) return; // the last sessions drain past the 30th minute
    const v15 = r.value.includes('"app_version":"15.0"');
    if (r.value.includes('"event_type":"play_start"')) {
      w.plays++;
      if (v15) w.v15Plays++;
    } else if (r.value.includes('"event_type":"like"')) {
      w.likes++;
      if (v15) v15Likes++;
    }
  });
  assert.equal(v15Likes, 0);
  assert.equal(windows[0].v15Plays, 0);
  assert.ok(windows[5].v15Plays / windows[5].plays > 0.8, `adoption at the end ${windows[5].v15Plays / windows[5].plays}`);
  // Per 5-minute window: like/play ≈ 0.08 × (1 − v15 share of plays). ~105k plays per window:
  // SE(like/play) ≈ sqrt(0.08·0.92/105k) ≈ 0.0008; tolerance 0.004 (5 SE).
  for (const [i, w] of windows.entries()) {
    const expected = 0.08 * (1 - w.v15Plays / w.plays);
    assert.ok(Math.abs(w.likes / w.plays - expected) < 0.004, `window ${i}: like/play ${w.likes / w.plays}, expected ${expected}`);
  }
});

test("inventory_drought: no op 'c' while active; the fresh-supply ratio falls every 10 minutes to zero", () => {
  // 500 events/s for 90 simulated minutes (2.7M events), 2 uploads/s, seed 23; drought from +10 min on.
  const effects = { scenarios: [activation('inventory_drought', 10 * MIN, Infinity)] };
  const uploadedAt = new Map<string, number>();
  const creates: number[] = [];
  const impressions: Array<[string, number]> = [];
  runInline({ seed: 23, events: 2_700_000, ratePerSec: 500, effects, knobs: { uploadsPerHour: 7_200 } }, (r) => {
    if (r.topic === 'cdc.content.videos') {
      const c = JSON.parse(r.value) as { op: string; after: { video_id: string; upload_time: string } };
      if (c.op === 'c') creates.push(r.timestampMs);
      uploadedAt.set(c.after.video_id, Date.parse(c.after.upload_time));
    } else if (r.topic === 'content_events' && r.value.includes('"impression"')) {
      impressions.push([r.key, r.timestampMs]);
    }
  });
  assert.ok(creates.some((ts) => ts < at(10 * MIN)), 'uploads before the drought');
  assert.deepEqual(creates.filter((ts) => ts >= at(10 * MIN)), []);
  // Fresh supply ratio (spec 000 §5 C): share of impressions on videos less than 1 h old, per 10-minute window.
  const ratios: number[] = [];
  for (let w = 1; w < 9; w++) {
    let all = 0;
    let fresh = 0;
    for (const [video, ts] of impressions) {
      if (ts < at(w * 10 * MIN) || ts >= at((w + 1) * 10 * MIN)) continue;
      all++;
      if (ts - (uploadedAt.get(video) ?? -Infinity) < 60 * MIN) fresh++;
    }
    ratios.push(fresh / all);
  }
  const shown = ratios.map((r) => r.toFixed(4)).join(', ');
  for (let i = 1; i < ratios.length; i++) {
    assert.ok(ratios[i] < ratios[i - 1] || (ratios[i] === 0 && ratios[i - 1] === 0), `fresh ratios ${shown}`);
  }
  assert.ok(ratios[0] > 0.05, `fresh ratios ${shown}`);
  assert.equal(ratios[ratios.length - 1], 0, `fresh ratios ${shown}`);
});
