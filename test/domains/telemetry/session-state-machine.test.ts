import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bySession, sample } from './sample.js';

// 200,000 records, seed 7, 50 events/s: ≈ 67 minutes of timeline after the warm start, long enough for the
// final step's reserve (15 minutes of records) to close every open session.
const records = sample(7, 200_000, 50);
const sessions = bySession(records);

const NEXT: Readonly<Record<string, readonly string[]>> = {
  start: ['pause', 'stop', 'complete'],
  pause: ['resume', 'stop'],
  resume: ['pause', 'stop', 'complete'],
  stop: [],
  complete: [],
};
const SESSION_CONSTANT = ['customer_id', 'title_id', 'device_id', 'device_type', 'device_os', 'app_version', 'quality', 'ip_address', 'isp', 'connection_type', 'country', 'state', 'city'];

test('each session follows start → (pause → resume)* → stop | complete, in time order', () => {
  let started = 0;
  for (const [id, events] of sessions) {
    if (events[0].v.event_type === 'start') started++;
    for (let i = 1; i < events.length; i++) {
      const a = events[i - 1].v;
      const b = events[i].v;
      assert.ok(NEXT[a.event_type].includes(b.event_type), `${id}: ${a.event_type} → ${b.event_type}`);
      assert.ok(events[i].timestampMs >= events[i - 1].timestampMs, `${id}: time goes back`);
    }
  }
  // Most sessions start inside the window; the rest were already playing at the run start (warm start).
  assert.ok(started > sessions.size / 2, `${started} of ${sessions.size} sessions start in the window`);
});

test('positions advance by the watched seconds, pauses keep the position, start and resume report no watch', () => {
  for (const [id, events] of sessions) {
    for (let i = 1; i < events.length; i++) {
      const a = events[i - 1].v;
      const b = events[i].v;
      if (a.event_type === 'pause') {
        assert.equal(b.watch_duration_seconds, 0, `${id}: after a pause nothing is watched`);
        assert.equal(b.position_seconds, a.position_seconds, `${id}: ${b.event_type} keeps the pause position`);
      } else {
        assert.equal(b.position_seconds, a.position_seconds + b.watch_duration_seconds, `${id}: position = previous + watch`);
      }
    }
    for (const e of events) if (e.v.event_type === 'start' || e.v.event_type === 'resume') assert.equal(e.v.watch_duration_seconds, 0);
  }
});

test('customer, title, device, network and location stay the same within a session; complete means ≥ 90% watched', () => {
  for (const [id, events] of sessions) {
    const first = events[0].v;
    for (const e of events) {
      for (const f of SESSION_CONSTANT) assert.equal(e.v[f], first[f], `${id}.${f}`);
      if (e.v.event_type === 'complete') assert.ok(e.v.completion_percentage >= 90, `${id}: complete at ${e.v.completion_percentage}%`);
    }
  }
});

test('the bounded run ends with every session closed (last event stop or complete)', () => {
  for (const [id, events] of sessions) {
    const last = events[events.length - 1].v.event_type;
    assert.ok(last === 'stop' || last === 'complete', `${id} ends with ${last}`);
  }
});

test('no device plays two sessions at once', () => {
  const spans = new Map<string, Array<[number, number]>>();
  for (const events of sessions.values()) {
    const d = events[0].v.device_id;
    const list = spans.get(d) ?? [];
    list.push([events[0].timestampMs, events[events.length - 1].timestampMs]);
    spans.set(d, list);
  }
  for (const [device, list] of spans) {
    list.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < list.length; i++) assert.ok(list[i][0] >= list[i - 1][1], `${device}: sessions overlap`);
  }
});

test('records of each customer (one Kafka key, one partition) leave in time order', () => {
  const last = new Map<string, number>();
  for (const r of records) {
    assert.ok(r.timestampMs >= (last.get(r.key) ?? -Infinity), `${r.key} goes back in time`);
    last.set(r.key, r.timestampMs);
  }
});
