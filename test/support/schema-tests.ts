import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Domain } from '../../src/domains/domain.js';

/** One test per topic: every sampled record (parsed values by topic name) is valid against the topic's published schema. */
export function testTopicSchemas(domain: Domain, byTopic: ReadonlyMap<string, readonly unknown[]>, minRecords = 1_000): void {
  for (const topic of domain.topics) {
    test(`every ${topic.name} record is valid against its published JSON Schema`, () => {
      const validate = new Ajv2020({ allErrors: true, strict: true }).compile(topic.schema);
      const records = byTopic.get(topic.name) ?? [];
      assert.ok(records.length > minRecords, `${records.length} records`);
      for (const r of records) assert.ok(validate(r), JSON.stringify(validate.errors?.slice(0, 2)) + ' in ' + JSON.stringify(r));
    });
  }
}
