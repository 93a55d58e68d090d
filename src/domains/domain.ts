import type { RecordBatch } from '../encoding/record-batch.js';

/** A JSON Schema document (draft 2020-12), kept as plain data. */
export type JsonSchema = { readonly [key: string]: unknown };

/** One topic a domain writes. */
export interface TopicSpec {
  readonly name: string;
  /** Record field the Kafka key is taken from (spec 000: video_id / user_id). */
  readonly keyField: string;
  readonly defaultPartitions: number;
  /** main: counted by --events and paced by --rate; cdc: emitted by the coordinator. */
  readonly role: 'main' | 'cdc' | 'aux';
  readonly description: string;
  readonly schema: JsonSchema;
}

/** A Cdc for domains without CDC topics. */
export const NO_CDC: Cdc = { fill: () => 0 };

/** A domain-specific option, validated by src/config like any other option. */
export interface KnobSpec {
  readonly name: string;
  readonly type: 'number' | 'integer' | 'boolean' | 'string';
  readonly default: number | boolean | string;
  readonly min?: number;
  readonly max?: number;
  readonly choices?: readonly string[];
  readonly doc: string;
  /** Environment variables a source specification uses for this setting (spec 003: WIN_RATE); read last. */
  readonly envAliases?: readonly string[];
}

export type KnobValues = Readonly<Record<string, number | boolean | string>>;

/** Run-wide facts every part of a domain derives from. */
export interface WorldContext {
  readonly seed: number;
  /** Start of the simulated (or real) timeline, epoch ms; entity times are relative to it. */
  readonly startMs: number;
  /** Number of virtual slices the main keyspace is cut into; fixed, independent of worker count. */
  readonly sliceCount: number;
  readonly knobs: KnobValues;
}

/** Which part of the keyspace this instance owns (`--shard index/count`). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** One activation of a chaos scenario on the timeline (spec 000 §5); endMs is Infinity while it runs. */
export interface ScenarioActivation {
  readonly name: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly params: Readonly<Record<string, number | string>>;
}

/** A scenario a domain (or the engine) understands, listed by `describe`. */
export interface ScenarioSpec {
  readonly name: string;
  readonly description: string;
  readonly params: readonly KnobSpec[];
}

/**
 * Run-time effects the coordinator hands to the world each step: every scenario activation known so far
 * (past ones included, since effects outlast them). Worlds interpret them as pure functions of time, so a
 * timeline run is reproducible record for record.
 */
export interface StepEffects {
  readonly scenarios: readonly ScenarioActivation[];
}

/** No scenario at all. */
export const NO_EFFECTS: StepEffects = Object.freeze({ scenarios: Object.freeze([]) as readonly ScenarioActivation[] });

/** One step of generation for the slices a funnel owns. */
export interface StepPlan {
  readonly stepIndex: number;
  readonly startMs: number;
  readonly endMs: number;
  /** Start of the table epoch the step lies in; catalogue eligibility is judged at this instant. */
  readonly epochStartMs: number;
  /** Exact number of main-topic records each owned slice emits in this step, in owned-slice order. */
  readonly counts: Int32Array;
  readonly effects: StepEffects;
  /** Last step of a bounded run: slices finish their open sessions instead of starting new ones once the count allows. */
  readonly final: boolean;
}

/** Generates main-topic records for a fixed set of slices; pure: no I/O, no clock, no Math.random. */
export interface Funnel {
  /** Prepare the step; counts are exact. */
  beginStep(plan: StepPlan): void;
  /**
   * Append up to `max` records of the current step (main topic: exactly the planned counts; other topics
   * as their records fall due); returns how many were appended, 0 once the step is done.
   */
  fill(batch: RecordBatch, max: number): number;
}

/** Generates the CDC topics of the instance's shard; pure. */
export interface Cdc {
  /** Append up to `max` records with timestamp <= untilMs not yet emitted (the initial snapshot first); 0 = caught up. */
  fill(batch: RecordBatch, max: number, untilMs: number, effects: StepEffects): number;
}

/** The entities of a domain as pure functions of (seed, id[, time]). */
export interface World {
  /**
   * Traffic mass of every slice, written into `out` (length sliceCount): the catalogue as of the epoch start,
   * scenario effects as of `atMs` (the step start; defaults to the epoch start).
   */
  sliceMasses(epochStartMs: number, effects: StepEffects, out: Float64Array, atMs?: number): void;
  /** A funnel for the given slices (ascending slice ids). */
  createFunnel(slices: readonly number[]): Funnel;
  /** CDC streams for one shard of the entity keyspaces. */
  createCdc(shard: Shard): Cdc;
}

/** A domain plugs into the engine through this object, exported by src/domains/<name>/index.ts. */
export interface Domain {
  readonly name: string;
  readonly description: string;
  readonly topics: readonly TopicSpec[];
  readonly knobs: readonly KnobSpec[];
  /** Length of a table epoch: catalogue and masses are fixed within it. */
  readonly epochMs: number;
  /** Room the last step of an --events run leaves (in timeline ms at the run's rate) for open sessions to finish. */
  readonly drainMs: number;
  /** Main-topic records/s when --rate is not given (the engine default, 10,000/s, when absent). */
  readonly defaultRatePerSec?: number;
  /** The domain's daily load shape (mean 1 over a day) for --profile diurnal; spec 002's curve when absent. */
  readonly loadFactor?: (timestampMs: number) => number;
  /** Chaos scenarios this domain plants (beyond the engine's traffic modes); none when absent. */
  readonly scenarios?: readonly ScenarioSpec[];
  /** Build the world; called once per thread, cheap relative to a run. */
  createWorld(ctx: WorldContext): World;
}
