import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runInline } from '../support/inline-engine.js';

interface Cdc {
  op: string;
  ts_ms: number;
  after: { video_id?: string; user_id?: string; author_id?: string; status?: string; upload_time?: string };
}

// A churning world so the rules are exercised: 10 uploads/s, 100 registrations/s, 20% of videos banned
// about 72 s after upload; 400,000 events at 2,000/s (200 s of timeline), seed 5.
const knobs = { uploadsPerHour: 36_000, registrationsPerHour: 360_000, banRate: 0.2, banDelayHours: 0.02, creatorRate: 0.2 };
const videoCreatedAt = new Map<string, number>();
const userCreatedAt = new Map<string, number>();
const bannedAt = new Map<string, number>();
const impressions: Array<[string, number]> = [];
const violations: string[] = [];
let creates = 0;
let updates = 0;
runInline({ seed: 5, events: 400_000, ratePerSec: 2_000, knobs }, (r) => {
  if (r.topic === 'content_events') {
    const e = JSON.parse(r.value) as { video_id: string; user_id: string; event_type: string; event_timestamp: string };
    const ts = Date.parse(e.event_timestamp);
    const v = videoCreatedAt.get(e.video_id);
    const u = userCreatedAt.get(e.user_id);
    if (v === undefined || v > ts) violations.push(`${e.event_type} on ${e.video_id} at ${ts} before its create (${v})`);
    if (u === undefined || u > ts) violations.push(`${e.event_type} by ${e.user_id} at ${ts} before its create (${u})`);
    if (e.event_type === 'impression') impressions.push([e.video_id, ts]);
    return;
  }
  const c = JSON.parse(r.value) as Cdc;
  if (r.topic === 'cdc.content.videos') {
    const id = c.after.video_id as string;
    if (c.op === 'u') {
      updates++;
      if (!videoCreatedAt.has(id)) violations.push(`update of ${id} before its create`);
      if (c.after.status === 'banned') bannedAt.set(id, c.ts_ms);
    } else {
      creates++;
      videoCreatedAt.set(id, c.ts_ms);
      if (!userCreatedAt.has(c.after.author_id as string)) violations.push(`${id} authored by ${c.after.author_id} before the author exists`);
      if (c.after.status === 'banned') bannedAt.set(id, c.ts_ms);
    }
  } else {
    const id = c.after.user_id as string;
    if (c.op === 'u') {
      updates++;
      if (!userCreatedAt.has(id)) violations.push(`update of ${id} before its create`);
    } else userCreatedAt.set(id, c.ts_ms);
  }
});

test('no event names a video or user before its CDC create record was emitted', () => {
  assert.ok(creates > 10_000 + 1_500, `video creates ${creates}`);
  assert.deepEqual(violations.slice(0, 5), []);
});

test('no impression reaches a video at or after its ban', () => {
  assert.ok(bannedAt.size > 100, `bans ${bannedAt.size}`);
  assert.ok(updates > 100);
  const late = impressions.filter(([v, ts]) => (bannedAt.get(v) ?? Infinity) <= ts);
  assert.deepEqual(late.slice(0, 5), []);
});

test('fresh uploads receive traffic (the catalogue grows during the run)', () => {
  const fresh = impressions.filter(([v]) => Number(v.slice(2)) > 10_000).length;
  assert.ok(fresh > 1_000, `impressions on videos uploaded during the run: ${fresh}`);
});
