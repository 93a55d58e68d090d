import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { telemetryDomain } from '../../../src/domains/telemetry/index.js';
import { sample } from './sample.js';

// 150,000 records, seed 3, 60 events/s (≈ 42 minutes of timeline after a 3-hour warm start).
const records = sample(3, 150_000, 60);

test('the run emits exactly the planned number of records, all on acme-telemetry keyed by customer_id', () => {
  assert.equal(records.length, 150_000);
  for (const r of records) assert.equal(r.key, r.v.customer_id);
});

test('every record is valid against the published JSON Schema (field formats, ranges, logical rules)', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validate = ajv.compile(telemetryDomain.topics[0].schema);
  for (const r of records) assert.ok(validate(r.v), JSON.stringify(validate.errors?.slice(0, 2)) + ' in ' + JSON.stringify(r.v));
});

test('every field of the spec is present, in the spec sample\'s order, and the Kafka timestamp is event_timestamp', () => {
  const order = [
    'event_id', 'customer_id', 'title_id', 'session_id', 'event_type', 'event_timestamp', 'watch_duration_seconds',
    'position_seconds', 'completion_percentage', 'device_type', 'device_id', 'device_os', 'app_version', 'quality',
    'bandwidth_mbps', 'buffering_events', 'buffering_duration_seconds', 'error_count', 'ip_address', 'country',
    'state', 'city', 'isp', 'connection_type',
  ];
  for (const r of records.slice(0, 20_000)) {
    assert.deepEqual(Object.keys(r.v), order);
    assert.equal(r.timestampMs, Date.parse(r.v.event_timestamp));
  }
});

test('event ids are unique within the run', () => {
  const ids = new Set(records.map((r) => r.v.event_id));
  assert.equal(ids.size, records.length);
});
