import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRunOptions } from '../../src/config/run-options.js';

test("a domain's default rate applies only when --rate is not given", async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'streamgen-defaults-'));
  try {
    assert.equal((await parseRunOptions(['--domain', 'telemetry', '--sink', 'null'], {}, cwd)).rate, 145);
    assert.equal((await parseRunOptions(['--domain', 'telemetry', '--sink', 'null', '--rate', '500'], {}, cwd)).rate, 500);
    assert.equal((await parseRunOptions(['--domain', 'telemetry', '--sink', 'null'], { STREAMGEN_RATE: '2k' }, cwd)).rate, 2000);
    assert.equal((await parseRunOptions(['--sink', 'null'], {}, cwd)).rate, 10_000);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
});
