import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The layout of docs/architecture.md: which top-level area may import which. errors.ts is a leaf anyone may use.
const ALLOWED: Record<string, readonly string[]> = {
  random: [],
  encoding: [],
  domains: ['random', 'encoding'],
  sinks: ['encoding'],
  config: ['domains', 'sinks'],
  coordinator: ['config', 'domains', 'sinks', 'random', 'encoding'],
  cli: ['config', 'coordinator', 'domains', 'sinks', 'encoding'],
  workers: ['domains', 'sinks', 'encoding', 'coordinator'],
};

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function areaOf(file: string): string | null {
  const rel = relative(root, file).split('/');
  if (rel[0] === 'workers') return 'workers';
  if (rel[0] !== 'src' || rel.length < 3) return null; // src/errors.ts and other leaves
  return rel[1];
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

test('source files import only along the arrows of docs/architecture.md', () => {
  const offences: string[] = [];
  const files = [...tsFiles(join(root, 'src')), ...tsFiles(join(root, 'workers'))];
  assert.ok(files.length > 20);
  for (const file of files) {
    const from = areaOf(file);
    if (from === null) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(/from\s+'(\.[^']+)'|import\('(\.[^']+)'\)/g)) {
      const target = areaOf(resolve(dirname(file), m[1] ?? m[2]));
      if (target === null || target === from) continue;
      if (!ALLOWED[from].includes(target)) offences.push(`${relative(root, file)} → ${target}`);
    }
  }
  assert.deepEqual(offences, []);
});
