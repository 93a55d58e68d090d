import type { BenchConfig } from './config.js';
import { fixed, int, type SectionResult } from './markdown.js';
import { median } from './stats.js';
import { runStreamgen } from './streamgen.js';

/** One generation measurement: main-topic events/s, all records/s, MB/s of values, peak RSS. */
export interface GenerationSample {
  readonly eventsPerSec: number;
  readonly recordsPerSec: number;
  readonly mbPerSec: number;
  readonly peakRssKb: number;
}

/** Medians of one domain × worker count, with the samples behind them. */
export interface GenerationRow {
  readonly domain: string;
  readonly workers: number;
  readonly events: number;
  readonly median: GenerationSample;
  readonly efficiency: number;
  readonly samples: readonly GenerationSample[];
}

async function once(cfg: BenchConfig, domain: string, workers: number, events: number): Promise<GenerationSample> {
  const args = ['--domain', domain, '--sink', 'null', '--events', String(events), '--workers', String(workers), '--seed', String(cfg.seed)];
  const { report, peakRssKb } = await runStreamgen(args, 300_000);
  const perSec = 1000 / report.wallMs;
  return { eventsPerSec: report.mainRecords * perSec, recordsPerSec: report.records * perSec, mbPerSec: (report.bytes / 1e6) * perSec, peakRssKb };
}

/** Section 1: the null sink's ceiling per domain and worker count, each run a fresh child after a warm-up run. */
export async function generationCeiling(cfg: BenchConfig, log: (line: string) => void): Promise<{ section: SectionResult; rows: GenerationRow[] }> {
  const rows: GenerationRow[] = [];
  for (const domain of cfg.domains) {
    const events = cfg.generationEvents[domain];
    // Warm-up: page cache of the code, and a first run that would otherwise pay for cold disk reads.
    await once(cfg, domain, 1, Math.min(events, 50_000));
    let base = NaN;
    for (const workers of cfg.workers) {
      const samples: GenerationSample[] = [];
      for (let r = 0; r < cfg.repeats; r++) samples.push(await once(cfg, domain, workers, events));
      const m: GenerationSample = {
        eventsPerSec: median(samples.map((s) => s.eventsPerSec)),
        recordsPerSec: median(samples.map((s) => s.recordsPerSec)),
        mbPerSec: median(samples.map((s) => s.mbPerSec)),
        peakRssKb: median(samples.map((s) => s.peakRssKb)),
      };
      if (workers === 1) base = m.eventsPerSec;
      const efficiency = m.eventsPerSec / (base * workers);
      rows.push({ domain, workers, events, median: m, efficiency, samples });
      log(`  ${domain} × ${workers} workers: ${int(m.eventsPerSec)} events/s`);
    }
  }
  return {
    rows,
    section: {
      title: '1. Generation ceiling (null sink)',
      notes: [
        `Simulated clock, seed ${cfg.seed}, a fixed count of main-topic events per run (column "events"); each run a fresh \`streamgen run --sink null\` process after one warm-up run; median of ${cfg.repeats}.`,
        'Rates use the run report\'s wall time (start-up of the process excluded, topic set-up and drain included). "records/s" adds the auxiliary and CDC topics; MB/s counts encoded values on all topics. Parallel efficiency: events/s ÷ (workers × events/s at 1 worker).',
      ],
      headers: ['domain', 'workers', 'events', 'events/s', 'records/s', 'MB/s (values)', 'parallel efficiency'],
      rows: rows.map((r) => [
        r.domain,
        String(r.workers),
        int(r.events),
        int(r.median.eventsPerSec),
        int(r.median.recordsPerSec),
        fixed(r.median.mbPerSec, 1),
        Number.isFinite(r.efficiency) ? `${Math.round(r.efficiency * 100)}%` : '–',
      ]),
      data: rows,
    },
  };
}
