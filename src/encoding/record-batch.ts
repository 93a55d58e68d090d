/**
 * RecordBatch: the only type both domains and sinks see.
 * Parallel arrays of (topic index, key, encoded value, timestamp). A batch is cleared
 * and reused between fills, never reallocated per record (spec: hot path allocates little).
 * Topic indexes refer to the domain's `topics` array, so sinks never learn domain types.
 */
export class RecordBatch {
  /** Topic names, indexed by the numbers stored in `topicIndex`. */
  readonly topicNames: readonly string[];
  topicIndex: Uint8Array;
  keys: string[];
  /** Encoded values: the exact JSON text that goes on the wire. */
  values: string[];
  /** Record timestamps in epoch milliseconds. */
  timestamps: Float64Array;
  length = 0;

  constructor(topicNames: readonly string[], capacity = 4096) {
    this.topicNames = topicNames;
    this.topicIndex = new Uint8Array(capacity);
    this.keys = new Array<string>(capacity);
    this.values = new Array<string>(capacity);
    this.timestamps = new Float64Array(capacity);
  }

  /** Number of records the batch holds before it grows. */
  get capacity(): number {
    return this.timestamps.length;
  }

  /** Append one record; grows by doubling when full. */
  push(topic: number, key: string, value: string, timestampMs: number): void {
    const i = this.length;
    if (i === this.timestamps.length) this.grow();
    this.topicIndex[i] = topic;
    this.keys[i] = key;
    this.values[i] = value;
    this.timestamps[i] = timestampMs;
    this.length = i + 1;
  }

  /** Forget the records but keep the storage. */
  clear(): void {
    this.length = 0;
  }

  private grow(): void {
    const cap = this.timestamps.length * 2;
    const ti = new Uint8Array(cap);
    ti.set(this.topicIndex);
    this.topicIndex = ti;
    const ts = new Float64Array(cap);
    ts.set(this.timestamps);
    this.timestamps = ts;
    this.keys.length = cap;
    this.values.length = cap;
  }
}
