import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Users } from '../../../src/domains/commerce/catalog.js';
import { CITIES, DEVICE_WEIGHTS, REGION_WEIGHTS, USER_TYPE_WEIGHTS } from '../../../src/domains/commerce/vocabulary.js';

// 200,000 users of seed 7, each attribute a pure function of (seed, id).
const N = 200_000;
const users = new Users(7, N);

function shares(attr: (id: number) => number, k: number): number[] {
  const counts = new Array<number>(k).fill(0);
  for (let id = 1; id <= N; id++) counts[attr(id)]++;
  return counts.map((c) => c / N);
}

/** 4 standard errors of a proportion p over N draws: 4·sqrt(p(1−p)/N); at p = 0.5 that is 0.0045. */
const tol = (p: number): number => 4 * Math.sqrt((p * (1 - p)) / N);

test('user types are regular 70%, VIP 5%, new 25% (± 4 SE over 200,000 users, e.g. ±0.0041 at 70%)', () => {
  const got = shares((id) => users.type(id), 3);
  USER_TYPE_WEIGHTS.forEach((p, i) => assert.ok(Math.abs(got[i] - p) < tol(p), `type ${i}: ${got[i]} vs ${p}`));
});

test('home regions are North America 45%, Europe 30%, Asia 20%, Others 5% (± 4 SE over 200,000 users)', () => {
  const got = shares((id) => CITIES[users.city(id)].region, 4);
  REGION_WEIGHTS.forEach((p, i) => assert.ok(Math.abs(got[i] - p) < tol(p), `region ${i}: ${got[i]} vs ${p}`));
});

test('primary devices are mobile 50%, desktop 35%, tablet 15% (± 4 SE over 200,000 users)', () => {
  const got = shares((id) => users.deviceType(id), 3);
  DEVICE_WEIGHTS.forEach((p, i) => assert.ok(Math.abs(got[i] - p) < tol(p), `device ${i}: ${got[i]} vs ${p}`));
});

test('a user is the same user in every world built from the same seed, and another one under another seed', () => {
  const again = new Users(7, N);
  const other = new Users(8, N);
  let differs = 0;
  for (let id = 1; id <= 1_000; id++) {
    assert.equal(again.city(id), users.city(id));
    assert.equal(again.type(id), users.type(id));
    if (other.city(id) !== users.city(id)) differs++;
  }
  assert.ok(differs > 500, `${differs} of 1,000 cities differ between seeds`);
});
