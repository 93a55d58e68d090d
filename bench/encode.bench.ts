/**
 * Encoding fragments against the built-ins they replace: ns per call, median of repeats, same-run baseline ratio.
 * Every result is read at its last character, which flattens concatenated strings, so lazily built text
 * pays the cost the sinks would pay when they encode it.
 * Usage: node dist/bench/encode.bench.js [calls=2000000] [repeats=5]
 */
import { randomUUID } from 'node:crypto';
import { availableParallelism, cpus } from 'node:os';
import { IsoTimeFormatter } from '../src/encoding/iso-time.js';
import { quoteJsonString } from '../src/encoding/json-string.js';
import { formatUuidV4 } from '../src/encoding/uuid.js';

const calls = Number(process.argv[2] ?? 2_000_000);
const repeats = Number(process.argv[3] ?? 5);
const START_MS = Date.UTC(2026, 1, 7, 10);

/** mulberry32, seed 1: the same inputs every run. */
function seededWords(n: number): Uint32Array {
  const out = new Uint32Array(n);
  let s = 1;
  for (let i = 0; i < n; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (t ^ (t >>> 14)) >>> 0;
  }
  return out;
}

const words = seededWords(calls * 4);
// Roughly 10k events/s of simulated time, in order: the funnel's pattern.
const inOrderMs = Float64Array.from({ length: calls }, (_, i) => START_MS + Math.floor(i * 0.1));
// Anywhere in a year: the pattern of CDC upload times.
const scatteredMs = Float64Array.from({ length: calls }, (_, i) => START_MS + (words[i] % 31_536_000) * 1000 + (words[i] % 1000));
const keys = Array.from({ length: 1024 }, (_, i) => `v_${words[i] % 10_000_000}`);
const titles = Array.from({ length: 1024 }, (_, i) => `Top ${i} moments from the livestream, part ${words[i] % 100}`);

type Scenario = readonly [name: string, baseline: string | null, run: (n: number) => number];

const iso = new IsoTimeFormatter();
const scenarios: readonly Scenario[] = [
  ['crypto.randomUUID', null, (n) => { let x = 0; for (let i = 0; i < n; i++) { const s = randomUUID(); x += s.charCodeAt(35); } return x; }],
  ['formatUuidV4 (words given)', 'crypto.randomUUID', (n) => {
    let x = 0;
    for (let i = 0; i < n; i++) { const s = formatUuidV4(words[4 * i], words[4 * i + 1], words[4 * i + 2], words[4 * i + 3]); x += s.charCodeAt(35); }
    return x;
  }],
  ['toISOString (in order)', null, (n) => { let x = 0; for (let i = 0; i < n; i++) { const s = new Date(inOrderMs[i]).toISOString(); x += s.charCodeAt(23); } return x; }],
  ['IsoTimeFormatter.format (in order)', 'toISOString (in order)', (n) => { let x = 0; for (let i = 0; i < n; i++) { const s = iso.format(inOrderMs[i]); x += s.charCodeAt(23); } return x; }],
  ['toISOString (scattered)', null, (n) => { let x = 0; for (let i = 0; i < n; i++) { const s = new Date(scatteredMs[i]).toISOString(); x += s.charCodeAt(23); } return x; }],
  ['IsoTimeFormatter.format (scattered)', 'toISOString (scattered)', (n) => { let x = 0; for (let i = 0; i < n; i++) { const s = iso.format(scatteredMs[i]); x += s.charCodeAt(23); } return x; }],
  ['IsoTimeFormatter.formatSeconds (scattered)', 'toISOString (scattered)', (n) => { let x = 0; for (let i = 0; i < n; i++) { const s = iso.formatSeconds(scatteredMs[i]); x += s.charCodeAt(19); } return x; }],
  ['JSON.stringify (ids)', null, (n) => { let x = 0; for (let i = 0; i < n; i++) { const s = JSON.stringify(keys[i & 1023]); x += s.charCodeAt(s.length - 1); } return x; }],
  ['quoteJsonString (ids)', 'JSON.stringify (ids)', (n) => { let x = 0; for (let i = 0; i < n; i++) { const s = quoteJsonString(keys[i & 1023]); x += s.charCodeAt(s.length - 1); } return x; }],
  ['JSON.stringify (titles)', null, (n) => { let x = 0; for (let i = 0; i < n; i++) { const s = JSON.stringify(titles[i & 1023]); x += s.charCodeAt(s.length - 1); } return x; }],
  ['quoteJsonString (titles)', 'JSON.stringify (titles)', (n) => { let x = 0; for (let i = 0; i < n; i++) { const s = quoteJsonString(titles[i & 1023]); x += s.charCodeAt(s.length - 1); } return x; }],
];

/** Median ns per call over `repeats` timed passes, after one untimed warm-up pass. */
function measure(run: (n: number) => number): number {
  let sink = run(Math.min(calls, 200_000));
  const samples: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = process.hrtime.bigint();
    sink += run(calls);
    samples.push(Number(process.hrtime.bigint() - t0) / calls);
  }
  // Keeps the results observable so the loops cannot be optimised away.
  if (sink === -1) console.log(sink);
  return samples.sort((a, b) => a - b)[samples.length >> 1];
}

const results = new Map<string, number>();
for (const [name, , run] of scenarios) results.set(name, measure(run));

console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'cpu'}, ${availableParallelism()} cores; ${calls.toLocaleString('en-US')} calls per pass, median of ${repeats}`);
console.log('| call | ns/call | vs baseline |');
console.log('|---|---|---|');
for (const [name, baseline] of scenarios) {
  const ns = results.get(name) ?? NaN;
  const ratio = baseline === null ? 'baseline' : `${((results.get(baseline) ?? NaN) / ns).toFixed(1)}× faster than ${baseline}`;
  console.log(`| ${name} | ${ns.toFixed(1)} | ${ratio} |`);
}
