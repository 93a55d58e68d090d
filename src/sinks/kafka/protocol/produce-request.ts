/**
 * Produce Request (Version: 3) => transactional_id acks timeout [topic_data]
 *   transactional_id => NULLABLE_STRING     null (-1): never transactional
 *   acks => INT16
 *   timeout => INT32
 *   topic_data => topic [data]
 *     topic => STRING
 *     data => partition record_set
 *       partition => INT32
 *       record_set => RECORDS               INT32 size, then one RecordBatch (record-batch.ts)
 *
 * Produce Response (Version: 3) => [responses] throttle_time_ms
 *   responses => topic [partition_responses]
 *     topic => STRING
 *     partition_responses => partition error_code base_offset log_append_time
 *       partition => INT32
 *       error_code => INT16
 *       base_offset => INT64
 *       log_append_time => INT64
 *   throttle_time_ms => INT32
 *
 * v3 is the first version that carries magic v2 batches, and the oldest that Kafka 4 still accepts (KIP-896).
 * The request and response objects follow kafkajs's protocol contract, so they travel over kafkajs's own broker
 * connections (correlation ids, request timeouts, in-flight limits stay kafkajs's).
 */

/** Kafka's API key for Produce. */
export const PRODUCE_API_KEY = 0;
/** The Produce version this module speaks. */
export const PRODUCE_API_VERSION = 3;

/** One partition's finished RecordBatch. */
export interface PartitionRecords {
  readonly partition: number;
  readonly batch: Buffer;
}

/** The batches of one topic in a request. */
export interface TopicRecords {
  readonly topic: string;
  readonly partitions: readonly PartitionRecords[];
}

/** What the broker said about one partition. */
export interface PartitionResult {
  readonly topic: string;
  readonly partition: number;
  readonly errorCode: number;
}

/** The decoded response: one result per partition sent. */
export interface ProduceResponseData {
  readonly results: PartitionResult[];
  readonly throttleTimeMs: number;
}

/** The shape kafkajs's request encoder accepts from `encode()`: it copies `buffer` behind its request header. */
export interface EncodedBody {
  readonly buf: Buffer;
  readonly buffer: Buffer;
  size(): number;
  toJSON(): object;
}

/** A request as kafkajs's `Connection.send` takes it. */
export interface ProtocolRequest {
  readonly apiKey: number;
  readonly apiVersion: number;
  readonly apiName: string;
  expectResponse(): boolean;
  encode(): Promise<EncodedBody>;
}

/** A response decoder as kafkajs's `Connection.send` takes it; `parse` keeps per-partition errors for the caller. */
export interface ProtocolResponse {
  decode(payload: Buffer): Promise<ProduceResponseData>;
  parse(data: ProduceResponseData): Promise<ProduceResponseData>;
}

/** Settings of one Produce request. */
export interface ProduceRequestOptions {
  readonly acks: -1 | 0 | 1;
  readonly timeoutMs: number;
  readonly topics: readonly TopicRecords[];
}

/** A Produce v3 request whose body is the prebuilt batches, laid out once. */
export function createProduceRequest(options: ProduceRequestOptions): ProtocolRequest {
  return {
    apiKey: PRODUCE_API_KEY,
    apiVersion: PRODUCE_API_VERSION,
    apiName: 'Produce',
    // acks=0: the broker sends no response at all, so kafkajs must not wait for one.
    expectResponse: () => options.acks !== 0,
    encode: async () => bodyOf(encodeProduceBody(options)),
  };
}

/** The Produce v3 request body (everything after kafkajs's request header) in one Buffer. */
export function encodeProduceBody({ acks, timeoutMs, topics }: ProduceRequestOptions): Buffer {
  let size = 2 + 2 + 4 + 4;
  for (const t of topics) {
    size += 2 + Buffer.byteLength(t.topic) + 4;
    for (const p of t.partitions) size += 4 + 4 + p.batch.length;
  }
  const out = Buffer.allocUnsafe(size);
  let pos = out.writeInt16BE(-1, 0);
  pos = out.writeInt16BE(acks, pos);
  pos = out.writeInt32BE(timeoutMs, pos);
  pos = out.writeInt32BE(topics.length, pos);
  for (const t of topics) {
    const nameBytes = out.write(t.topic, pos + 2);
    out.writeInt16BE(nameBytes, pos);
    pos += 2 + nameBytes;
    pos = out.writeInt32BE(t.partitions.length, pos);
    for (const p of t.partitions) {
      pos = out.writeInt32BE(p.partition, pos);
      pos = out.writeInt32BE(p.batch.length, pos);
      pos += p.batch.copy(out, pos);
    }
  }
  return out;
}

/** Decoder for the Produce v3 response; errors stay per partition instead of failing the whole request. */
export const produceResponse: ProtocolResponse = {
  decode: async (payload) => decodeProduceResponse(payload),
  parse: async (data) => data,
};

/** Reads a Produce v3 response body. */
export function decodeProduceResponse(payload: Buffer): ProduceResponseData {
  const results: PartitionResult[] = [];
  let pos = 0;
  const topics = payload.readInt32BE(pos);
  pos += 4;
  for (let t = 0; t < topics; t++) {
    const nameBytes = payload.readInt16BE(pos);
    const topic = payload.toString('utf8', pos + 2, pos + 2 + nameBytes);
    pos += 2 + nameBytes;
    const partitions = payload.readInt32BE(pos);
    pos += 4;
    for (let i = 0; i < partitions; i++) {
      results.push({ topic, partition: payload.readInt32BE(pos), errorCode: payload.readInt16BE(pos + 4) });
      // partition, error_code, then base_offset and log_append_time, which the sink does not use.
      pos += 4 + 2 + 8 + 8;
    }
  }
  return { results, throttleTimeMs: payload.readInt32BE(pos) };
}

function bodyOf(buf: Buffer): EncodedBody {
  return { buf, buffer: buf, size: () => buf.length, toJSON: () => buf.toJSON() };
}
