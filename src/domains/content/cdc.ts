import { IsoTimeFormatter } from '../../encoding/iso-time.js';
import type { RecordBatch } from '../../encoding/record-batch.js';
import type { Cdc, Shard, StepEffects } from '../domain.js';
import { isUploadSuppressed } from './chaos.js';
import type { Population } from './users.js';
import type { VideoCatalog } from './videos.js';
import type { LtvSegment } from './vocabulary.js';

/** Topic indexes in the content domain's topic list. */
export const TOPIC_VIDEOS = 1;
export const TOPIC_USERS = 2;

const KIND_USER_CHANGE = 0;
const KIND_BAN = 1;

/** A scheduled update: a profile change or a ban. */
interface Scheduled {
  readonly atMs: number;
  readonly kind: number;
  readonly id: number;
  readonly isCreator: boolean;
  readonly ltv: LtvSegment;
}

/**
 * The two Debezium-style CDC streams of spec 000 §3 for one shard: an initial snapshot (op `r`, as
 * Debezium marks snapshot reads) of the users and videos existing at the start, then in time order
 * registrations and uploads (op `c`) and profile changes and bans (op `u`, with `before`).
 * Users go first at equal instants, so an author exists before their video.
 */
export class ContentCdc implements Cdc {
  private readonly users: Population;
  private readonly videos: VideoCatalog;
  private readonly shard: Shard;
  private readonly sliceCount: number;
  private readonly startMs: number;
  private readonly iso = new IsoTimeFormatter();
  private snapshotUser: number;
  private snapshotVideo: number;
  private nextUser: number;
  private nextVideo: number;
  private readonly pending: Scheduled[] = [];

  constructor(users: Population, videos: VideoCatalog, shard: Shard, sliceCount: number) {
    this.users = users;
    this.videos = videos;
    this.shard = shard;
    this.sliceCount = sliceCount;
    this.startMs = users.startMs;
    this.snapshotUser = this.firstOwnedUser(1);
    this.snapshotVideo = this.firstOwnedVideo(1);
    this.nextUser = this.firstOwnedUser(users.initial + 1);
    this.nextVideo = this.firstOwnedVideo(videos.initial + 1);
    for (let id = this.snapshotUser; id <= users.initial; id += shard.count) this.scheduleUser(id, this.startMs);
    for (let id = this.snapshotVideo; id <= videos.initial; id = this.firstOwnedVideo(id + 1)) this.scheduleBan(id, this.startMs);
  }

  /** Append up to `max` records with timestamp <= untilMs (snapshot first); 0 = caught up. */
  fill(batch: RecordBatch, max: number, untilMs: number, effects: StepEffects): number {
    let n = 0;
    while (n < max && this.snapshotUser <= this.users.initial) {
      this.pushUser(batch, 'r', this.snapshotUser, this.startMs, null);
      this.snapshotUser += this.shard.count;
      n++;
    }
    while (n < max && this.snapshotVideo <= this.videos.initial) {
      const id = this.snapshotVideo;
      this.pushVideo(batch, 'r', id, this.startMs, this.videos.computeBanMs(id) <= this.startMs ? 'banned' : 'active', null);
      this.snapshotVideo = this.firstOwnedVideo(id + 1);
      n++;
    }
    while (n < max) {
      const userAt = this.users.registeredMs(this.nextUser);
      const videoAt = this.videos.computeUploadMs(this.nextVideo);
      const head = this.pending[0];
      const schedAt = head ? head.atMs : Infinity;
      const at = Math.min(userAt, videoAt, schedAt);
      if (at > untilMs) break;
      if (userAt === at) {
        this.pushUser(batch, 'c', this.nextUser, at, null);
        this.scheduleUser(this.nextUser, at);
        this.nextUser += this.shard.count;
      } else if (videoAt === at) {
        // spec 000 §5 C: during an inventory drought the upload never happens (no op 'c', never eligible).
        if (isUploadSuppressed(effects, at)) {
          this.nextVideo = this.firstOwnedVideo(this.nextVideo + 1);
          continue;
        }
        this.pushVideo(batch, 'c', this.nextVideo, at, 'active', null);
        this.scheduleBan(this.nextVideo, at);
        this.nextVideo = this.firstOwnedVideo(this.nextVideo + 1);
      } else {
        this.popPending();
        if (head.kind === KIND_BAN) this.pushVideo(batch, 'u', head.id, at, 'banned', 'active');
        else this.pushUser(batch, 'u', head.id, at, head);
      }
      n++;
    }
    return n;
  }

  private firstOwnedUser(from: number): number {
    const r = ((from % this.shard.count) + this.shard.count) % this.shard.count;
    return from + ((this.shard.index - r + this.shard.count) % this.shard.count);
  }

  /** Smallest video id >= from whose slice belongs to this shard. */
  private firstOwnedVideo(from: number): number {
    let id = from;
    while ((id % this.sliceCount) % this.shard.count !== this.shard.index) id++;
    return id;
  }

  private scheduleUser(id: number, afterMs: number): void {
    for (const c of this.users.changesAfter(id, afterMs)) {
      this.schedule({ atMs: c.atMs, kind: KIND_USER_CHANGE, id, isCreator: c.isCreator, ltv: c.ltv });
    }
  }

  private scheduleBan(id: number, afterMs: number): void {
    const ban = this.videos.computeBanMs(id);
    if (ban > afterMs && ban !== Infinity) this.schedule({ atMs: ban, kind: KIND_BAN, id, isCreator: false, ltv: 'new' });
  }

  /** Insert into the min-heap ordered by (atMs, kind, id). */
  private schedule(item: Scheduled): void {
    const h = this.pending;
    let i = h.length;
    h.push(item);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(item, h[p])) break;
      h[i] = h[p];
      i = p;
    }
    h[i] = item;
  }

  private popPending(): void {
    const h = this.pending;
    const last = h.pop() as Scheduled;
    if (h.length === 0) return;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= h.length) break;
      if (c + 1 < h.length && before(h[c + 1], h[c])) c++;
      if (!before(h[c], last)) break;
      h[i] = h[c];
      i = c;
    }
    h[i] = last;
  }

  private pushUser(batch: RecordBatch, op: 'r' | 'c' | 'u', id: number, atMs: number, change: Scheduled | null): void {
    const u = this.users;
    const country = u.country(id);
    const isCreator = change ? change.isCreator : u.isCreatorAt(id, atMs);
    const ltv = change ? change.ltv : u.ltvAt(id, atMs);
    const row = (creator: boolean, segment: string): string =>
      `{"user_id":"u_${id}","register_country":"${country}","is_creator":${creator},"ltv_segment":"${segment}"}`;
    const before = op === 'u' ? row(u.isCreatorAt(id, atMs - 1), u.ltvAt(id, atMs - 1)) : 'null';
    const value = `{"op":"${op}","ts_ms":${atMs},"source":"user_db","before":${before},"after":${row(isCreator, ltv)}}`;
    batch.push(TOPIC_USERS, `u_${id}`, value, atMs);
  }

  private pushVideo(batch: RecordBatch, op: 'r' | 'c' | 'u', id: number, atMs: number, status: string, beforeStatus: string | null): void {
    const v = this.videos;
    const author = v.authorId(id);
    const row = (s: string): string =>
      `{"video_id":"v_${id}","author_id":"u_${author}","category":"${v.category(id)}","region":"${this.users.country(author)}",`
      + `"duration_sec":${v.durationSec(id)},"status":"${s}","upload_time":"${this.iso.formatSeconds(v.computeUploadMs(id))}"}`;
    const before = beforeStatus === null ? 'null' : row(beforeStatus);
    const value = `{"op":"${op}","ts_ms":${atMs},"source":"content_db","before":${before},"after":${row(status)}}`;
    batch.push(TOPIC_VIDEOS, `v_${id}`, value, atMs);
  }
}

function before(a: Scheduled, b: Scheduled): boolean {
  if (a.atMs !== b.atMs) return a.atMs < b.atMs;
  if (a.kind !== b.kind) return a.kind < b.kind;
  return a.id < b.id;
}
