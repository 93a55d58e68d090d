import type { KnobSpec, KnobValues } from '../domain.js';
import { readKnobs } from '../knob-table.js';

/** The content domain's knobs (spec 000 §4), validated by src/config from this table. */
export const CONTENT_KNOBS: readonly KnobSpec[] = [
  { name: 'videos', type: 'integer', default: 10_000, min: 10, max: 50_000_000, doc: 'videos in the catalogue at the start (ids v_1 … v_N)' },
  { name: 'users', type: 'integer', default: 100_000, min: 10, max: 100_000_000, doc: 'registered users at the start (ids u_1 … u_N)' },
  { name: 'uploadsPerHour', type: 'number', default: 200, min: 0, max: 1_000_000, doc: 'new videos uploaded per hour of timeline (op c on cdc.content.videos)' },
  { name: 'registrationsPerHour', type: 'number', default: 1_800, min: 0, max: 10_000_000, doc: 'new users registered per hour of timeline (op c on cdc.users.profiles)' },
  { name: 'zipfExponent', type: 'number', default: 0.95, min: 0, max: 3, doc: 'Zipf exponent of video popularity; 0.95 puts ~80% of impressions on the head 20% of 10k videos' },
  { name: 'freshnessBoost', type: 'number', default: 4, min: 0, max: 1000, doc: 'extra weight of a just-uploaded video (weight × (1 + boost·2^(-age/halfLife)))' },
  { name: 'freshnessHalfLifeHours', type: 'number', default: 6, min: 0.01, max: 10_000, doc: 'half-life of the freshness boost, hours' },
  { name: 'playRate', type: 'number', default: 0.85, min: 0, max: 1, doc: 'P(play_start | impression)' },
  { name: 'likeRate', type: 'number', default: 0.08, min: 0, max: 1, doc: 'P(like | play_start)' },
  { name: 'shareRate', type: 'number', default: 0.015, min: 0, max: 1, doc: 'P(share | play_start)' },
  { name: 'banRate', type: 'number', default: 0.01, min: 0, max: 1, doc: 'share of videos that Trust & Safety eventually bans (op u active → banned)' },
  { name: 'banDelayHours', type: 'number', default: 48, min: 0.01, max: 100_000, doc: 'mean time from upload to ban, hours' },
  { name: 'creatorRate', type: 'number', default: 0.05, min: 0, max: 1, doc: 'share of users who become creators (is_creator false → true)' },
  { name: 'creatorDelayDays', type: 'number', default: 30, min: 0.0001, max: 100_000, doc: 'mean days from registration to becoming a creator' },
  { name: 'ltvChangeDays', type: 'number', default: 14, min: 0.0001, max: 100_000, doc: 'mean days from registration to leaving the new segment (VIP follows after 4× this on average)' },
  { name: 'vipRate', type: 'number', default: 0.1, min: 0, max: 1, doc: 'share of regular users who later become VIP' },
];

/** Typed view of the knob values. */
export interface ContentKnobs {
  readonly videos: number;
  readonly users: number;
  readonly uploadsPerHour: number;
  readonly registrationsPerHour: number;
  readonly zipfExponent: number;
  readonly freshnessBoost: number;
  readonly freshnessHalfLifeHours: number;
  readonly playRate: number;
  readonly likeRate: number;
  readonly shareRate: number;
  readonly banRate: number;
  readonly banDelayHours: number;
  readonly creatorRate: number;
  readonly creatorDelayDays: number;
  readonly ltvChangeDays: number;
  readonly vipRate: number;
}

/** Fill defaults for missing knobs; values were validated against CONTENT_KNOBS by src/config. */
export function readContentKnobs(values: KnobValues): ContentKnobs {
  return readKnobs<ContentKnobs>(CONTENT_KNOBS, values);
}

/** Expected content_events records per impression: impression + play_start·(play_start + finish|skip + like + share). */
export function eventsPerImpression(k: ContentKnobs): number {
  return 1 + k.playRate * (2 + k.likeRate + k.shareRate);
}
