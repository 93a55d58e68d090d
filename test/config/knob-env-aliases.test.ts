import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRunOptions } from '../../src/config/run-options.js';

test("spec 003's environment variables set the adtech funnel rates, below --knob in precedence", async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'streamgen-knob-env-'));
  try {
    const env = { BID_RESPONSE_RATE: '0.5', WIN_RATE: '0.2', CLICK_RATE: '0.03' };
    const o = await parseRunOptions(['--domain', 'adtech', '--sink', 'null', '--knob', 'winRate=0.25'], env, cwd);
    assert.deepEqual([o.knobs.bidResponseRate, o.knobs.winRate, o.knobs.clickRate], [0.5, 0.25, 0.03]);
    await assert.rejects(parseRunOptions(['--domain', 'adtech', '--sink', 'null'], { WIN_RATE: '2' }, cwd), /^StreamgenError: WIN_RATE must be a number from 0 to 1; got "2"$/);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
});
