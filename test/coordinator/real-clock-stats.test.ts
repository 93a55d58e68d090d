import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRunOptions } from '../../src/config/run-options.js';
import { runObserved } from '../../src/coordinator/run.js';
import type { StatsSample } from '../../src/coordinator/stats-series.js';

test('a 6 s real-clock run at 2,000/s writes one --stats-json line per window and holds its mean rate', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'streamgen-stats-'));
  try {
    const file = join(dir, 'stats.jsonl');
    const opts = await parseRunOptions(
      ['--sink', 'null', '--clock', 'real', '--rate', '2000', '--duration', '6s', '--workers', '2', '--quiet', '--stats-json', 'stats.jsonl'],
      {}, dir,
    );
    const lines: string[] = [];
    const { report, series } = await runObserved(opts, { log: (l) => lines.push(l) });
    assert.deepEqual(lines, [], '--quiet prints nothing');
    const written = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as StatsSample);
    assert.deepEqual(written, series);
    // Windows close at ≥ 1 s, so 6 s gives 4 to 6 of them.
    assert.ok(written.length >= 4 && written.length <= 6, `${written.length} windows`);
    const keys = ['t', 'records', 'rate', 'target', 'topics', 'p50', 'p99', 'p999', 'failed', 'rss', 'cpu', 'lagMs'];
    for (const [i, s] of written.entries()) {
      assert.deepEqual(Object.keys(s), keys);
      // The target counts only the run's 6 s: a last window reaching past the end asks for less per second.
      if (i < written.length - 1) assert.equal(s.target, 2000);
      else assert.ok(s.target !== null && s.target > 0 && s.target <= 2000, `last window target ${s.target}`);
      assert.equal(s.failed, 0);
      assert.equal(s.p99, null, 'the null sink times no requests');
      assert.ok(s.rss > 0);
      assert.ok(s.topics.content_events <= s.records);
    }
    for (let i = 1; i < written.length; i++) {
      // t is in seconds with millisecond resolution: compare whole milliseconds (2.001 - 1.001 < 1 in floating point).
      assert.ok(Math.round(written[i].t * 1000) - Math.round(written[i - 1].t * 1000) >= 1000, 'windows are at least one second');
      assert.ok(written[i].records >= written[i - 1].records, 'records only grow');
    }
    // Exact count: a real-clock --duration run plans the profile's integral, 2,000 × 6 s, to within a record per slice.
    assert.ok(Math.abs(report.mainRecords - 12_000) <= 64, `${report.mainRecords} records`);
    // Generous: the mean over generation time within ±10% (the ±1% target belongs to the soak and the benchmark).
    assert.ok(Math.abs(report.achievedPerSec / 2000 - 1) <= 0.1, `achieved ${report.achievedPerSec}/s`);
    assert.equal(report.targetPerSec !== null && Math.abs(report.targetPerSec - 2000) < 1, true, `target ${report.targetPerSec}`);
    assert.equal(report.latencyMs, null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
