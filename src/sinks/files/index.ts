import { access, constants as fsConstants, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { RecordBatch } from '../../encoding/record-batch.js';
import { StreamgenError } from '../../errors.js';
import { partitionForKey } from '../kafka/partitioner.js';
import type { Sink, SinkContext, SinkFactory } from '../sink.js';
import { TopicTally } from '../topic-tally.js';
import { firehoseFileName, firehosePrefix, firehoseUuid } from './firehose-name.js';
import { hourOf, hourPath } from './hour-path.js';
import { PartFile } from './part-file.js';

/**
 * Open part files per writer. A run moving through simulated hours leaves the old hours behind, so the
 * least recently used part is closed past this; 32 gzip streams hold about 10 MB of zlib state.
 */
const MAX_OPEN_PARTS = 32;
/** Records group by (hour, topic index, partition) under one number: topic indexes are bytes. */
const TOPIC_SLOTS = 256;

/**
 * JSON Lines per topic, partitioned by record time (UTC):
 * `<outDir>/<topic>/year=YYYY/month=MM/day=DD/hour=HH/part-<writerId>.jsonl[.gz]`.
 * With `fileNaming: 'firehose:PREFIX'` the files split further by Kafka partition (the Java client's choice for
 * the record key) and take spec 004's names, `PREFIX-{partition}-{YYYY-MM-DD-HH-MM-SS}-{uuid}.gz`: the time of
 * the file's first record and a UUID fixed by (topic, partition, hour, writer), always gzipped.
 * Every writer (worker threads, the coordinator) has its own part files, so no locking is needed.
 * A batch counts as acked once its lines are handed to the part streams; a stream's error (disk full)
 * surfaces as SG_ERR_SINK_WRITE on the next write, flush or close.
 */
export const createFilesSink: SinkFactory = (ctx: SinkContext): Sink => {
  const outDir = resolve(ctx.config.outDir);
  const prefix = firehosePrefix(ctx.config.fileNaming);
  const gzip = prefix !== null || ctx.config.gzip;
  const partName = `part-${ctx.writerId}${gzip ? '.jsonl.gz' : '.jsonl'}`;
  // Partition counts as the Kafka sink would create the topics; parts naming ignores partitions (one slot).
  const partitionCounts = new Map(prefix === null ? [] : ctx.topics.map((t) => [t.name, ctx.config.kafka.partitions[t.name] ?? t.partitions]));
  const partitionSlots = Math.max(1, ...partitionCounts.values());
  /** Firehose file paths by (directory, partition), named once by their first record so reopening keeps the name. */
  const firehosePaths = new Map<string, string>();
  const tally = new TopicTally(ctx.topics);
  /** Open parts by path, least recently used first (Map keeps insertion order). */
  const openParts = new Map<string, PartFile>();
  /** Parts this writer has started: reopened after eviction they are appended to, not truncated. */
  const started = new Set<string>();
  const madeDirs = new Set<string>();
  /** Lines of the batch being written, per (hour, topic, partition) group; reused across batches. */
  const groups = new Map<number, string>();
  /** Timestamp of each group's first record in the batch being written. */
  const firstTimestamps = new Map<number, number>();
  let closing: Promise<void> | null = null;

  const partFor = async (dir: string, path: string): Promise<PartFile> => {
    let part = openParts.get(path);
    if (part !== undefined) {
      openParts.delete(path);
      openParts.set(path, part);
      return part;
    }
    if (openParts.size >= MAX_OPEN_PARTS) {
      const [oldest, evicted] = openParts.entries().next().value as [string, PartFile];
      openParts.delete(oldest);
      await evicted.end();
      throwIfFailed(evicted);
    }
    if (!madeDirs.has(dir)) {
      await mkdir(dir, { recursive: true }).catch((err: unknown) => { throw writeError(dir, err); });
      madeDirs.add(dir);
    }
    part = new PartFile(path, gzip, started.has(path));
    started.add(path);
    openParts.set(path, part);
    return part;
  };

  /** Group the batch's lines by hour, topic and (firehose naming) partition, keeping each group in record order. */
  const groupLines = (batch: RecordBatch): void => {
    groups.clear();
    firstTimestamps.clear();
    const { topicIndex, keys, values, timestamps } = batch;
    if (batch.length === 0) return;
    const counts = prefix === null ? null : batch.topicNames.map((name) => partitionCounts.get(name) ?? 0);
    const keyOf = (i: number): number => {
      const slot = (hourOf(timestamps[i]) * TOPIC_SLOTS + topicIndex[i]) * partitionSlots;
      return counts === null ? slot : slot + partitionForKey(keys[i], counts[topicIndex[i]]);
    };
    // Records mostly come in time order, so lines gather in runs and the map is touched once per run.
    let key = keyOf(0);
    firstTimestamps.set(key, timestamps[0]);
    let run = '';
    for (let i = 0; i < batch.length; i++) {
      const k = keyOf(i);
      if (k !== key) {
        groups.set(key, (groups.get(key) ?? '') + run);
        key = k;
        run = '';
        if (!firstTimestamps.has(k)) firstTimestamps.set(k, timestamps[i]);
      }
      run += values[i] + '\n';
    }
    groups.set(key, (groups.get(key) ?? '') + run);
  };

  /** The file of one group: the writer's part, or the firehose file named by the group's first record. */
  const pathFor = (dir: string, topic: string, hour: number, partition: number, firstTimestamp: number): string => {
    if (prefix === null) return join(dir, partName);
    const id = `${dir}\0${partition}`;
    let path = firehosePaths.get(id);
    if (path === undefined) {
      path = join(dir, firehoseFileName(prefix, partition, firstTimestamp, firehoseUuid(topic, partition, hour, ctx.writerId)));
      firehosePaths.set(id, path);
    }
    return path;
  };

  const flush = async (): Promise<void> => {
    const parts = [...openParts.values()];
    await Promise.all(parts.map((p) => p.flush()));
    for (const p of parts) throwIfFailed(p);
  };

  return {
    async open() {
      try {
        await mkdir(outDir, { recursive: true });
        await access(outDir, fsConstants.W_OK);
      } catch (err) {
        throw new StreamgenError('SG_ERR_OUT_UNWRITABLE', `output directory "${outDir}" cannot be created or written: ${osReason(err)}`, { cause: err });
      }
    },

    async write(batch: RecordBatch) {
      if (batch.length === 0) return;
      if (closing !== null) throw new StreamgenError('SG_ERR_INTERNAL', `files sink for ${outDir} was written after close`);
      groupLines(batch);
      let bytes = 0;
      try {
        for (const [key, text] of groups) {
          // Keys of hours before 1970 are negative; the partition is still the non-negative remainder.
          const partition = ((key % partitionSlots) + partitionSlots) % partitionSlots;
          const hourTopic = (key - partition) / partitionSlots;
          const hour = Math.floor(hourTopic / TOPIC_SLOTS);
          const topic = batch.topicNames[hourTopic - hour * TOPIC_SLOTS];
          const dir = join(outDir, topic, hourPath(hour));
          const part = await partFor(dir, pathFor(dir, topic, hour, partition, firstTimestamps.get(key) ?? 0));
          throwIfFailed(part);
          const chunk = Buffer.from(text, 'utf8');
          // Values plus one newline each: exact UTF-8 bytes of the values without a second pass.
          bytes += chunk.length;
          if (!part.write(chunk)) await part.drained();
          throwIfFailed(part);
        }
      } catch (err) {
        tally.fail(batch);
        throw err;
      } finally {
        groups.clear();
        firstTimestamps.clear();
      }
      tally.ack(batch, bytes - batch.length);
    },

    flush,

    close() {
      closing ??= (async () => {
        const parts = [...openParts.values()];
        openParts.clear();
        await Promise.all(parts.map((p) => p.end()));
        for (const p of parts) throwIfFailed(p);
      })();
      return closing;
    },

    stats: () => tally.snapshot(),
  };
};

function throwIfFailed(part: PartFile): void {
  if (part.error !== null) throw writeError(part.path, part.error);
}

function writeError(path: string, err: unknown): StreamgenError {
  return new StreamgenError('SG_ERR_SINK_WRITE', `cannot write ${path}: ${osReason(err)}`, { cause: err });
}

/** `not a directory (ENOTDIR)` from Node's `ENOTDIR: not a directory, mkdir '/x'`. */
function osReason(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = (err as NodeJS.ErrnoException).code;
  if (code === undefined) return err.message;
  const text = err.message.startsWith(`${code}: `) ? err.message.slice(code.length + 2).split(', ')[0] : err.message;
  return `${text} (${code})`;
}
