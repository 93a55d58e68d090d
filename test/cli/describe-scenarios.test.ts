import { test } from 'node:test';
import assert from 'node:assert/strict';
import { streamgen } from '../support/cli.js';

test('describe --json lists every chaos scenario of the content domain with its parameters', () => {
  const r = streamgen(['describe', '--json']);
  assert.equal(r.status, 0, r.stderr);
  const d = JSON.parse(r.stdout) as { scenarios: Array<{ name: string; params: string }> };
  assert.deepEqual(d.scenarios.map((s) => s.name), ['supernova', 'broken_client', 'inventory_drought', 'peak_traffic', 'maintenance_mode']);
  assert.equal(d.scenarios[0].params, 'video=999, factor=500, rampSeconds=30');
});
