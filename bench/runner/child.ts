import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (bench/runner/ is two levels down, in dist/ three). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** The compiled CLI every scenario runs. */
export const cliPath = join(repoRoot, 'dist/src/cli/main.js');

/** How a child process ended and what it printed; `peakRssKb` sums VmHWM over the process tree. */
export interface ChildResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly wallMs: number;
  readonly peakRssKb: number;
}

const POLL_MS = 20;

function statusField(pid: number, field: string): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m === null ? 0 : Number(m[1]);
  } catch {
    return 0;
  }
}

function childPids(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      if (text !== '') for (const c of text.split(/\s+/)) out.push(Number(c));
    }
  } catch {
    // The process exited between listing and reading: it has no children left to count.
  }
  return out;
}

/**
 * Peak RSS of a process and its descendants. Worker threads share the process, so its VmHWM already covers
 * coordinator and workers; descendants (the JVM under a shell wrapper) are added, each by its own high-water mark.
 */
function treeHwmKb(pid: number, seen: Map<number, number>): void {
  const hwm = statusField(pid, 'VmHWM');
  if (hwm > 0) seen.set(pid, Math.max(seen.get(pid) ?? 0, hwm));
  for (const c of childPids(pid)) treeHwmKb(c, seen);
}

/** Runs a command to completion (killed after `timeoutMs`), polling the tree's peak RSS while it runs. */
export function runChild(command: string, args: readonly string[], timeoutMs: number, cwd = repoRoot): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const seen = new Map<number, number>();
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const poll = setInterval(() => child.pid !== undefined && treeHwmKb(child.pid, seen), POLL_MS);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (err) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(err);
    });
    child.on('exit', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      const peakRssKb = [...seen.values()].reduce((s, x) => s + x, 0);
      resolve({ code, stdout, stderr, wallMs: performance.now() - t0, peakRssKb });
    });
  });
}

/** Throws with the child's stderr tail when it did not exit 0. */
export function expectSuccess(r: ChildResult, what: string): void {
  if (r.code !== 0) throw new Error(`bench: ${what} exited with ${r.code}\n${r.stderr.slice(-2000)}`);
}
