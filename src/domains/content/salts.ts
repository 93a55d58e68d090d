/** Hash salts: one per entity attribute, so attributes are independent pure functions of (seed, id). */
export const SALT = {
  userCountry: 101,
  userPatienceA: 102,
  userPatienceB: 103,
  userDevice: 104,
  userNetwork: 105,
  userRegJitter: 106,
  userCreator: 107,
  userCreatorDelay: 108,
  userLtvDelay: 109,
  userLtvPath: 110,
  userVip: 111,
  userVipDelay: 112,
  userAppDelay: 120, // + release index
  userBrokenAdopt: 140, // + broken_client activation index
  videoPopularity: 201,
  videoQualityA: 202,
  videoQualityB: 203,
  videoQualityC: 204,
  videoDurationA: 205,
  videoDurationB: 206,
  videoCategory: 207,
  videoAuthor: 208, // + attempt
  videoBan: 209,
  videoBanDelay: 210,
  videoUploadJitter: 211,
  popularityPermutation: 301,
} as const;

/** Stream ids of seeded random streams: slices use SLICE_STREAM_BASE + slice. */
export const SLICE_STREAM_BASE = 1_000_000;
