import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRunOptions } from '../../src/config/run-options.js';
import { createRateProfile } from '../../src/coordinator/rate-profile.js';
import { RunObserver } from '../../src/coordinator/run-observer.js';

test('a timeline 4 s behind the wall clock is reported: a warning line, the lag in the series, shortfall in the summary', async () => {
  const opts = await parseRunOptions(['--sink', 'null', '--clock', 'real', '--rate', '1000', '--duration', '60s'], {}, process.cwd());
  // The run "started" 5 s ago and its steps have only reached 1 s of timeline (1,000 records): the sink is behind.
  const wallStart = Date.now() - 5_000;
  const lines: string[] = [];
  const observer = new RunObserver(opts, { log: (l) => lines.push(l) }, createRateProfile(opts.profile, 1000, wallStart), 'content_events', wallStart);
  const stats = { records: 1000, bytes: 0, acked: 1000, failed: 0, retried: 0, topics: { content_events: { acked: 1000, failed: 0, partitions: {} } } };
  observer.onStep([{ stats, latency: null }], 1000, wallStart + 1_000);
  observer.endGeneration();
  try {
    assert.equal(lines.filter((l) => /^streamgen: warning: the sink cannot keep up: \d+\/s achieved vs [\d,]+\/s target, timeline [\d.]+ s behind the wall clock$/.test(l)).length, 1, lines.join('\n'));
    const [sample] = observer.series.samples;
    assert.ok(sample.lagMs >= 4_000 && sample.lagMs < 5_000, `lag ${sample.lagMs}`);
    assert.equal(sample.target, 1000);
    const s = observer.summary();
    assert.ok(s.maxLagMs >= 4_000);
    assert.ok(s.behindSeconds >= 5);
    // Expected ≈ 5 s × 1,000/s (plus the few ms this test takes), produced 1,000.
    assert.ok(s.shortfallRecords !== null && s.shortfallRecords >= 4_000 && s.shortfallRecords < 4_500, `shortfall ${s.shortfallRecords}`);
    assert.ok(s.targetPerSec !== null && Math.abs(s.targetPerSec - 1000) < 1);
    assert.ok(s.achievedPerSec < 250);
  } finally {
    await observer.close();
  }
});
