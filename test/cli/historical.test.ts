import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHistoricalOptions } from '../../src/config/historical-options.js';

const DAY = 86_400_000;

test('historical --days N is the simulated clock over N whole days ending at the last UTC midnight', async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'streamgen-historical-'));
  try {
    const now = Date.parse('2026-11-24T21:30:00Z');
    const o = await parseHistoricalOptions(['--domain', 'commerce', '--days', '3', '--sink', 'null'], {}, cwd, now);
    assert.deepEqual([o.clock, new Date(o.startMs).toISOString(), o.durationMs, o.events], ['simulated', '2026-11-21T00:00:00.000Z', 3 * DAY, null]);
    const pinned = await parseHistoricalOptions(['--days', '1', '--start', '2026-11-27T00:00:00Z', '--sink', 'null'], {}, cwd, now);
    assert.equal(new Date(pinned.startMs).toISOString(), '2026-11-27T00:00:00.000Z');
    assert.equal((await parseHistoricalOptions(['--sink', 'null'], {}, cwd, now)).durationMs, 7 * DAY);
    await assert.rejects(parseHistoricalOptions(['--duration', '1h', '--sink', 'null'], {}, cwd, now), /sets the clock and the length itself .*; got --duration/);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
});
