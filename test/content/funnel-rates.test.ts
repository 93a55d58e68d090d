import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runInline } from '../support/inline-engine.js';

interface EventLike {
  event_type: string;
  video_id: string;
}

// One shared sample: 1,200,000 content_events, seed 7, default knobs (10k videos, 100k users).
const N = 1_200_000;
const counts: Record<string, number> = { impression: 0, play_start: 0, play_finish: 0, skip: 0, like: 0, share: 0 };
const impressionsPerVideo = new Map<string, number>();
let mainRecords = 0;
runInline({ seed: 7, events: N }, (r) => {
  if (r.topic !== 'content_events') return;
  mainRecords++;
  const e = JSON.parse(r.value) as EventLike;
  counts[e.event_type]++;
  if (e.event_type === 'impression') impressionsPerVideo.set(e.video_id, (impressionsPerVideo.get(e.video_id) ?? 0) + 1);
});

test('--events N yields exactly N content_events records', () => {
  assert.equal(mainRecords, N);
});

test('play_start/impression is 0.85 ± 0.01 over ~430k impressions, seed 7', () => {
  // SE = sqrt(0.85·0.15/430k) ≈ 0.00054; the spec tolerance 0.01 is far outside noise.
  const ratio = counts.play_start / counts.impression;
  assert.ok(counts.impression > 400_000, `impressions ${counts.impression}`);
  assert.ok(Math.abs(ratio - 0.85) <= 0.01, `play_start/impression = ${ratio}`);
});

test('like/play_start is 0.08 ± 0.005 and share/play_start is 0.015 ± 0.002, seed 7', () => {
  // ~365k play_starts: SE(like) = sqrt(0.08·0.92/365k) ≈ 0.00045, SE(share) ≈ 0.0002; tolerances ≥ 10 SE.
  const like = counts.like / counts.play_start;
  const share = counts.share / counts.play_start;
  assert.ok(Math.abs(like - 0.08) <= 0.005, `like/play_start = ${like}`);
  assert.ok(Math.abs(share - 0.015) <= 0.002, `share/play_start = ${share}`);
});

test('every play_start ends in play_finish or skip (except sessions cut at the end)', () => {
  const ended = counts.play_finish + counts.skip;
  // The final step drains open sessions, so only slices whose last quota was below their backlog cut any.
  assert.ok(counts.play_start - ended >= 0 && counts.play_start - ended < 500, `play_start ${counts.play_start}, ended ${ended}`);
  const completion = counts.play_finish / ended;
  assert.ok(completion > 0.2 && completion < 0.8, `completion rate ${completion} outside a plausible band`);
});

test('the head 20% of videos receive 0.80 ± 0.04 of impressions (Zipf, exponent 0.95)', () => {
  // Pure Zipf(0.95) over 10k videos puts 0.800 on the head 20%; the freshness boost of recent uploads
  // moves a little mass to the tail. The head is measured over the videos that got impressions here.
  const per = [...impressionsPerVideo.values()].sort((a, b) => b - a);
  const catalogue = 10_000;
  const head = per.slice(0, catalogue * 0.2).reduce((s, n) => s + n, 0);
  const share = head / counts.impression;
  assert.ok(Math.abs(share - 0.8) <= 0.04, `head-20% share = ${share}`);
});
