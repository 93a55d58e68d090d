import type { ScenarioActivation, ScenarioSpec, StepEffects } from '../domain.js';

const MINUTE_MS = 60_000;

/** spec 000 §5: the content domain's planted incidents. */
export const CONTENT_SCENARIOS: readonly ScenarioSpec[] = [
  {
    name: 'supernova',
    description: 'Scenario A: one video goes viral; its viral coefficient is multiplied (impressions, plays, likes flood in)',
    params: [
      { name: 'video', type: 'integer', default: 999, min: 1, max: 2 ** 40, doc: 'numeric id of the target video (999 = v_999)' },
      { name: 'factor', type: 'number', default: 500, min: 1, max: 1e6, doc: 'viral coefficient multiplier at full strength' },
      { name: 'rampSeconds', type: 'number', default: 30, min: 0, max: 86_400, doc: 'time to reach full strength; also the decay constant after it ends' },
    ],
  },
  {
    name: 'broken_client',
    description: 'Scenario B: a bad app release rolls out; its users cannot like (like probability 0)',
    params: [
      { name: 'version', type: 'string', default: '15.0', doc: 'the broken app_version' },
      { name: 'adoptionMinutes', type: 'number', default: 30, min: 0.01, max: 1e6, doc: 'mean time for a user to update to it (adoption 1 - e^(-t/mean))' },
    ],
  },
  {
    name: 'inventory_drought',
    description: "Scenario C: uploads stop (no op 'c' on cdc.content.videos); the fresh-supply ratio decays to zero",
    params: [],
  },
];

/** Supernova ramp: 0 before the start, linear to 1 over the ramp, exponential decay after the end. */
function strength(a: ScenarioActivation, tMs: number): number {
  const rampMs = Number(a.params.rampSeconds ?? 30) * 1000;
  if (tMs < a.startMs) return 0;
  const up = rampMs > 0 ? Math.min(1, (tMs - a.startMs) / rampMs) : 1;
  if (tMs < a.endMs) return up;
  const atEnd = rampMs > 0 ? Math.min(1, (a.endMs - a.startMs) / rampMs) : 1;
  return atEnd * Math.exp(-(tMs - a.endMs) / Math.max(rampMs, 1));
}

/** A video under a supernova at some instant. */
export interface SupernovaTarget {
  readonly video: number;
  /** 0..1: how far the scenario has ramped up (or decayed back). */
  readonly strength: number;
  readonly factor: number;
}

/** Videos a supernova affects at `tMs`. */
export function supernovaTargets(effects: StepEffects, tMs: number): SupernovaTarget[] {
  const out: SupernovaTarget[] = [];
  for (const a of effects.scenarios) {
    if (a.name !== 'supernova') continue;
    const s = strength(a, tMs);
    if (s > 0) out.push({ video: Number(a.params.video ?? 999), strength: s, factor: Number(a.params.factor ?? 500) });
  }
  return out;
}

/** True when an upload at `uploadMs` falls inside an inventory drought: it never happens. */
export function isUploadSuppressed(effects: StepEffects, uploadMs: number): boolean {
  for (const a of effects.scenarios) if (a.name === 'inventory_drought' && uploadMs >= a.startMs && uploadMs < a.endMs) return true;
  return false;
}

/** The broken release of a broken_client activation. */
export interface BrokenRelease {
  readonly version: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly adoptionMeanMs: number;
}

/** The broken releases known so far (a user who adopted one keeps its version). */
export function brokenReleases(effects: StepEffects): BrokenRelease[] {
  return effects.scenarios.filter((a) => a.name === 'broken_client').map((a) => ({
    version: String(a.params.version ?? '15.0'),
    startMs: a.startMs,
    endMs: a.endMs,
    adoptionMeanMs: Number(a.params.adoptionMinutes ?? 30) * MINUTE_MS,
  }));
}
