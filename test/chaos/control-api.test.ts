import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { CLI, readOutput } from '../support/cli.js';

interface Status {
  timeline_ts: string;
  scenarios: Array<{ name: string; state: string }>;
}

/** Poll the API until its timeline has reached `atMs` (the run's own clock, not a sleep of ours). */
async function untilTimeline(base: string, atMs: number): Promise<void> {
  for (;;) {
    const s = (await (await fetch(`${base}/scenarios`)).json()) as Status;
    if (Date.parse(s.timeline_ts) >= atMs) return;
    await delay(50);
  }
}

test('starting and stopping a supernova through the control API changes a real-clock run and is written as ground truth', { timeout: 90_000 }, async () => {
  const out = mkdtempSync(join(tmpdir(), 'streamgen-control-'));
  try {
    // 2,000 events/s for 9 s of wall time; supernova (no ramp) from ~+3 s to ~+6 s.
    const child = spawn(process.execPath, [CLI, 'run', '--clock', 'real', '--rate', '2000', '--duration', '9s', '--control-port', '0',
      '--sink', 'files', '--out', out, '--workers', '1'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const base = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        const m = /control API on (http:\/\/[^\s]+)\/scenarios/.exec(stderr);
        if (m) resolve(m[1]);
      });
      child.on('exit', () => reject(new Error(`exited before the API started: ${stderr}`)));
    });
    const first = (await (await fetch(`${base}/scenarios`)).json()) as Status;
    const t0 = Date.parse(first.timeline_ts);
    await untilTimeline(base, t0 + 3_000);
    const started = await fetch(`${base}/scenarios/supernova/start?rampSeconds=0`, { method: 'POST' });
    assert.equal(started.status, 200);
    assert.equal(((await started.json()) as { state: string }).state, 'active');
    const bad = await fetch(`${base}/scenarios/volcano/start`, { method: 'POST' });
    assert.equal(bad.status, 400);
    await untilTimeline(base, t0 + 6_000);
    assert.deepEqual(await (await fetch(`${base}/scenarios/supernova/stop`, { method: 'POST' })).json(), { stopped: 1 });
    assert.equal(await exited, 0, stderr);

    const output = readOutput(out);
    const truth = (output.get('streamgen.chaos') ?? []).map((l) => JSON.parse(l) as { event: string; ts_ms: number });
    assert.deepEqual(truth.map((t) => t.event), ['activate', 'deactivate']);
    const [from, to] = [truth[0].ts_ms, truth[1].ts_ms];
    let inside = 0;
    let insideAll = 0;
    let outside = 0;
    let outsideAll = 0;
    for (const line of output.get('content_events') ?? []) {
      if (!line.includes('"impression"')) continue;
      const e = JSON.parse(line) as { video_id: string; event_timestamp: string };
      const ts = Date.parse(e.event_timestamp);
      const hit = e.video_id === 'v_999' ? 1 : 0;
      if (ts >= from && ts < to) {
        inside += hit;
        insideAll++;
      } else {
        outside += hit;
        outsideAll++;
      }
    }
    assert.ok(insideAll > 500 && outsideAll > 500, `${insideAll} impressions inside, ${outsideAll} outside`);
    // Without the supernova v_999 is one video in 10,000 (< 1% of impressions); with it about a third.
    assert.ok(inside / insideAll > 0.2, `v_999 share inside the window ${inside / insideAll}`);
    assert.ok(outside / outsideAll < 0.1, `v_999 share outside the window ${outside / outsideAll}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
