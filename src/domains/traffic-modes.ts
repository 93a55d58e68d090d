import type { Domain, ScenarioSpec } from './domain.js';

/** Traffic modes every domain has (spec 002 scenarios): they scale the planned rate, not the world. */
export const TRAFFIC_MODES: readonly ScenarioSpec[] = [
  {
    name: 'peak_traffic',
    description: 'peak load: the main-topic rate is multiplied (spec 002: ×3)',
    params: [{ name: 'factor', type: 'number', default: 3, min: 0.001, max: 1000, doc: 'rate multiplier' }],
  },
  {
    name: 'maintenance_mode',
    description: 'maintenance window: the main-topic rate is multiplied (spec 002: ×0.1)',
    params: [{ name: 'factor', type: 'number', default: 0.1, min: 0.001, max: 1000, doc: 'rate multiplier' }],
  },
];

/** True for the scenarios the coordinator applies itself. */
export function isTrafficMode(name: string): boolean {
  return TRAFFIC_MODES.some((s) => s.name === name);
}

/** Every scenario a run of this domain can plant: the domain's own and the traffic modes. */
export function scenariosOf(domain: Domain): readonly ScenarioSpec[] {
  return [...(domain.scenarios ?? []), ...TRAFFIC_MODES];
}
