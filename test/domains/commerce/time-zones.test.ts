import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commerceDomain } from '../../../src/domains/commerce/index.js';
import { Users } from '../../../src/domains/commerce/catalog.js';
import { localActivity } from '../../../src/domains/commerce/load-factor.js';
import { CITIES } from '../../../src/domains/commerce/vocabulary.js';
import { runInline } from '../../support/inline-engine.js';

const ASIA = 2;
const SEED = 17;
const users = new Users(SEED, 10_000);

/** Share of sessions (page_view events) by Asian users in a run starting at `startMs`. */
function asiaShare(startMs: number): { share: number; n: number } {
  let asia = 0;
  let n = 0;
  runInline({ domain: commerceDomain, seed: SEED, events: 90_000, ratePerSec: 1_000, startMs }, (r) => {
    if (r.topic !== 'user-events' || !r.value.includes('"event_type":"page_view"')) return;
    n++;
    const user = Number(r.value.slice(r.value.indexOf('"user_id":"user_') + 16, r.value.indexOf('","session_id"')));
    if (CITIES[users.city(user)].region === ASIA) asia++;
  });
  return { share: asia / n, n };
}

/** Model share: Asian users' activity × local-hour factor over everyone's. */
function expectedShare(t: number): number {
  let asia = 0;
  let all = 0;
  for (let id = 1; id <= users.count; id++) {
    const w = users.activity(id) * localActivity(t, CITIES[users.city(id)].utcOffsetHours);
    all += w;
    if (CITIES[users.city(id)].region === ASIA) asia += w;
  }
  return asia / all;
}

test('who shops follows local time: Asia’s share of sessions at 03:00 UTC (its midday) vs 20:00 UTC (its night), ± 4 SE', () => {
  const day = Date.UTC(2026, 1, 11, 3);
  const night = Date.UTC(2026, 1, 11, 20);
  const a = asiaShare(day);
  const b = asiaShare(night);
  // ≈ 15,000 sessions each: 4·sqrt(p(1−p)/n) ≤ 0.017.
  for (const [got, t] of [[a, day], [b, night]] as const) {
    const p = expectedShare(t);
    assert.ok(Math.abs(got.share - p) < 4 * Math.sqrt((p * (1 - p)) / got.n), `${got.share} vs ${p} over ${got.n}`);
  }
  assert.ok(a.share > 3 * b.share, `${a.share} vs ${b.share}`);
});
