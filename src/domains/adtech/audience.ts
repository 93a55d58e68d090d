import { pickCumulative } from '../../random/cumulative.js';
import { formatUuidV4 } from '../../encoding/uuid.js';
import { hash32, hashUnit } from '../../random/hash.js';
import type { AdtechKnobs } from './knobs.js';
import { SALT } from './salts.js';
import {
  ANDROID_MODELS, CHROME_VERSIONS, COUNTRIES, COUNTRY_TABLE, DESKTOP_WINDOWS_SHARE, DEVICE_TYPES, DEVICE_TYPE_TABLE,
  OS_ANDROID, OS_IOS, OS_MACOS, OS_NAMES, OS_VERSIONS, OS_VERSION_TABLE, OS_WINDOWS,
} from './vocabulary.js';

/** A city-level geo position varies by up to ±0.05° around the city centre (a few km). */
const GEO_JITTER_DEG = 0.1;

/**
 * The demand's audience as pure functions of (seed, user id): each user is one device with a country
 * (which decides GDPR), a city, a device type and OS in the spec's proportions, a user agent, an IP, the
 * exchange's user id and the buyer's id (uuids), and whether the user is COPPA-regulated.
 */
export class Audience {
  readonly count: number;
  private readonly seed: number;
  private readonly coppaShare: number;
  // Texts that depend only on a handful of small attributes, built once per combination (a few thousand).
  private readonly geoTails = new Map<number, string>();
  private readonly userAgents = new Map<number, string>();

  constructor(seed: number, knobs: AdtechKnobs) {
    this.seed = seed;
    this.count = knobs.users;
    this.coppaShare = knobs.coppaShare;
  }

  /** Index into COUNTRIES of a user's country. */
  countryIndex(user: number): number {
    return pickCumulative(COUNTRY_TABLE, hashUnit(this.seed, user, SALT.userCountry));
  }

  /** Whether the user's requests are COPPA-regulated (a child-directed audience). */
  isCoppa(user: number): boolean {
    return hashUnit(this.seed, user, SALT.userCoppa) < this.coppaShare;
  }

  /** The request's `"device":{…},"user":{…}` text for a user, a pure function of (seed, user). */
  deviceAndUser(user: number): string {
    const s = this.seed;
    const ci = this.countryIndex(user);
    const country = COUNTRIES[ci];
    const cityIndex = hash32(s, user, SALT.userCity) % country.cities.length;
    const city = country.cities[cityIndex];
    const deviceIndex = pickCumulative(DEVICE_TYPE_TABLE, hashUnit(s, user, SALT.userDevice));
    const osPick = hashUnit(s, user, SALT.userOs);
    const os = DEVICE_TYPES[deviceIndex] === 2 ? (osPick < DESKTOP_WINDOWS_SHARE ? OS_WINDOWS : OS_MACOS) : (osPick < 0.5 ? OS_IOS : OS_ANDROID);
    const osvIndex = pickCumulative(OS_VERSION_TABLE, hashUnit(s, user, SALT.userOsVersion));
    const ua = this.userAgent(os, osvIndex, deviceIndex, hash32(s, user, SALT.userModel) % ANDROID_MODELS.length, hash32(s, user, SALT.userBrowser) % CHROME_VERSIONS.length);
    const ipWord = hash32(s, user, SALT.userIpB);
    const ip = country.ipFirstOctets[hash32(s, user, SALT.userIpA) % country.ipFirstOctets.length] + '.' + (ipWord >>> 24) + '.'
      + ((ipWord >>> 16) & 0xff) + '.' + (1 + ((ipWord & 0xffff) % 254));
    const lat = round4(city.lat + (hashUnit(s, user, SALT.userLat) - 0.5) * GEO_JITTER_DEG);
    const lon = round4(city.lon + (hashUnit(s, user, SALT.userLon) - 0.5) * GEO_JITTER_DEG);
    return '"device":{"ua":"' + ua + '","ip":"' + ip + '","geo":{"lat":' + lat + ',"lon":' + lon
      + this.geoTail(ci, cityIndex, deviceIndex, os, osvIndex) + this.uuid(user, SALT.userIdWord) + '","buyeruid":"' + this.uuid(user, SALT.userBuyerWord) + '"}';
  }

  /** The constant text from the geo's country to the user id's opening quote, memoised per combination. */
  private geoTail(ci: number, cityIndex: number, deviceIndex: number, os: number, osvIndex: number): string {
    const key = (((ci * 16 + cityIndex) * 4 + deviceIndex) * 4 + os) * 4 + osvIndex;
    const known = this.geoTails.get(key);
    if (known !== undefined) return known;
    const country = COUNTRIES[ci];
    const text = ',"country":"' + country.code + '","region":"' + country.cities[cityIndex].region + '"},"devicetype":' + DEVICE_TYPES[deviceIndex]
      + ',"os":"' + OS_NAMES[os] + '","osv":"' + OS_VERSIONS[os][osvIndex] + '"},"user":{"id":"';
    this.geoTails.set(key, text);
    return text;
  }

  /** A user agent consistent with the OS, its version and the device type, memoised per combination. */
  private userAgent(os: number, osvIndex: number, deviceIndex: number, model: number, browser: number): string {
    const key = (((os * 4 + osvIndex) * 4 + deviceIndex) * 8 + model) * 4 + browser;
    const known = this.userAgents.get(key);
    if (known !== undefined) return known;
    const text = userAgentText(os, OS_VERSIONS[os][osvIndex], DEVICE_TYPES[deviceIndex], model, browser);
    this.userAgents.set(key, text);
    return text;
  }

  private uuid(user: number, salt: number): string {
    const s = this.seed;
    return formatUuidV4(hash32(s, user, salt), hash32(s, user, salt + 1), hash32(s, user, salt + 2), hash32(s, user, salt + 3));
  }
}

/** Rounded to 4 decimals (~10 m), as geo coordinates are sent. */
function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/** A user agent consistent with the OS, its version and the device type (1 mobile/tablet, 2 PC, 4 phone). */
function userAgentText(os: number, osv: string, deviceType: number, model: number, browser: number): string {
  const chrome = CHROME_VERSIONS[browser];
  switch (os) {
    case OS_IOS: {
      const under = osv.replace('.', '_');
      const tablet = deviceType === 1 && (model & 1) === 1;
      const device = tablet ? 'iPad; CPU OS ' : 'iPhone; CPU iPhone OS ';
      return 'Mozilla/5.0 (' + device + under + ' like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/' + osv + ' Mobile/15E148 Safari/604.1';
    }
    case OS_ANDROID:
      return 'Mozilla/5.0 (Linux; Android ' + osv + '; ' + ANDROID_MODELS[model]
        + ') AppleWebKit/537.36 (KHTML, like Gecko) Chrome/' + chrome + ' Mobile Safari/537.36';
    case OS_WINDOWS:
      return 'Mozilla/5.0 (Windows NT ' + osv + '; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/' + chrome + ' Safari/537.36';
    default:
      return (browser & 1) === 0
        ? 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15'
        : 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/' + chrome + ' Safari/537.36';
  }
}
