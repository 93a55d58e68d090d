/** Hash salts: one per entity attribute, so attributes are independent pure functions of (seed, id). */
export const SALT = {
  customerActivity: 401,
  customerCity: 402,
  customerTech: 403,
  customerIsp: 404,
  customerIp: 405,
  customerDevices: 406,
  customerBandwidth: 407,
  deviceType: 411,
  deviceOs: 412,
  deviceUhd: 413,
  deviceVersion: 414,
  devicePreference: 415,
  titleKind: 421,
  titleLength: 422,
  idCustomer: 431,
  idTitle: 432,
  idDevice: 433,
  idSession: 434,
  idEvent: 435,
} as const;

/** Stream ids of seeded random streams: slices use SLICE_STREAM_BASE + slice. */
export const SLICE_STREAM_BASE = 4_000_000;
/** The stream of the pilot that measures events and duration per session at world creation. */
export const PILOT_STREAM = 3_999_999;
