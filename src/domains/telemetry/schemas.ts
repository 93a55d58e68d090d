import type { JsonSchema } from '../domain.js';
import { DIRTY_RULE_NAMES } from './dirty-rules.js';
import { CONNECTION_TYPES, EVENT_TYPES } from './sessions.js';
import { DEVICE_TYPES, QUALITIES } from './vocabulary.js';

const hexId = (prefix: string): JsonSchema => ({ type: 'string', pattern: `^${prefix}_[0-9a-f]{8}$` });
const IPV4 = '^(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}$';

/**
 * spec 004 "Field Specifications" and "Data Quality Rules": every field, its format and range, and the logical
 * rules a schema can state (start ⇒ watch 0, no buffering events ⇒ no buffering time, 4K ⇒ ≥ 15 Mbps).
 * buffering ≤ watch and position ≤ title length compare two values or an outside one, which JSON Schema cannot;
 * the tests check them. Records the dirtyRate knob breaks carry `_dq_violation` and fail this schema by design.
 */
export const TELEMETRY_EVENT_SCHEMA: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'streamgen/telemetry/acme-telemetry',
  title: 'acme-telemetry record',
  type: 'object',
  additionalProperties: false,
  required: [
    'event_id', 'customer_id', 'title_id', 'session_id', 'event_type', 'event_timestamp', 'watch_duration_seconds',
    'position_seconds', 'completion_percentage', 'device_type', 'device_id', 'device_os', 'app_version', 'quality',
    'bandwidth_mbps', 'buffering_events', 'buffering_duration_seconds', 'error_count', 'ip_address', 'country',
    'city', 'isp', 'connection_type',
  ],
  properties: {
    event_id: hexId('EVENT'),
    customer_id: hexId('CUST'),
    title_id: hexId('TITLE'),
    session_id: hexId('SESSION'),
    device_id: hexId('DEVICE'),
    event_type: { enum: [...EVENT_TYPES] },
    event_timestamp: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$' },
    watch_duration_seconds: { type: 'integer', minimum: 0, maximum: 86_400 },
    position_seconds: { type: 'integer', minimum: 0, maximum: 86_400 },
    completion_percentage: { type: 'number', minimum: 0, maximum: 100 },
    device_type: { enum: [...DEVICE_TYPES] },
    device_os: { type: 'string', minLength: 1 },
    app_version: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+$' },
    quality: { enum: [...QUALITIES] },
    bandwidth_mbps: { type: 'number', minimum: 0, maximum: 1000 },
    buffering_events: { type: 'integer', minimum: 0, maximum: 1000 },
    buffering_duration_seconds: { type: 'integer', minimum: 0, maximum: 3600 },
    error_count: { type: 'integer', minimum: 0, maximum: 100 },
    ip_address: { type: 'string', pattern: IPV4 },
    isp: { type: 'string', minLength: 1 },
    connection_type: { enum: [...CONNECTION_TYPES] },
    country: { type: 'string', minLength: 1 },
    state: { type: 'string', minLength: 1 },
    city: { type: 'string', minLength: 1 },
    _dq_violation: { enum: [...DIRTY_RULE_NAMES], description: 'only with --knob dirtyRate>0: the one rule this record breaks on purpose' },
  },
  allOf: [
    { if: { properties: { event_type: { const: 'start' } } }, then: { properties: { watch_duration_seconds: { const: 0 } } } },
    { if: { properties: { buffering_events: { const: 0 } } }, then: { properties: { buffering_duration_seconds: { const: 0 } } } },
    { if: { properties: { quality: { const: '4K' } } }, then: { properties: { bandwidth_mbps: { type: 'number', minimum: 15 } } } },
  ],
};
