import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** The compiled CLI entry. */
export const CLI = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));

/** Run `streamgen <args>` synchronously (bounded by a timeout). */
export function streamgen(args: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd,
    env: opts.env ?? { ...process.env },
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 120_000,
    maxBuffer: 512 * 1024 * 1024,
  });
}

/** Every line of every JSON Lines file under `dir`, grouped by topic (the first path segment). */
export function readOutput(dir: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const walk = (d: string, topic: string | null): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p, topic ?? entry.name);
      else if (topic !== null) {
        const raw = readFileSync(p);
        const text = p.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
        const lines = out.get(topic) ?? [];
        for (const line of text.split('\n')) if (line.length > 0) lines.push(line);
        out.set(topic, lines);
      }
    }
  };
  walk(dir, null);
  return out;
}

/** Order-independent fingerprint of a set of lines: the hash of their sorted hashes. */
export function fingerprint(lines: readonly string[]): string {
  const hashes = lines.map((l) => createHash('sha1').update(l).digest('hex')).sort();
  return createHash('sha1').update(hashes.join('\n')).digest('hex');
}
