import type { ScenarioSpec, StepEffects } from '../domain.js';

/**
 * The commerce domain's own scenario (spec 002 "fraud_testing: enhanced fraud patterns, 10% fraud rate").
 * peak_traffic and maintenance_mode are engine traffic modes (src/domains/traffic-modes.ts).
 */
export const COMMERCE_SCENARIOS: readonly ScenarioSpec[] = [
  {
    name: 'fraud_testing',
    description: 'enhanced fraud: sessions starting in the window use this fraud rate instead of the fraudRate knob (spec 002: 10%)',
    params: [{ name: 'fraudRate', type: 'number', default: 0.1, min: 0, max: 0.5, doc: 'share of transactions labelled is_fraud while active' }],
  },
];

/** A fraud-rate override on [fromMs, toMs). */
export interface FraudWindow {
  readonly fromMs: number;
  readonly toMs: number;
  readonly fraudRate: number;
}

/** The fraud_testing activation that reaches furthest into [startMs, endMs), or null: later activations win. */
export function fraudWindow(effects: StepEffects, startMs: number, endMs: number): FraudWindow | null {
  let found: FraudWindow | null = null;
  for (const a of effects.scenarios) {
    if (a.name !== 'fraud_testing' || a.startMs >= endMs || a.endMs <= startMs) continue;
    const rate = a.params['fraudRate'];
    if (found === null || a.startMs >= found.fromMs) found = { fromMs: a.startMs, toMs: a.endMs, fraudRate: typeof rate === 'number' ? rate : 0.1 };
  }
  return found;
}
