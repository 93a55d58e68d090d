import type { JsonSchema } from '../domain.js';
import { CATEGORIES, DEVICE_TYPES, FRAUD_TYPES, PAYMENT_METHODS } from './vocabulary.js';

const ISO_MS = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$';
const USER_ID = '^user_[0-9]{6,}$';
const PRODUCT_ID = '^prod_[0-9]{6,}$';
const SESSION_ID = '^sess_[0-9a-f]{12,}$';
const TXN_ID = '^txn_[0-9]{9,}$';
const CATEGORY = { enum: CATEGORIES.map((c) => c.name) };
// Two decimals (whole cents); not a multipleOf 0.01, which binary floats fail (64.99 / 0.01 is not an integer).
const MONEY = { type: 'number', minimum: 0.01 };
const DEVICE_TYPE = { enum: [...DEVICE_TYPES, 'unknown'] };
const SCHEMA = 'https://json-schema.org/draft/2020-12/schema';

/** spec 002 "Transactions" example, plus session_id and the fraud labels (is_fraud, fraud_type, fraud_score). */
export const TRANSACTION_SCHEMA: JsonSchema = {
  $schema: SCHEMA,
  $id: 'streamgen/commerce/transactions',
  title: 'transactions record',
  type: 'object',
  additionalProperties: false,
  required: ['transaction_id', 'user_id', 'session_id', 'timestamp', 'products', 'total_amount', 'payment_method', 'location', 'device_info', 'is_fraud', 'fraud_type', 'fraud_score'],
  properties: {
    transaction_id: { type: 'string', pattern: TXN_ID },
    user_id: { type: 'string', pattern: USER_ID },
    session_id: { type: 'string', pattern: SESSION_ID },
    timestamp: { type: 'string', pattern: ISO_MS },
    products: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['product_id', 'name', 'category', 'price', 'quantity'],
        properties: {
          product_id: { type: 'string', pattern: PRODUCT_ID },
          name: { type: 'string', minLength: 1 },
          category: CATEGORY,
          price: MONEY,
          quantity: { type: 'integer', minimum: 1 },
        },
      },
    },
    total_amount: MONEY,
    payment_method: { enum: [...PAYMENT_METHODS] },
    location: {
      type: 'object',
      additionalProperties: false,
      required: ['country', 'state', 'city', 'latitude', 'longitude'],
      properties: {
        country: { type: 'string', pattern: '^[A-Z]{2}$' },
        state: { type: 'string', minLength: 1 },
        city: { type: 'string', minLength: 1 },
        latitude: { type: 'number', minimum: -90, maximum: 90 },
        longitude: { type: 'number', minimum: -180, maximum: 180 },
      },
    },
    device_info: {
      type: 'object',
      additionalProperties: false,
      required: ['device_type', 'os', 'browser'],
      properties: { device_type: DEVICE_TYPE, os: { type: 'string' }, browser: { type: 'string' } },
    },
    is_fraud: { type: 'boolean' },
    fraud_type: { enum: [...FRAUD_TYPES, null] },
    fraud_score: { type: 'number', minimum: 0, maximum: 1 },
  },
};

/** spec 002 "User Events" example, plus transaction_id (set on purchase events only). */
export const USER_EVENT_SCHEMA: JsonSchema = {
  $schema: SCHEMA,
  $id: 'streamgen/commerce/user-events',
  title: 'user-events record',
  type: 'object',
  additionalProperties: false,
  required: ['event_id', 'user_id', 'session_id', 'event_type', 'timestamp', 'product_id', 'category', 'page_url', 'duration_seconds', 'device_info', 'transaction_id'],
  properties: {
    event_id: { type: 'string', pattern: '^evt_[0-9]{9,}$' },
    user_id: { type: 'string', pattern: USER_ID },
    session_id: { type: 'string', pattern: SESSION_ID },
    event_type: { enum: ['page_view', 'search', 'product_view', 'add_to_cart', 'checkout', 'purchase'] },
    timestamp: { type: 'string', pattern: ISO_MS },
    product_id: { type: ['string', 'null'], pattern: PRODUCT_ID },
    category: { enum: [...CATEGORIES.map((c) => c.name), null] },
    page_url: { type: 'string', pattern: '^/' },
    duration_seconds: { type: 'integer', minimum: 1 },
    device_info: {
      type: 'object',
      additionalProperties: false,
      required: ['device_type', 'screen_resolution'],
      properties: { device_type: DEVICE_TYPE, screen_resolution: { type: 'string', pattern: '^[0-9]+x[0-9]+$' } },
    },
    transaction_id: { type: ['string', 'null'], pattern: TXN_ID },
  },
};

/** Catalogue changes: a snapshot per product at the start, then price_change / stock_change with previous values. */
export const PRODUCT_UPDATE_SCHEMA: JsonSchema = {
  $schema: SCHEMA,
  $id: 'streamgen/commerce/product-updates',
  title: 'product-updates record',
  type: 'object',
  additionalProperties: false,
  required: ['update_id', 'product_id', 'name', 'category', 'timestamp', 'update_type', 'price', 'previous_price', 'stock_quantity', 'previous_stock_quantity'],
  properties: {
    update_id: { type: 'string', pattern: '^upd_[0-9]{6,}_[0-9]+$' },
    product_id: { type: 'string', pattern: PRODUCT_ID },
    name: { type: 'string', minLength: 1 },
    category: CATEGORY,
    timestamp: { type: 'string', pattern: ISO_MS },
    update_type: { enum: ['snapshot', 'price_change', 'stock_change'] },
    price: MONEY,
    previous_price: { anyOf: [MONEY, { type: 'null' }] },
    stock_quantity: { type: 'integer', minimum: 0 },
    previous_stock_quantity: { type: ['integer', 'null'], minimum: 0 },
  },
};

/** A fraud alert raised by screening after a transaction; is_fraud tells true from false positives. */
export const FRAUD_ALERT_SCHEMA: JsonSchema = {
  $schema: SCHEMA,
  $id: 'streamgen/commerce/fraud-alerts',
  title: 'fraud-alerts record',
  type: 'object',
  additionalProperties: false,
  required: ['alert_id', 'transaction_id', 'user_id', 'timestamp', 'alert_type', 'fraud_score', 'severity', 'is_fraud'],
  properties: {
    alert_id: { type: 'string', pattern: '^alert_[0-9]{9,}$' },
    transaction_id: { type: 'string', pattern: TXN_ID },
    user_id: { type: 'string', pattern: USER_ID },
    timestamp: { type: 'string', pattern: ISO_MS },
    alert_type: { enum: [...FRAUD_TYPES] },
    fraud_score: { type: 'number', minimum: 0, maximum: 1 },
    severity: { enum: ['low', 'medium', 'high', 'critical'] },
    is_fraud: { type: 'boolean' },
  },
};
