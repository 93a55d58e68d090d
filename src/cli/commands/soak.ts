import { writeFile } from 'node:fs/promises';
import type { SoakOptions } from '../../config/soak-options.js';
import { CHAOS_TOPIC } from '../../coordinator/chaos-controller.js';
import { fetchEndOffsets } from '../../coordinator/end-offsets.js';
import type { RunReport } from '../../coordinator/report.js';
import { runObserved } from '../../coordinator/run.js';
import { evaluateSoak, type SloResult, type TopicReconciliation } from '../../coordinator/soak-slo.js';
import { loadDomain } from '../../domains/index.js';
import { EXIT_RUNTIME } from '../../errors.js';
import type { CliIo } from '../cli-io.js';

/** What `streamgen soak` prints and writes (--report): the verdict, each SLO, the broker counts and the run's report. */
export interface SoakReport {
  readonly pass: boolean;
  readonly ratePerSec: number;
  readonly durationMs: number;
  readonly sloP99Ms: number;
  readonly slos: readonly SloResult[];
  readonly reconciliation: readonly TopicReconciliation[] | null;
  readonly run: RunReport;
}

/**
 * `streamgen soak`: a real-clock run at a held rate for --duration, then SLO verdicts. With the Kafka sink the
 * broker's end offsets are read before and after, and their growth is reconciled with the acked counts (deltas,
 * so topics that already hold records are fine). Returns 0 when every SLO holds, EXIT_RUNTIME when one fails.
 */
export async function soakCommand(opts: SoakOptions, io: CliIo): Promise<number> {
  const run = opts.run;
  if (run.verbose) io.err(`streamgen: options ${JSON.stringify(opts)}`);
  const kafka = run.sink.name === 'kafka';
  const names = [...(await loadDomain(run.domain)).topics.map((t) => t.name), CHAOS_TOPIC];
  const before = kafka ? await fetchEndOffsets(run.sink.kafka, names) : null;
  const { report, series } = await runObserved(run);
  const after = before === null ? null : await fetchEndOffsets(run.sink.kafka, names);
  const reconciliation = before === null || after === null
    ? null
    : names.filter((n) => n in report.topics).map((topic) => ({ topic, before: before[topic], after: after[topic], acked: report.topics[topic].acked }));
  const verdict = evaluateSoak({ samples: series, report, sloP99Ms: opts.sloP99Ms, reconciliation });
  const soak: SoakReport = {
    pass: verdict.pass, ratePerSec: run.rate === 'max' ? 0 : run.rate, durationMs: run.durationMs ?? 0, sloP99Ms: opts.sloP99Ms,
    slos: verdict.slos, reconciliation, run: report,
  };
  for (const line of formatSoak(soak)) io.out(line);
  if (opts.reportPath !== null) await writeFile(opts.reportPath, JSON.stringify(soak, null, 2) + '\n');
  return verdict.pass ? 0 : EXIT_RUNTIME;
}

/** The verdict as aligned lines, one per SLO. */
export function formatSoak(r: SoakReport): string[] {
  const width = Math.max(...r.slos.map((s) => s.name.length));
  return [
    `soak ${r.pass ? 'PASSED' : 'FAILED'}: ${r.ratePerSec}/s for ${r.durationMs / 1000} s on the ${r.run.sink} sink`,
    ...r.slos.map((s) => `  ${s.status.toUpperCase().padEnd(7)} ${s.name.padEnd(width)}  ${s.measured}  [${s.threshold}]`),
  ];
}
