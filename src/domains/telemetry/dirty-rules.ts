/**
 * The data-quality rules of spec 004 that the dirtyRate knob breaks on purpose, one per dirty record, each
 * named in the record's extra field `_dq_violation` (the spec lets new fields appear as optional ones).
 */
export const DirtyRule = {
  /** completion_percentage above 100.0. */
  CompletionRange: 'completion_percentage_range',
  /** bandwidth_mbps above 1000.0. */
  BandwidthRange: 'bandwidth_mbps_range',
  /** buffering_duration_seconds greater than watch_duration_seconds. */
  BufferingExceedsWatch: 'buffering_exceeds_watch',
  /** position_seconds beyond the title's length. */
  PositionExceedsLength: 'position_exceeds_length',
  /** a start event with watch_duration_seconds > 0. */
  StartWithWatch: 'start_with_watch',
  /** buffering_events 0 but buffering_duration_seconds > 0. */
  DurationWithoutBuffering: 'buffering_duration_without_events',
  /** quality 4K below 15 Mbps. */
  UhdLowBandwidth: '4k_low_bandwidth',
  /** a required field (device_id) is null. */
  RequiredNull: 'required_field_null',
  /** an identifier (session_id) with 7 hex digits instead of 8. */
  IdFormat: 'identifier_format',
} as const;
export type DirtyRule = (typeof DirtyRule)[keyof typeof DirtyRule];

const ANY: readonly DirtyRule[] = [
  DirtyRule.CompletionRange, DirtyRule.BandwidthRange, DirtyRule.BufferingExceedsWatch, DirtyRule.PositionExceedsLength,
  DirtyRule.UhdLowBandwidth, DirtyRule.RequiredNull, DirtyRule.IdFormat,
];
/** Rules a start event can break (it watched nothing, so "duration without events" would also break ≤ watch). */
export const DIRTY_RULES_AT_START: readonly DirtyRule[] = [...ANY, DirtyRule.StartWithWatch];
/** Rules an event with watch > 0 can break. */
export const DIRTY_RULES_WITH_WATCH: readonly DirtyRule[] = [...ANY, DirtyRule.DurationWithoutBuffering];
/** Rules a resume or an abandon stop (watch 0) can break. */
export const DIRTY_RULES_NO_WATCH: readonly DirtyRule[] = ANY;
/** Every label `_dq_violation` takes. */
export const DIRTY_RULE_NAMES: readonly string[] = Object.values(DirtyRule);
