import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

function jsonlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...jsonlFiles(p));
    else if (e.name.endsWith('.jsonl')) out.push(p);
  }
  return out;
}

/** Every value the files sink wrote for `topic` under `outDir`, in file order (hour directories, then part files). */
export function readTopicLines(outDir: string, topic: string): string[] {
  const lines: string[] = [];
  for (const file of jsonlFiles(join(outDir, topic))) {
    for (const line of readFileSync(file, 'utf8').split('\n')) if (line !== '') lines.push(line);
  }
  return lines;
}

/** Topic directories the files sink created under `outDir`. */
export function topicsIn(outDir: string): string[] {
  return readdirSync(outDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
}
