/** Hash salts: one per entity attribute, so attributes are independent pure functions of (seed, id). */
export const SALT = {
  publisherRank: 101,
  publisherNameA: 102,
  publisherNameB: 103,
  publisherNameKind: 104, // seeds the faker name table and picks from it
  publisherTld: 105,
  publisherSites: 106,
  publisherTmax: 107,
  siteCategory: 111,
  siteSection: 112,
  siteSubdomain: 113,
  userCountry: 201,
  userCity: 202,
  userDevice: 203,
  userOs: 204,
  userOsVersion: 205,
  userModel: 206,
  userBrowser: 207,
  userIpA: 208,
  userIpB: 209,
  userLat: 210,
  userLon: 211,
  userCoppa: 212,
  userIdWord: 220, // + word index 0..3
  userBuyerWord: 230, // + word index 0..3
  advertiserRank: 301,
  advertiserNameA: 302,
  advertiserNameB: 303,
  advertiserSuffix: 304,
  advertiserSeat: 305,
  advertiserVariants: 306,
  creativeAdWord: 310, // + word index 0..3
} as const;

/** Stream ids of seeded random streams: slices use SLICE_STREAM_BASE + slice. */
export const SLICE_STREAM_BASE = 3_000_000;
