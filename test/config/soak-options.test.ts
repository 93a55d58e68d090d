import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SOAK_DURATION_MS, DEFAULT_SOAK_RATE, parseSoakOptions } from '../../src/config/soak-options.js';
import { streamgen } from '../support/cli.js';

test('streamgen soak defaults to the real clock, 10 minutes at 10,000/s for every domain, p99 ≤ 250 ms', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'streamgen-soak-opts-'));
  try {
    for (const domain of ['content', 'telemetry']) {
      const o = await parseSoakOptions(['--domain', domain, '--sink', 'null', '--report', 'soak.json'], {}, dir);
      assert.equal(o.run.clock, 'real');
      assert.equal(o.run.durationMs, DEFAULT_SOAK_DURATION_MS);
      assert.equal(o.run.rate, DEFAULT_SOAK_RATE);
      assert.equal(o.run.events, null);
      assert.equal(o.sloP99Ms, 250);
      // --report is the soak's own report; the run inside writes none.
      assert.equal(o.reportPath, join(dir, 'soak.json'));
      assert.equal(o.run.reportPath, null);
      assert.ok(Object.isFrozen(o.run));
    }
    const o = await parseSoakOptions(['--sink', 'null', '--duration', '2h', '--rate', '20k', '--slo-p99-ms', '100'], {}, dir);
    assert.equal(o.run.durationMs, 2 * 3_600_000);
    assert.equal(o.run.rate, 20_000);
    assert.equal(o.sloP99Ms, 100);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const BAD: ReadonlyArray<{ args: string[]; line: string }> = [
  { args: ['--clock', 'simulated'], line: 'streamgen: streamgen soak runs on the real clock; got --clock simulated [SG_ERR_CONFIG_CONFLICT]' },
  { args: ['--rate', 'max'], line: 'streamgen: streamgen soak holds a target rate; got --rate max [SG_ERR_CONFIG_CONFLICT]' },
  { args: ['--events', '10'], line: 'streamgen: streamgen soak is bounded by --duration; got --events [SG_ERR_CONFIG_CONFLICT]' },
  { args: ['--slo-p99-ms', '0'], line: 'streamgen: --slo-p99-ms must be an integer from 1 to 600000; got "0" [SG_ERR_CONFIG_RANGE]' },
];

for (const row of BAD) {
  test(`bad soak input ${row.args.join(' ')} prints one line and exits 2`, () => {
    const r = streamgen(['soak', '--sink', 'null', ...row.args], { timeoutMs: 30_000 });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, row.line + '\n');
    assert.equal(r.stdout, '');
  });
}
