/**
 * Weighted vocabularies of the adtech domain (spec 003 "Realistic Distributions"). Each weighted list becomes
 * a cumulative table once, so a uniform in [0, 1) — from a slice stream or a pure hash — picks an entry
 * without allocation.
 */
import { cumulativeWeights } from '../../random/cumulative.js';

/** A banner size with its floor-price scale (bigger and rarer units clear higher, as on real exchanges). */
export interface BannerSize {
  readonly w: number;
  readonly h: number;
  readonly floorScale: number;
}

// spec 003: 300x250 (40%), 728x90 (20%), 160x600 (15%), 320x50 (15%), 970x250 (10%).
export const BANNER_SIZES: readonly BannerSize[] = [
  { w: 300, h: 250, floorScale: 1 },
  { w: 728, h: 90, floorScale: 0.8 },
  { w: 160, h: 600, floorScale: 0.7 },
  { w: 320, h: 50, floorScale: 0.4 },
  { w: 970, h: 250, floorScale: 2 },
];
export const BANNER_SIZE_TABLE = cumulativeWeights([40, 20, 15, 15, 10]);

/** OpenRTB 2.6 ad position (list 5.4): 1 above the fold 60%, 3 below the fold 30%, 0 unknown 10%. */
export const AD_POSITIONS: readonly number[] = [1, 3, 0];
export const AD_POSITION_TABLE = cumulativeWeights([60, 30, 10]);

/**
 * OpenRTB 2.6 device types (list 5.21) with the spec's weights: 1 mobile/tablet 60%, 2 personal computer 30%,
 * 4 phone 10%. The OS follows the device, which keeps the spec's OS marginals exactly: desktops (30%) run
 * Windows 2/3 (20%) or macOS 1/3 (10%); mobiles and phones (70%) run iOS or Android half each (35% + 35%).
 */
export const DEVICE_TYPES: readonly number[] = [1, 2, 4];
export const DEVICE_TYPE_TABLE = cumulativeWeights([60, 30, 10]);
export const DESKTOP_WINDOWS_SHARE = 2 / 3;

export const OS_IOS = 0;
export const OS_ANDROID = 1;
export const OS_WINDOWS = 2;
export const OS_MACOS = 3;
export const OS_NAMES: readonly string[] = ['iOS', 'Android', 'Windows', 'macOS'];
/** Versions in the field per OS, newest most common. */
export const OS_VERSIONS: readonly (readonly string[])[] = [
  ['18.1', '17.5', '17.0', '16.6'],
  ['15', '14', '13', '12'],
  ['10.0', '10.0', '10.0', '6.3'],
  ['14.5', '14.0', '13.6', '12.7'],
];
export const OS_VERSION_TABLE = cumulativeWeights([40, 30, 20, 10]);
export const ANDROID_MODELS: readonly string[] = ['SM-S918B', 'SM-A546B', 'Pixel 8', 'Pixel 7a', 'SM-X710', 'moto g84 5G', '2312DRA50G'];
export const CHROME_VERSIONS: readonly string[] = ['131.0.0.0', '130.0.0.0', '129.0.0.0', '128.0.0.0'];

/** A city a user lives in: the request's geo object. */
export interface City {
  readonly region: string;
  readonly lat: number;
  readonly lon: number;
}

/** A country: ISO-3166-1 alpha-3 code (as the spec writes it), whether GDPR applies, floor scale, cities, IPv4 first octets. */
export interface Country {
  readonly code: string;
  readonly gdpr: boolean;
  readonly floorScale: number;
  readonly cities: readonly City[];
  readonly ipFirstOctets: readonly number[];
}

/**
 * spec 003: USA 50%, GBR 15%, DEU 10%, CAN 10%, AUS 10%, FRA 5%. GDPR applies to the EU and the UK (UK GDPR),
 * which is 15 + 10 + 5 = 30% of traffic: exactly the spec's GDPR share, so the flag follows the country.
 */
export const COUNTRIES: readonly Country[] = [
  {
    code: 'USA', gdpr: false, floorScale: 1, ipFirstOctets: [23, 24, 50, 64, 66, 68, 71, 73, 98, 104, 107, 108, 173, 174],
    cities: [
      { region: 'CA', lat: 37.7749, lon: -122.4194 }, { region: 'CA', lat: 34.0522, lon: -118.2437 },
      { region: 'NY', lat: 40.7128, lon: -74.006 }, { region: 'TX', lat: 29.7604, lon: -95.3698 },
      { region: 'IL', lat: 41.8781, lon: -87.6298 }, { region: 'WA', lat: 47.6062, lon: -122.3321 },
      { region: 'FL', lat: 25.7617, lon: -80.1918 }, { region: 'GA', lat: 33.749, lon: -84.388 },
      { region: 'MA', lat: 42.3601, lon: -71.0589 }, { region: 'CO', lat: 39.7392, lon: -104.9903 },
    ],
  },
  {
    code: 'GBR', gdpr: true, floorScale: 0.8, ipFirstOctets: [2, 5, 31, 51, 81, 86, 90, 109],
    cities: [
      { region: 'ENG', lat: 51.5074, lon: -0.1278 }, { region: 'ENG', lat: 53.4808, lon: -2.2426 },
      { region: 'ENG', lat: 52.4862, lon: -1.8904 }, { region: 'SCT', lat: 55.9533, lon: -3.1883 },
      { region: 'WLS', lat: 51.4816, lon: -3.1791 },
    ],
  },
  {
    code: 'DEU', gdpr: true, floorScale: 0.8, ipFirstOctets: [5, 31, 46, 77, 79, 84, 91, 217],
    cities: [
      { region: 'BE', lat: 52.52, lon: 13.405 }, { region: 'BY', lat: 48.1351, lon: 11.582 },
      { region: 'HH', lat: 53.5511, lon: 9.9937 }, { region: 'NW', lat: 50.9375, lon: 6.9603 },
      { region: 'HE', lat: 50.1109, lon: 8.6821 },
    ],
  },
  {
    code: 'CAN', gdpr: false, floorScale: 0.7, ipFirstOctets: [24, 64, 70, 99, 142, 174, 184, 206],
    cities: [
      { region: 'ON', lat: 43.6532, lon: -79.3832 }, { region: 'QC', lat: 45.5017, lon: -73.5673 },
      { region: 'BC', lat: 49.2827, lon: -123.1207 }, { region: 'AB', lat: 51.0447, lon: -114.0719 },
    ],
  },
  {
    code: 'AUS', gdpr: false, floorScale: 0.7, ipFirstOctets: [1, 14, 27, 49, 58, 101, 110, 203],
    cities: [
      { region: 'NSW', lat: -33.8688, lon: 151.2093 }, { region: 'VIC', lat: -37.8136, lon: 144.9631 },
      { region: 'QLD', lat: -27.4698, lon: 153.0251 }, { region: 'WA', lat: -31.9505, lon: 115.8605 },
    ],
  },
  {
    code: 'FRA', gdpr: true, floorScale: 0.6, ipFirstOctets: [2, 37, 78, 80, 82, 86, 90, 176],
    cities: [
      { region: 'IDF', lat: 48.8566, lon: 2.3522 }, { region: 'ARA', lat: 45.764, lon: 4.8357 },
      { region: 'PAC', lat: 43.2965, lon: 5.3698 }, { region: 'OCC', lat: 43.6047, lon: 1.4442 },
    ],
  },
];
export const COUNTRY_TABLE = cumulativeWeights([50, 15, 10, 10, 10, 5]);

/** IAB content taxonomy 1.0 tier-1 categories, roughly by share of open-web inventory. */
export const IAB_CATEGORIES: readonly string[] = [
  'IAB12', 'IAB17', 'IAB1', 'IAB9', 'IAB19', 'IAB3', 'IAB8', 'IAB20', 'IAB7', 'IAB2', 'IAB13', 'IAB18', 'IAB5', 'IAB22', 'IAB10', 'IAB15',
];
export const IAB_CATEGORY_TABLE = cumulativeWeights([14, 12, 10, 9, 8, 7, 6, 5, 5, 5, 4, 4, 3, 3, 3, 2]);
/** URL path sections of a page, per site. */
export const PAGE_SECTIONS: readonly string[] = ['article', 'news', 'story', 'video', 'gallery', 'review', 'guide', 'post'];

/** Words publisher and brand names are made of. */
export const NAME_WORDS_A: readonly string[] = [
  'daily', 'metro', 'bright', 'north', 'urban', 'prime', 'silver', 'green', 'blue', 'true', 'open', 'rapid',
  'grand', 'little', 'modern', 'coastal', 'summit', 'golden', 'clear', 'bold', 'quiet', 'wild', 'smart', 'first',
];
export const NAME_WORDS_B: readonly string[] = [
  'harbor', 'ledger', 'gazette', 'pulse', 'planet', 'kitchen', 'garage', 'arena', 'journal', 'signal', 'trail', 'studio',
  'review', 'herald', 'table', 'wire', 'dispatch', 'corner', 'lens', 'voice', 'nest', 'byte', 'field', 'compass',
];
export const TLDS: readonly string[] = ['com', 'com', 'com', 'net', 'co.uk', 'de', 'io', 'org'];
export const BRAND_SUFFIXES: readonly string[] = ['shop', 'store', 'brands', 'labs', 'co', 'goods', 'direct', 'world'];

/** DSP seats that bid on the exchange; an advertiser buys through one. */
export const SEATS: readonly string[] = ['seat-alpha', 'seat-beta', 'seat-gamma', 'seat-delta', 'seat-epsilon', 'seat-zeta', 'seat-eta', 'seat-theta'];
export const SEAT_TABLE = cumulativeWeights([24, 20, 16, 12, 10, 8, 6, 4]);

/** OpenRTB tmax values (ms) publishers configure, most at the spec's 120. */
export const TMAX_VALUES: readonly number[] = [120, 100, 150, 200];
export const TMAX_TABLE = cumulativeWeights([55, 20, 15, 10]);
