import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatProgressLine, renderLiveView, type LiveState } from '../../src/coordinator/live-view.js';

const state: LiveState = {
  sample: { t: 30, records: 300_000, rate: 9_800, target: 10_000, topics: { content_events: 299_000, 'cdc.users.profiles': 12 }, p50: 2.5, p99: 40, p999: 90, failed: 0, rss: 200 * 1048576, cpu: 150, lagMs: 2_500 },
  mainTopic: 'content_events',
  total: { count: 100, p50Ms: 2, p99Ms: 50, p999Ms: 95, maxMs: 120 },
  progress: 0.25,
  behindMs: 1_000,
};

test('the live view shows rate vs target, every topic, latency, RSS, CPU, backpressure and a progress bar with ETA', () => {
  const lines = renderLiveView(state);
  const text = lines.join('\n');
  assert.match(lines[0], /9,800\/s now vs 10,000\/s target/);
  assert.match(text, /p50 2\.50 ms {2}p99 40\.0 ms {2}p999 90\.0 ms/);
  assert.match(text, /rss 200 MiB {3}cpu 150% {3}failed 0 {3}BEHIND by 2\.5 s/);
  assert.match(text, /content_events +299,000 acked/);
  assert.match(text, /cdc\.users\.profiles +12 acked/);
  // 25% done after 30 s: 90 s to go.
  assert.match(lines.at(-1) ?? '', /^\[#{8}\.{22}\] 25\.0% {2}ETA 1m30s$/);
  assert.equal(renderLiveView({ ...state, progress: null }).length, lines.length - 1, 'unbounded runs have no bar');
});

test('the plain progress line carries the same facts on one line', () => {
  assert.equal(
    formatProgressLine(state),
    'streamgen: 300,000 content_events records in 30.0 s, 9,800/s now (target 10,000/s), p99 40.0 ms, 0 failed, behind by 2.5 s, 25.0% done',
  );
});
