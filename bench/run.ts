/**
 * The runner behind `make bench` (about 10 minutes) and `make bench-quick` (about 1 minute): every scenario in a
 * child process, fixed seed and counts, warm-up then repeats, medians. Prints a machine line and one markdown table
 * per section on stdout (progress on stderr) and writes every figure to bench/results/<date>.json.
 * Usage: node dist/bench/run.js [--quick] [--sections 1,2,3,4,5]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { domainNames } from '../src/domains/index.js';
import { brokerAnswers, startBroker, stopBroker } from './runner/broker.js';
import { repoRoot } from './runner/child.js';
import { encodingAndCompression } from './runner/codec.js';
import { benchConfig, type BenchConfig } from './runner/config.js';
import { generationCeiling, type GenerationRow } from './runner/generation.js';
import { kafkaEndToEnd } from './runner/kafka-e2e.js';
import { machineInfo, machineLine } from './runner/machine.js';
import { renderSection, type SectionResult } from './runner/markdown.js';
import { memory, pacedRuns, rateAccuracy } from './runner/rate.js';

const log = (line: string): void => void process.stderr.write(`${line}\n`);

function parseArgs(argv: readonly string[]): { quick: boolean; sections: Set<number> | null } {
  const quick = argv.includes('--quick');
  const i = argv.indexOf('--sections');
  const sections = i >= 0 ? new Set((argv[i + 1] ?? '').split(',').map(Number)) : null;
  const unknown = argv.filter((a, j) => a !== '--quick' && a !== '--sections' && argv[j - 1] !== '--sections');
  if (unknown.length > 0) throw new Error(`bench: unknown argument ${unknown[0]}; usage: run.js [--quick] [--sections 1,2,3,4,5]`);
  return { quick, sections };
}

/** A section that could not run: its reason in place of the table. */
function skipped(title: string, reason: string): SectionResult {
  return { title, notes: [`Not measured: ${reason}`], headers: [], rows: [], data: { skipped: reason } };
}

/** Section 3 with the broker's life cycle: started when absent (full mode), stopped only if started here. */
async function kafkaSection(cfg: BenchConfig): Promise<SectionResult> {
  const title = '3. Kafka end to end (local broker)';
  let started = false;
  if (!(await brokerAnswers())) {
    if (!cfg.startBroker) return skipped(title, 'no broker on the local port (quick mode does not start one; `make kafka-up` first).');
    log('bench: starting the local broker (scripts/kafka-up.sh)');
    await startBroker();
    started = true;
  }
  try {
    return await kafkaEndToEnd(cfg, log);
  } finally {
    if (started) {
      log('bench: stopping the broker this run started');
      await stopBroker();
    }
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const machine = machineInfo();
  const base = benchConfig(args.quick, domainNames, machine.cores);
  const cfg: BenchConfig = args.sections === null ? base : { ...base, sections: args.sections };
  const sections: SectionResult[] = [];
  const failures: string[] = [];
  let generation: GenerationRow[] = [];
  const t0 = performance.now();

  const attempt = async (n: number, title: string, body: () => Promise<SectionResult>): Promise<void> => {
    if (!cfg.sections.has(n)) return;
    log(`bench: ${title}`);
    try {
      sections.push(await body());
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      failures.push(`${title}: ${message}`);
      sections.push(skipped(title, `failed: ${message.split('\n')[0]}`));
    }
  };

  await attempt(1, '1. Generation ceiling (null sink)', async () => {
    const g = await generationCeiling(cfg, log);
    generation = g.rows;
    return g.section;
  });
  await attempt(2, '2. Encoding and compression', () => encodingAndCompression(cfg, log));
  await attempt(3, '3. Kafka end to end (local broker)', () => kafkaSection(cfg));
  if (cfg.sections.has(4) || cfg.sections.has(5)) {
    log('bench: 4/5. paced runs at 10,000 events/s');
    try {
      const paced = await pacedRuns(cfg);
      if (cfg.sections.has(4)) sections.push(rateAccuracy(cfg, paced));
      if (cfg.sections.has(5)) sections.push(memory(cfg, generation, paced));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      failures.push(`4/5. paced runs: ${message}`);
      sections.push(skipped('4/5. Rate accuracy and memory', `failed: ${message.split('\n')[0]}`));
    }
  }

  const elapsedS = (performance.now() - t0) / 1000;
  const command = args.quick ? 'make bench-quick' : 'make bench';
  const lines = [
    `${machineLine(machine)}, ${loadavg().map((x) => x.toFixed(2)).join(' ')} at end`,
    `\`${command}\` (${args.quick ? 'quick' : 'full'} mode), ${Math.round(elapsedS)} s`,
    '',
  ];
  for (const s of sections) lines.push(...renderSection(s), '');
  const dir = join(repoRoot, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${machine.date.replace(/:/g, '-').replace(/\.\d+Z$/, 'Z')}${args.quick ? '-quick' : ''}.json`);
  const { sections: chosen, ...rest } = cfg;
  writeFileSync(file, `${JSON.stringify({ machine, loadAvgEnd: loadavg(), elapsedS, command, config: { ...rest, sections: [...chosen] }, sections, failures }, null, 2)}\n`);
  lines.push(`results: ${relative(repoRoot, file)}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  for (const f of failures) log(`bench: FAILED ${f}`);
  if (failures.length > 0) process.exitCode = 1;
}

await main();
