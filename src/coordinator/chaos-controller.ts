import type { ChaosPlanEntry } from '../config/options.js';
import type { ScenarioActivation, ScenarioSpec, StepEffects } from '../domains/domain.js';
import type { RecordBatch } from '../encoding/record-batch.js';
import { StreamgenError } from '../errors.js';
import { isTrafficMode } from '../domains/traffic-modes.js';
import { parseScenarioParams } from '../domains/scenario-params.js';

/** The ground-truth topic: every activation and deactivation, so a pipeline test can check its alerts. */
export const CHAOS_TOPIC = 'streamgen.chaos';

/** One scenario's state for the control API and the report. */
export interface ScenarioStatus {
  readonly name: string;
  readonly state: 'planned' | 'active' | 'ended';
  readonly startedAt: string;
  readonly endsAt: string | null;
  readonly params: Readonly<Record<string, number | string>>;
}

interface Mark {
  readonly atMs: number;
  readonly kind: 'activate' | 'deactivate';
  readonly activation: ScenarioActivation;
}

/**
 * Owns the chaos timeline of a run: activations planned at start (reproducible on the simulated clock) and
 * those started or stopped at run time through the control API. Hands the world its effects each step,
 * scales the rate for traffic modes, and writes ground truth in timeline order.
 */
export class ChaosController {
  private activations: ScenarioActivation[] = [];
  private current: StepEffects = { scenarios: [] };
  private readonly specs: readonly ScenarioSpec[];
  private readonly written = new Set<string>();
  /** Timeline instant the run has reached; runtime starts and stops happen here. */
  nowMs: number;

  constructor(specs: readonly ScenarioSpec[], plan: readonly ChaosPlanEntry[], startMs: number) {
    this.specs = specs;
    this.nowMs = startMs;
    for (const p of plan) {
      this.activations.push({ name: p.name, startMs: startMs + p.startOffsetMs, endMs: p.durationMs === null ? Infinity : startMs + p.startOffsetMs + p.durationMs, params: this.withDefaults(p.name, p.params) });
    }
    this.refresh();
  }

  /** True when the run writes a ground-truth topic (a plan exists or runtime control is on). */
  get hasActivations(): boolean {
    return this.activations.length > 0;
  }

  /** Effects for the world: every activation known so far (a new object whenever it changes). */
  effects(): StepEffects {
    return this.current;
  }

  /** Product of the traffic-mode factors active at `tMs`. */
  rateFactor(tMs: number): number {
    let f = 1;
    for (const a of this.activations) {
      if (isTrafficMode(a.name) && tMs >= a.startMs && tMs < a.endMs) f *= Number(a.params.factor);
    }
    return f;
  }

  /** Start a scenario now (control API); throws a coded error for an unknown name or bad parameter. */
  start(name: string, params: Readonly<Record<string, string>>, durationMs: number | null): ScenarioStatus {
    const activation: ScenarioActivation = {
      name, startMs: this.nowMs, endMs: durationMs === null ? Infinity : this.nowMs + durationMs, params: this.withDefaults(name, parseScenarioParams(this.spec(name), params)),
    };
    this.activations.push(activation);
    this.refresh();
    return status(activation, this.nowMs);
  }

  /** Stop every running activation of a scenario now; returns how many were stopped. */
  stop(name: string): number {
    this.spec(name);
    let stopped = 0;
    this.activations = this.activations.map((a) => {
      if (a.name !== name || a.endMs <= this.nowMs) return a;
      stopped++;
      return { ...a, endMs: this.nowMs };
    });
    if (stopped > 0) this.refresh();
    return stopped;
  }

  /** Status of every activation, for the control API and the report. */
  status(): ScenarioStatus[] {
    return this.activations.map((a) => status(a, this.nowMs));
  }

  /** Append ground-truth records of marks at or before `untilMs` not yet written, in timeline order. */
  writeGroundTruth(batch: RecordBatch, topicIndex: number, untilMs: number, wallMs: number): void {
    const marks: Mark[] = [];
    for (const a of this.activations) {
      marks.push({ atMs: a.startMs, kind: 'activate', activation: a });
      if (a.endMs !== Infinity) marks.push({ atMs: a.endMs, kind: 'deactivate', activation: a });
    }
    marks.sort((x, y) => x.atMs - y.atMs || (x.kind === y.kind ? 0 : x.kind === 'deactivate' ? -1 : 1));
    for (const m of marks) {
      const id = `${m.kind}|${m.activation.name}|${m.activation.startMs}|${JSON.stringify(m.activation.params)}`;
      if (m.atMs > untilMs || this.written.has(id)) continue;
      this.written.add(id);
      const a = m.activation;
      const value = JSON.stringify({
        event: m.kind, scenario: a.name, params: a.params,
        timeline_ts: new Date(m.atMs).toISOString(), ts_ms: m.atMs,
        window_start: new Date(a.startMs).toISOString(), window_end: a.endMs === Infinity ? null : new Date(a.endMs).toISOString(),
        wall_ts: new Date(wallMs).toISOString(),
      });
      batch.push(topicIndex, a.name, value, m.atMs);
    }
  }

  private refresh(): void {
    this.current = { scenarios: Object.freeze([...this.activations]) };
  }

  private spec(name: string): ScenarioSpec {
    const s = this.specs.find((x) => x.name === name);
    if (!s) throw new StreamgenError('SG_ERR_CONFIG_ENUM', `scenario must be one of ${this.specs.map((x) => x.name).join(', ')}; got ${JSON.stringify(name)}`);
    return s;
  }

  private withDefaults(name: string, params: Readonly<Record<string, number | string>>): Readonly<Record<string, number | string>> {
    const out: Record<string, number | string> = {};
    for (const p of this.spec(name).params) out[p.name] = params[p.name] ?? (p.default as number | string);
    return Object.freeze(out);
  }
}

function status(a: ScenarioActivation, nowMs: number): ScenarioStatus {
  const state = nowMs < a.startMs ? 'planned' : nowMs < a.endMs ? 'active' : 'ended';
  return { name: a.name, state, startedAt: new Date(a.startMs).toISOString(), endsAt: a.endMs === Infinity ? null : new Date(a.endMs).toISOString(), params: a.params };
}
