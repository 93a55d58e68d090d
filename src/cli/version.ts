import { readFileSync } from 'node:fs';

/** The version in package.json (src/cli/ compiles to dist/src/cli/, three levels below the package root). */
export function packageVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
  const version = typeof pkg === 'object' && pkg !== null ? (pkg as { version?: unknown }).version : undefined;
  return typeof version === 'string' ? version : 'unknown';
}
