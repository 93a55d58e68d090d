/**
 * Per-call cost of the seeded-randomness primitives on the generator's hot path, in ns/op.
 * Each case runs a warm-up pass (JIT) and then the median of several timed passes; results feed a checksum
 * that is printed, so the work cannot be optimised away.
 * Usage: node dist/bench/random.bench.js [callsPerPass=5000000] [passes=5]
 */
import { availableParallelism, cpus } from 'node:os';
import { AliasTable } from '../src/random/alias.js';
import { sampleLogNormal } from '../src/random/distributions.js';
import { hash32 } from '../src/random/hash.js';
import { Permutation } from '../src/random/permutation.js';
import { createRng } from '../src/random/rng.js';
import { ZipfSampler } from '../src/random/zipf.js';

const calls = Number(process.argv[2] ?? 5_000_000);
const passes = Number(process.argv[3] ?? 5);
let checksum = 0;

/** Median ns per call of `body(count)`, which makes `count` calls and returns a number to fold into the checksum. */
function measure(body: (count: number) => number): number {
  checksum += body(Math.min(calls, 200_000));
  const times: number[] = [];
  for (let p = 0; p < passes; p++) {
    const t0 = process.hrtime.bigint();
    checksum += body(calls);
    times.push(Number(process.hrtime.bigint() - t0) / calls);
  }
  return times.sort((a, b) => a - b)[times.length >> 1];
}

const rng = createRng(42, 0);
const weights = new Float64Array(1000);
for (let i = 0; i < weights.length; i++) weights[i] = 1 / (i + 1);
const alias = new AliasTable(weights.length);
alias.build(weights, weights.length);
const zipf = new ZipfSampler(1_000_000, 1.0);
const perm = new Permutation(42, 1_000_000);

const cases: [string, (count: number) => number][] = [
  ['rng.nextU32()', (c) => { let s = 0; for (let i = 0; i < c; i++) s ^= rng.nextU32(); return s; }],
  ['rng.next()', (c) => { let s = 0; for (let i = 0; i < c; i++) s += rng.next(); return s; }],
  ['rng.nextDouble()', (c) => { let s = 0; for (let i = 0; i < c; i++) s += rng.nextDouble(); return s; }],
  ['rng.int(1e6 + 3)', (c) => { let s = 0; for (let i = 0; i < c; i++) s += rng.int(1_000_003); return s; }],
  ['hash32(seed, id, salt)', (c) => { let s = 0; for (let i = 0; i < c; i++) s ^= hash32(42, i, 7); return s; }],
  ['alias.sample() n=1000', (c) => { let s = 0; for (let i = 0; i < c; i++) s += alias.sample(rng); return s; }],
  ['zipf.sample() n=1e6 s=1', (c) => { let s = 0; for (let i = 0; i < c; i++) s += zipf.sample(rng); return s; }],
  ['sampleLogNormal()', (c) => { let s = 0; for (let i = 0; i < c; i++) s += sampleLogNormal(rng, 0, 0.5); return s; }],
  ['permutation.apply() n=1e6', (c) => { let s = 0; for (let i = 0; i < c; i++) s += perm.apply(i % 1_000_000); return s; }],
];

console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'cpu'}, ${availableParallelism()} cores; ${calls.toLocaleString('en-US')} calls per pass, median of ${passes}`);
console.log('| operation | ns/op |');
console.log('|---|---|');
for (const [name, body] of cases) console.log(`| ${name} | ${measure(body).toFixed(2)} |`);
console.log(`checksum ${checksum}`);
