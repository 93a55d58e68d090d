/** Hash salts: one per entity attribute, so attributes are independent pure functions of (seed, id). */
export const SALT = {
  userType: 401,
  userCity: 402,
  userDevice: 403,
  userDeviceProfile: 404,
  userCategory: 405,
  userPayment: 406,
  userActivity: 407,
  productCategory: 501,
  productPrice: 502,
  productPopularity: 503,
  productName: 504,
  productStock: 505,
} as const;

/** Salts of per-period product changes: base + period index (periods stay below 2^24 for any run length). */
export const PERIOD_SALT = {
  offset: 0x1000_0000,
  kind: 0x2000_0000,
  price: 0x3000_0000,
  stock: 0x4000_0000,
} as const;

/** Stream ids of seeded random streams: slices use SLICE_STREAM_BASE + slice. */
export const SLICE_STREAM_BASE = 2_000_000;
