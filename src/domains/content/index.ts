import type { Domain } from '../domain.js';
import { CONTENT_SCENARIOS } from './chaos.js';
import { CONTENT_KNOBS } from './knobs.js';
import { CONTENT_EVENT_SCHEMA, USER_CDC_SCHEMA, VIDEO_CDC_SCHEMA } from './schemas.js';
import { ContentWorld } from './world.js';

/** Table epoch: catalogue eligibility and traffic masses are fixed for 10 s of timeline. */
const EPOCH_MS = 10_000;

/** spec 000: the short-video platform (content_events firehose + two CDC topics). */
export const contentDomain: Domain = {
  name: 'content',
  description: 'Short-video platform (spec 000): impression → play_start → play_finish/skip, like, share; video and user CDC',
  // Order matters: the funnel writes topic 0, the CDC topics 1 and 2.
  topics: [
    { name: 'content_events', keyField: 'video_id', defaultPartitions: 12, role: 'main', description: 'user interactions (the firehose), header + payload', schema: CONTENT_EVENT_SCHEMA },
    { name: 'cdc.content.videos', keyField: 'video_id', defaultPartitions: 6, role: 'cdc', description: 'video uploads (op c) and status changes active → banned (op u)', schema: VIDEO_CDC_SCHEMA },
    { name: 'cdc.users.profiles', keyField: 'user_id', defaultPartitions: 6, role: 'cdc', description: 'registrations (op c) and is_creator / ltv_segment changes (op u)', schema: USER_CDC_SCHEMA },
  ],
  knobs: CONTENT_KNOBS,
  scenarios: CONTENT_SCENARIOS,
  epochMs: EPOCH_MS,
  // Open sessions end within a video length (≤ 180 s, mean ≈ 25 s): a minute of room completes nearly all.
  drainMs: 60_000,
  createWorld: (ctx) => new ContentWorld(ctx, EPOCH_MS),
};
