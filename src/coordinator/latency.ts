import * as hdr from 'hdr-histogram-js';
import { pack, unpack } from 'msgpackr';

/** A produce-latency histogram in microseconds (hdr-histogram-js, pure JS build). */
export type LatencyHistogram = hdr.Histogram;

/** What a worker sends for one interval: its requests and their send → ack latencies. */
export interface LatencyDelta {
  /** Produce requests settled in the interval. */
  readonly requests: number;
  /** Of those, requests with some record failed for good. */
  readonly failedRequests: number;
  /** The interval's histogram in hdr's compressed base64 form. */
  readonly histogram: string;
}

/** Percentiles in milliseconds; null when nothing was measured. */
export interface LatencySummary {
  readonly count: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly p999Ms: number;
  readonly maxMs: number;
}

// 1 µs to 1 h at 3 significant digits: a stuck broker still lands inside the range, not in an overflow.
const HIGHEST_US = 3_600_000_000;

/** An empty latency histogram (µs, 1 µs .. 1 h, 3 significant digits). */
export function createLatencyHistogram(): LatencyHistogram {
  return hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: HIGHEST_US, numberOfSignificantValueDigits: 3, bitBucketSize: 'packed' });
}

/** Record one request's latency given in (fractional) milliseconds. */
export function recordLatencyMs(h: LatencyHistogram, latencyMs: number): void {
  h.recordValue(Math.min(HIGHEST_US, Math.max(1, Math.round(latencyMs * 1000))));
}

/** msgpackr bytes of one worker interval; the caller resets its histogram afterwards. */
export function encodeLatencyDelta(h: LatencyHistogram, requests: number, failedRequests: number): Uint8Array {
  const delta: LatencyDelta = { requests, failedRequests, histogram: hdr.encodeIntoCompressedBase64(h) };
  return pack(delta);
}

/** Decode a worker interval and add its histogram into every target (e.g. the current window and the run total). */
export function mergeLatencyDelta(bytes: Uint8Array, targets: readonly LatencyHistogram[]): LatencyDelta {
  const delta = unpack(bytes) as LatencyDelta;
  if (delta.requests > 0) {
    const h = hdr.decodeFromCompressedBase64(delta.histogram, 32, false);
    for (const t of targets) t.add(h);
    h.destroy();
  }
  return delta;
}

/** p50/p99/p999/max in ms of a histogram, or null when it is empty. */
export function summarizeLatency(h: LatencyHistogram): LatencySummary | null {
  if (h.totalCount === 0) return null;
  const ms = (us: number): number => Math.round(us) / 1000;
  return {
    count: h.totalCount,
    p50Ms: ms(h.getValueAtPercentile(50)),
    p99Ms: ms(h.getValueAtPercentile(99)),
    p999Ms: ms(h.getValueAtPercentile(99.9)),
    // The highest recorded bucket, as for the percentiles, so merged and direct histograms agree exactly.
    maxMs: ms(h.getValueAtPercentile(100)),
  };
}
