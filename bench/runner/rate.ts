import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchConfig } from './config.js';
import type { GenerationRow } from './generation.js';
import { fixed, int, type SectionResult } from './markdown.js';
import { readTopicLines } from './samples.js';
import { mean, stdev } from './stats.js';
import { runStreamgen, type StreamgenRun } from './streamgen.js';

const RATE = 10_000;
const DOMAIN = 'content';
/** Leading 1-s windows left out of the steady-state spread. */
const STARTUP_SECONDS = 2;
const TIMESTAMP = /"event_timestamp":"([^"]+)"/;

/** The paced runs of sections 4 and 5: the null sink for the count and memory, the files sink for the timestamps. */
export interface PacedRuns {
  readonly nullRun: StreamgenRun;
  readonly filesRun: StreamgenRun;
  /** Main-topic records per whole second of the timeline, from the records' own timestamps. */
  readonly perSecond: readonly number[];
}

function pacedArgs(cfg: BenchConfig, sink: string): string[] {
  return ['--domain', DOMAIN, '--sink', sink, '--clock', 'real', '--rate', String(RATE), '--duration', `${cfg.rateSeconds}s`, '--seed', String(cfg.seed)];
}

/** Runs content at 10,000 events/s on the real clock twice: into the null sink, then into files read back per second. */
export async function pacedRuns(cfg: BenchConfig): Promise<PacedRuns> {
  const timeout = cfg.rateSeconds * 1000 + 120_000;
  const nullRun = await runStreamgen(pacedArgs(cfg, 'null'), timeout);
  const dir = mkdtempSync(join(tmpdir(), 'streamgen-bench-rate-'));
  try {
    const filesRun = await runStreamgen([...pacedArgs(cfg, 'files'), '--out', dir], timeout);
    const start = Date.parse(filesRun.report.timelineStart);
    const perSecond = new Array<number>(cfg.rateSeconds).fill(0);
    for (const line of readTopicLines(dir, filesRun.report.mainTopic)) {
      const m = TIMESTAMP.exec(line);
      if (m === null) continue;
      const second = Math.floor((Date.parse(m[1]) - start) / 1000);
      if (second >= 0 && second < perSecond.length) perSecond[second]++;
    }
    return { nullRun, filesRun, perSecond };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pct = (x: number): string => `${x >= 0 ? '+' : ''}${fixed(x * 100, 2)}%`;

/** Section 4: how close the paced rate is to 10,000 events/s, overall and per 1-second window. */
export function rateAccuracy(cfg: BenchConfig, runs: PacedRuns): SectionResult {
  const { nullRun, filesRun, perSecond } = runs;
  const nullMean = nullRun.report.mainRecords / cfg.rateSeconds;
  const filesMean = mean(perSecond);
  const sd = stdev(perSecond);
  // The first seconds hold start-up (workers starting, the CDC snapshot) and the catch-up after it.
  const steady = perSecond.slice(STARTUP_SECONDS);
  const steadyCv = stdev(steady) / mean(steady);
  const rows = [
    ['null', int(nullMean), pct(nullMean / RATE - 1), '–', '–', '–', '–', int((nullRun.report.mainRecords * 1000) / nullRun.report.wallMs)],
    ['files', int(filesMean), pct(filesMean / RATE - 1), int(Math.min(...perSecond)), int(Math.max(...perSecond)), `${fixed((sd / filesMean) * 100, 2)}%`, `${fixed(steadyCv * 100, 2)}%`, int((filesRun.report.mainRecords * 1000) / filesRun.report.wallMs)],
  ];
  return {
    title: `4. Rate accuracy at ${int(RATE)} events/s (real clock, ${cfg.rateSeconds} s)`,
    notes: [
      `\`streamgen run --domain ${DOMAIN} --clock real --rate ${RATE} --duration ${cfg.rateSeconds}s --seed ${cfg.seed}\`, one run per sink, default workers. Mean: main-topic records ÷ ${cfg.rateSeconds} s.`,
      `Files sink: the written records counted per whole second of their own \`event_timestamp\` from the timeline start; min, max and coefficient of variation over those windows, and the CV without the first ${STARTUP_SECONDS} (start-up and catch-up). "per wall second" divides by the run report's wall time instead (start-up and drain included).`,
    ],
    headers: ['sink', 'mean events/s', 'error of mean', 'min 1-s window', 'max 1-s window', '1-s spread (CV)', `CV after ${STARTUP_SECONDS} s`, 'per wall second'],
    rows,
    data: { rate: RATE, seconds: cfg.rateSeconds, domain: DOMAIN, nullSink: { mainRecords: nullRun.report.mainRecords, wallMs: nullRun.report.wallMs, mean: nullMean }, filesSink: { mainRecords: filesRun.report.mainRecords, wallMs: filesRun.report.wallMs, perSecond, mean: filesMean, stdev: sd, steadyCv } },
  };
}

/** Section 5: peak RSS of the streamgen process (coordinator and worker threads) at max rate and at 10k/s. */
export function memory(cfg: BenchConfig, generation: readonly GenerationRow[], runs: PacedRuns): SectionResult {
  const maxWorkers = Math.max(...cfg.workers);
  const rows = generation
    .filter((g) => g.workers === maxWorkers)
    .map((g) => ({ domain: g.domain, mode: `max rate, simulated clock, ${int(g.events)} events`, sink: 'null', workers: g.workers, peakRssKb: g.median.peakRssKb }));
  rows.push({ domain: DOMAIN, mode: `${int(RATE)}/s, real clock, ${cfg.rateSeconds} s`, sink: 'null', workers: runs.nullRun.report.workers, peakRssKb: runs.nullRun.peakRssKb });
  rows.push({ domain: DOMAIN, mode: `${int(RATE)}/s, real clock, ${cfg.rateSeconds} s`, sink: 'files', workers: runs.filesRun.report.workers, peakRssKb: runs.filesRun.peakRssKb });
  return {
    title: '5. Memory (peak RSS)',
    notes: [
      'VmHWM of the `streamgen run` child process (coordinator and worker threads share it), read from /proc every 20 ms; max-rate rows are the medians of section 1\'s runs.',
    ],
    headers: ['domain', 'load', 'sink', 'workers', 'peak RSS MB'],
    rows: rows.map((r) => [r.domain, r.mode, r.sink, String(r.workers), fixed(r.peakRssKb / 1024, 0)]),
    data: rows,
  };
}
