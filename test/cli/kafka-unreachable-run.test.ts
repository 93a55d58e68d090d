import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { streamgen } from '../support/cli.js';

test('streamgen run --sink kafka with an unreachable broker fails with one coded line and a non-zero exit', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'streamgen-unreachable-'));
  try {
    // Port 1 on loopback: nothing listens there, so the connection is refused until the 2 s connect timeout.
    const r = streamgen(['run', '--sink', 'kafka', '--brokers', '127.0.0.1:1', '--connect-timeout-ms', '2000', '--events', '1000'], { cwd, timeoutMs: 60_000 });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /^streamgen: cannot reach Kafka at 127\.0\.0\.1:1 within 2000 ms: .* \[SG_ERR_KAFKA_CONNECT\]\n$/);
    assert.equal(r.stdout, '');
    assert.deepEqual(readdirSync(cwd), []);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
});
