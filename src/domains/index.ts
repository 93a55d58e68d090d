import type { Domain } from './domain.js';

/** Domain registry: one lazy line per domain. */
const loaders: Readonly<Record<string, () => Promise<Domain>>> = {
  content: async () => (await import('./content/index.js')).contentDomain,
  commerce: async () => (await import('./commerce/index.js')).commerceDomain,
  adtech: async () => (await import('./adtech/index.js')).adtechDomain,
  telemetry: async () => (await import('./telemetry/index.js')).telemetryDomain,
};

/** Names accepted by --domain. */
export const domainNames: readonly string[] = Object.keys(loaders);

/** Load a domain by name; the caller has validated the name against domainNames. */
export async function loadDomain(name: string): Promise<Domain> {
  const load = loaders[name];
  if (!load) throw new Error(`unknown domain ${name}`);
  return load();
}
