import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './child.js';

/** Where and with what a bench ran. */
export interface MachineInfo {
  readonly node: string;
  readonly cpu: string;
  readonly cores: number;
  readonly commit: string;
  readonly date: string;
  readonly loadAvg: readonly number[];
  readonly versions: Readonly<Record<string, string>>;
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'missing';
  }
}

function gitCommit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    return dirty === '' ? sha : `${sha} (+ uncommitted changes)`;
  } catch {
    return 'unknown';
  }
}

/** Kafka version of the local broker jars (infra/kafka/pom.xml). */
export function kafkaVersion(): string {
  const m = /<kafka\.version>([^<]+)</.exec(readFileSync(join(repoRoot, 'infra/kafka/pom.xml'), 'utf8'));
  return m === null ? 'unknown' : m[1];
}

/** Node, CPU, cores, commit, date, load average and the versions of what is measured. */
export function machineInfo(): MachineInfo {
  const own = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  return {
    node: process.version,
    cpu: cpus()[0]?.model.trim() ?? 'unknown cpu',
    cores: availableParallelism(),
    commit: gitCommit(),
    date: new Date().toISOString(),
    loadAvg: loadavg().map((x) => Math.round(x * 100) / 100),
    versions: {
      streamgen: own.version,
      kafka: kafkaVersion(),
      kafkajs: packageVersion('kafkajs'),
      msgpackr: packageVersion('msgpackr'),
      lz4: packageVersion('lz4'),
    },
  };
}

/** The one-line summary printed above the tables. */
export function machineLine(m: MachineInfo): string {
  return `node ${m.node} · ${m.cpu} · ${m.cores} cores · commit ${m.commit} · ${m.date} · load average ${m.loadAvg.join(' ')} at start`;
}
