/**
 * Weighted vocabularies of the telemetry domain (spec 004). Each list becomes a cumulative table once, so a
 * uniform in [0, 1) (from a stream or a pure hash) picks an entry without allocating.
 */
import { cumulativeWeights, pickCumulative } from '../../random/cumulative.js';

/** A weighted choice over the indexes 0..n-1 of a parallel value list. */
export interface Weighted {
  /** Cumulative probabilities; the last entry is exactly 1. */
  readonly cumulative: Float64Array;
}

/** Cumulative table from raw weights (they need not sum to 1). */
export function cumulativeOf(weights: readonly number[]): Weighted {
  return { cumulative: cumulativeWeights(weights) };
}

/** Index a uniform u in [0, 1) falls on. */
export function pick(table: Weighted, u: number): number {
  return pickCumulative(table.cumulative, u);
}

/** A viewer location: the spec's country name, state/province, city, and standard-time UTC offset. */
export interface City {
  readonly country: string;
  readonly state: string;
  readonly city: string;
  readonly utcOffsetHours: number;
  readonly weight: number;
}

// A US-centred audience (the spec's sample record: United States / California / Los Angeles, Comcast),
// with Canada and the UK. Weights ∝ metro populations; country shares 82 / 8 / 10 %. Offsets are standard
// time (no daylight saving): the load profile needs a fixed local hour per city, and an hour's shift in
// summer changes the shape by less than the spec's ranges.
const US: ReadonlyArray<readonly [string, string, number, number]> = [
  ['New York', 'New York', -5, 19.8], ['Philadelphia', 'Pennsylvania', -5, 6.2], ['Miami', 'Florida', -5, 6.1],
  ['Atlanta', 'Georgia', -5, 6.1], ['Boston', 'Massachusetts', -5, 4.9], ['Washington', 'District of Columbia', -5, 6.3],
  ['Detroit', 'Michigan', -5, 4.3], ['Charlotte', 'North Carolina', -5, 2.7], ['Columbus', 'Ohio', -5, 2.1],
  ['Chicago', 'Illinois', -6, 9.4], ['Houston', 'Texas', -6, 7.1], ['Dallas', 'Texas', -6, 7.6],
  ['San Antonio', 'Texas', -6, 2.6], ['Austin', 'Texas', -6, 2.3], ['Minneapolis', 'Minnesota', -6, 3.7],
  ['Nashville', 'Tennessee', -6, 2.0], ['Kansas City', 'Missouri', -6, 2.2],
  ['Denver', 'Colorado', -7, 3.0], ['Phoenix', 'Arizona', -7, 4.9], ['Salt Lake City', 'Utah', -7, 1.3],
  ['Los Angeles', 'California', -8, 13.2], ['San Diego', 'California', -8, 3.3], ['San Jose', 'California', -8, 2.0],
  ['San Francisco', 'California', -8, 4.7], ['Seattle', 'Washington', -8, 4.0], ['Portland', 'Oregon', -8, 2.5],
  ['Las Vegas', 'Nevada', -8, 2.3],
];
const CANADA: ReadonlyArray<readonly [string, string, number, number]> = [
  ['Toronto', 'Ontario', -5, 6.2], ['Montreal', 'Quebec', -5, 4.3], ['Ottawa', 'Ontario', -5, 1.5],
  ['Calgary', 'Alberta', -7, 1.6], ['Vancouver', 'British Columbia', -8, 2.6],
];
const UK: ReadonlyArray<readonly [string, string, number, number]> = [
  ['London', 'England', 0, 9.0], ['Birmingham', 'England', 0, 2.9], ['Manchester', 'England', 0, 2.8],
  ['Leeds', 'England', 0, 1.9], ['Glasgow', 'Scotland', 0, 1.7],
];

function cities(country: string, share: number, rows: ReadonlyArray<readonly [string, string, number, number]>): City[] {
  const total = rows.reduce((s, r) => s + r[3], 0);
  return rows.map(([city, state, utcOffsetHours, w]) => ({ country, state, city, utcOffsetHours, weight: (share * w) / total }));
}

/** Every city a customer may live in, with its share of customers. */
export const CITIES: readonly City[] = [
  ...cities('United States', 0.82, US),
  ...cities('Canada', 0.08, CANADA),
  ...cities('United Kingdom', 0.1, UK),
];
export const CITY_TABLE = cumulativeOf(CITIES.map((c) => c.weight));

/** Home access technologies (the spec's connection types other than wifi and mobile). */
export const HOME_TECHS = ['fiber', 'cable', 'dsl', 'satellite'] as const;
/** Share of homes per access technology. */
export const HOME_TECH_TABLE = cumulativeOf([28, 55, 13, 4]);
/** Median downstream bandwidth (Mbps) per home technology; wifi delivers a share of it. */
export const HOME_TECH_MEDIAN_MBPS = [300, 140, 20, 30];
export const MOBILE_MEDIAN_MBPS = 40;
export const WIFI_SHARE = 0.6;

/** An Internet provider: name, the home technologies it sells (bit i = HOME_TECHS[i]), IPv4 first octets. */
export interface Isp {
  readonly name: string;
  readonly techs: number;
  readonly weight: number;
  readonly octets: readonly number[];
}
const FIBER = 1;
const CABLE = 2;
const DSL = 4;
const SAT = 8;

/** Home ISPs per country (index: 0 US, 1 Canada, 2 UK). */
export const HOME_ISPS: ReadonlyArray<readonly Isp[]> = [
  [
    { name: 'Comcast', techs: CABLE | FIBER, weight: 30, octets: [73, 24, 98, 76] },
    { name: 'Charter Spectrum', techs: CABLE, weight: 28, octets: [66, 71, 97, 174] },
    { name: 'AT&T', techs: FIBER | DSL, weight: 16, octets: [99, 108, 107] },
    { name: 'Verizon Fios', techs: FIBER, weight: 9, octets: [72, 96, 173] },
    { name: 'Cox', techs: CABLE, weight: 7, octets: [68, 70] },
    { name: 'Frontier', techs: FIBER | DSL, weight: 5, octets: [47, 50] },
    { name: 'CenturyLink', techs: DSL | FIBER, weight: 5, octets: [63, 75] },
    { name: 'Starlink', techs: SAT, weight: 3, octets: [98, 129] },
    { name: 'Viasat', techs: SAT, weight: 1, octets: [45] },
  ],
  [
    { name: 'Rogers', techs: CABLE | FIBER, weight: 35, octets: [99, 174] },
    { name: 'Bell Canada', techs: FIBER | DSL, weight: 40, octets: [70, 142] },
    { name: 'Shaw', techs: CABLE, weight: 20, octets: [24, 68] },
    { name: 'Xplore', techs: SAT | DSL, weight: 5, octets: [206] },
  ],
  [
    { name: 'BT', techs: FIBER | DSL, weight: 35, octets: [81, 86, 109] },
    { name: 'Sky Broadband', techs: FIBER | DSL, weight: 25, octets: [2, 90, 94] },
    { name: 'Virgin Media', techs: CABLE | FIBER, weight: 30, octets: [82, 86] },
    { name: 'TalkTalk', techs: DSL | FIBER, weight: 10, octets: [88, 92] },
    { name: 'Starlink', techs: SAT | CABLE, weight: 1, octets: [98] },
  ],
];
/** Mobile carriers per country (connection_type mobile). */
export const MOBILE_ISPS: ReadonlyArray<readonly Isp[]> = [
  [
    { name: 'Verizon Wireless', techs: 0, weight: 38, octets: [174, 97] },
    { name: 'T-Mobile', techs: 0, weight: 34, octets: [172, 208] },
    { name: 'AT&T Wireless', techs: 0, weight: 28, octets: [166, 107] },
  ],
  [
    { name: 'Rogers Wireless', techs: 0, weight: 36, octets: [99] },
    { name: 'Bell Mobility', techs: 0, weight: 32, octets: [184] },
    { name: 'Telus', techs: 0, weight: 32, octets: [154] },
  ],
  [
    { name: 'EE', techs: 0, weight: 36, octets: [31] },
    { name: 'Vodafone UK', techs: 0, weight: 27, octets: [212] },
    { name: 'O2 UK', techs: 0, weight: 27, octets: [82] },
    { name: 'Three UK', techs: 0, weight: 10, octets: [92] },
  ],
];
export const COUNTRY_INDEX: Readonly<Record<string, number>> = { 'United States': 0, Canada: 1, 'United Kingdom': 2 };

/** Device categories of the spec and their share of devices. */
export const DEVICE_TYPES = ['mobile', 'web', 'tv', 'tablet'] as const;
export const DEVICE_TYPE_TABLE = cumulativeOf([27, 16, 45, 12]);
/** Operating systems per device type (same order as DEVICE_TYPES), with weights. */
export const DEVICE_OSES: ReadonlyArray<readonly string[]> = [
  ['iOS', 'Android'],
  ['Windows', 'macOS', 'ChromeOS', 'Linux'],
  ['Roku OS', 'Fire OS', 'Android TV', 'tvOS', 'Tizen', 'webOS'],
  ['iPadOS', 'Android', 'Fire OS'],
];
export const DEVICE_OS_TABLES: readonly Weighted[] = [
  cumulativeOf([55, 45]),
  cumulativeOf([56, 30, 10, 4]),
  cumulativeOf([26, 20, 18, 14, 13, 9]),
  cumulativeOf([58, 30, 12]),
];
/** Share of devices per type that can play 4K (phones never do). */
export const UHD_CAPABLE_SHARE = [0, 0.12, 0.72, 0.1];
/** App releases in use (X.Y.Z), newest first, with their share of devices. */
export const APP_VERSIONS = ['5.3.0', '5.2.1', '5.2.0', '5.1.4', '4.9.7'];
export const APP_VERSION_TABLE = cumulativeOf([34, 30, 14, 13, 9]);

/** Devices per customer account: 1–4. */
export const DEVICES_PER_CUSTOMER_TABLE = cumulativeOf([34, 36, 20, 10]);

/** Quality levels of the spec, with the bitrate (Mbps) each needs for smooth playback. */
export const QUALITIES = ['SD', 'HD', '4K'] as const;
export const QUALITY_NEED_MBPS = [3, 5, 15];
