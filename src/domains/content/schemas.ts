import type { JsonSchema } from '../domain.js';

const ISO_MS = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$';
const ISO_S = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$';
const UUID_V4 = '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$';
const VIDEO_ID = '^v_[1-9][0-9]*$';
const USER_ID = '^u_[1-9][0-9]*$';

/** spec 000 §2.1: header (strict) + payload (flexible body). */
export const CONTENT_EVENT_SCHEMA: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'streamgen/content/content_events',
  title: 'content_events record',
  type: 'object',
  additionalProperties: false,
  required: ['event_id', 'event_timestamp', 'video_id', 'user_id', 'event_type', 'payload'],
  properties: {
    event_id: { type: 'string', pattern: UUID_V4 },
    event_timestamp: { type: 'string', pattern: ISO_MS },
    video_id: { type: 'string', pattern: VIDEO_ID },
    user_id: { type: 'string', pattern: USER_ID },
    event_type: { enum: ['impression', 'play_start', 'play_finish', 'skip', 'like', 'share'] },
    payload: {
      type: 'object',
      additionalProperties: true,
      required: ['watch_time_ms', 'video_duration_ms', 'device_os', 'app_version', 'network_type', 'referral_source'],
      properties: {
        watch_time_ms: { type: 'integer', minimum: 0 },
        video_duration_ms: { type: 'integer', minimum: 1000 },
        device_os: { enum: ['iOS', 'Android'] },
        app_version: { type: 'string', pattern: '^\\d+\\.\\d+(\\.\\d+)?$' },
        network_type: { enum: ['WiFi', '5G', '4G', '3G'] },
        referral_source: { enum: ['foryou_page', 'following', 'search', 'profile', 'share_link'] },
      },
    },
  },
};

const VIDEO_ROW: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['video_id', 'author_id', 'category', 'region', 'duration_sec', 'status', 'upload_time'],
  properties: {
    video_id: { type: 'string', pattern: VIDEO_ID },
    author_id: { type: 'string', pattern: USER_ID },
    category: { type: 'string', minLength: 1 },
    region: { type: 'string', pattern: '^[A-Z]{2}$' },
    duration_sec: { type: 'integer', minimum: 1 },
    status: { enum: ['active', 'banned'] },
    upload_time: { type: 'string', pattern: ISO_S },
  },
};

const USER_ROW: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['user_id', 'register_country', 'is_creator', 'ltv_segment'],
  properties: {
    user_id: { type: 'string', pattern: USER_ID },
    register_country: { type: 'string', pattern: '^[A-Z]{2}$' },
    is_creator: { type: 'boolean' },
    ltv_segment: { enum: ['new', 'casual', 'regular', 'VIP'] },
  },
};

/** Debezium-style envelope (spec 000 §3): op r = snapshot read, c = create, u = update (with before). */
function envelope(id: string, title: string, source: string, row: JsonSchema): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: id,
    title,
    type: 'object',
    additionalProperties: false,
    required: ['op', 'ts_ms', 'source', 'before', 'after'],
    properties: {
      op: { enum: ['r', 'c', 'u'] },
      ts_ms: { type: 'integer', minimum: 0 },
      source: { const: source },
      before: { oneOf: [{ type: 'null' }, row] },
      after: row,
    },
  };
}

export const VIDEO_CDC_SCHEMA = envelope('streamgen/content/cdc.content.videos', 'cdc.content.videos record', 'content_db', VIDEO_ROW);
export const USER_CDC_SCHEMA = envelope('streamgen/content/cdc.users.profiles', 'cdc.users.profiles record', 'user_db', USER_ROW);
