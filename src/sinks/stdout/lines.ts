import { quoteJsonString } from '../../encoding/json-string.js';
import type { RecordBatch } from '../../encoding/record-batch.js';

/** The batch's values, one per line: exactly the bytes a Kafka record's value would hold. */
export function valueLines(batch: RecordBatch): string {
  const values = batch.values;
  let text = '';
  for (let i = 0; i < batch.length; i++) text += values[i] + '\n';
  return text;
}

/**
 * One JSON object per record, `{"topic":..,"key":..,"timestamp":<ms>,"value":<value>}`: the value is
 * already JSON text, so it is embedded as is rather than parsed and stringified again.
 */
export class WrappedLines {
  private names: readonly string[] | null = null;
  private prefixes: string[] = [];

  /** The wrapped lines of a batch. */
  format(batch: RecordBatch): string {
    const prefixes = this.prefixesOf(batch);
    const { topicIndex, keys, values, timestamps } = batch;
    let text = '';
    for (let i = 0; i < batch.length; i++) {
      text += prefixes[topicIndex[i]] + quoteJsonString(keys[i]) + ',"timestamp":' + timestamps[i] + ',"value":' + values[i] + '}\n';
    }
    return text;
  }

  /** `{"topic":"<name>","key":` per topic of the batch, built when the topic list changes. */
  private prefixesOf(batch: RecordBatch): string[] {
    if (batch.topicNames !== this.names) {
      this.prefixes = batch.topicNames.map((name) => '{"topic":' + quoteJsonString(name) + ',"key":');
      this.names = batch.topicNames;
    }
    return this.prefixes;
  }
}
