import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runInline } from '../support/inline-engine.js';

interface Ev {
  event_id: string;
  event_timestamp: string;
  video_id: string;
  user_id: string;
  event_type: string;
  payload: { watch_time_ms: number; video_duration_ms: number };
}

// 300,000 events, seed 3. A session is identified by (user, video, impression); we follow the pairs
// whose (user, video) occurs in exactly one impression, so the events cannot belong to another session.
const events: Ev[] = [];
runInline({ seed: 3, events: 300_000 }, (r) => {
  if (r.topic === 'content_events') events.push(JSON.parse(r.value) as Ev);
});
const byPair = new Map<string, Ev[]>();
for (const e of events) {
  const k = e.user_id + '|' + e.video_id;
  const list = byPair.get(k);
  if (list) list.push(e);
  else byPair.set(k, [e]);
}
const sessions = [...byPair.values()].filter((l) => l.filter((e) => e.event_type === 'impression').length === 1);

test('within a session events are emitted in causal order with non-decreasing timestamps', () => {
  assert.ok(sessions.length > 50_000, `sessions ${sessions.length}`);
  const rank: Record<string, number> = { impression: 0, play_start: 1, like: 2, share: 2, play_finish: 3, skip: 3 };
  for (const s of sessions) {
    assert.equal(s[0].event_type, 'impression');
    for (let i = 1; i < s.length; i++) {
      assert.ok(rank[s[i].event_type] >= rank[s[i - 1].event_type], `order ${s.map((e) => e.event_type).join(',')}`);
      assert.ok(s[i].event_timestamp >= s[i - 1].event_timestamp, 'timestamps go backwards');
    }
  }
});

test('like and share happen only after play_start, at play_start + watch_time_ms', () => {
  let checked = 0;
  for (const s of sessions) {
    const ps = s.find((e) => e.event_type === 'play_start');
    for (const e of s) {
      if (e.event_type !== 'like' && e.event_type !== 'share' && e.event_type !== 'skip' && e.event_type !== 'play_finish') continue;
      assert.ok(ps, `${e.event_type} without play_start`);
      assert.equal(Date.parse(e.event_timestamp) - Date.parse(ps.event_timestamp), e.payload.watch_time_ms);
      checked++;
    }
  }
  assert.ok(checked > 50_000);
});

test('watch_time_ms follows spec 000 §2.2 per event type', () => {
  for (const e of events) {
    const { watch_time_ms: w, video_duration_ms: d } = e.payload;
    switch (e.event_type) {
      case 'impression':
      case 'play_start': assert.equal(w, 0); break;
      case 'play_finish': assert.equal(w, d); break;
      case 'skip': assert.ok(w > 0 && w < d, `skip at ${w} of ${d}`); break;
      default: assert.ok(w >= 0 && w <= d, `${e.event_type} at ${w} of ${d}`);
    }
  }
});

test('like timing is skewed to the start of the video (the hook): median below a quarter of the duration', () => {
  const rel = events.filter((e) => e.event_type === 'like').map((e) => e.payload.watch_time_ms / e.payload.video_duration_ms).sort((a, b) => a - b);
  assert.ok(rel.length > 5_000);
  const median = rel[rel.length >> 1];
  assert.ok(median < 0.25, `median like position ${median}`);
});

test('event ids are distinct UUID v4', () => {
  const ids = new Set(events.map((e) => e.event_id));
  assert.equal(ids.size, events.length);
  for (const id of [...ids].slice(0, 1000)) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});
