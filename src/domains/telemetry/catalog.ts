import { hashUnit, hashUnitOpen } from '../../random/hash.js';
import { SALT } from './salts.js';
import {
  APP_VERSION_TABLE, CITIES, CITY_TABLE, COUNTRY_INDEX, DEVICE_OS_TABLES, DEVICE_TYPE_TABLE, DEVICES_PER_CUSTOMER_TABLE,
  HOME_ISPS, HOME_TECH_MEDIAN_MBPS, HOME_TECH_TABLE, HOME_TECHS, UHD_CAPABLE_SHARE, cumulativeOf, pick, type Weighted,
} from './vocabulary.js';

/** Title kinds (episodes, movies, short specials) and their share of the catalogue. */
const TITLE_KIND_TABLE = cumulativeOf([55, 35, 10]);

/** Approximately standard normal from a uniform in (0, 1): enough for the spread of a stable attribute. */
function normalFromUnit(u: number): number {
  // Logistic with scale √3/π has the normal's variance; tails differ only beyond the ranges clamped below.
  return Math.log(u / (1 - u)) * 0.5513;
}

/** The title catalogue: lengths as pure functions of (seed, title id), kept in typed arrays (ids 1..n). */
export class TitleCatalog {
  readonly count: number;
  /** Length of each title in seconds (index = title id). */
  readonly lengthSec: Int32Array;

  constructor(seed: number, count: number) {
    this.count = count;
    this.lengthSec = new Int32Array(count + 1);
    for (let id = 1; id <= count; id++) {
      const kind = pick(TITLE_KIND_TABLE, hashUnit(seed, id, SALT.titleKind));
      const u = hashUnit(seed, id, SALT.titleLength);
      let minutes: number;
      // Episodes: a third are ~22-minute comedies, the rest 42–60-minute dramas; movies 85–165; specials 5–20.
      if (kind === 0) minutes = u < 1 / 3 ? 21 + 9 * u * 3 : 42 + 18 * ((u - 1 / 3) * 1.5);
      else if (kind === 1) minutes = 85 + 80 * u * u;
      else minutes = 5 + 15 * u;
      this.lengthSec[id] = Math.round(minutes * 60);
    }
  }
}

/** Home ISP tables per (country, home technology): only providers selling that technology. */
const ISP_TABLES: ReadonlyArray<readonly (Weighted | null)[]> = HOME_ISPS.map((isps) =>
  HOME_TECHS.map((_, t) => {
    const weights = isps.map((i) => ((i.techs >> t) & 1 ? i.weight : 0));
    return weights.some((w) => w > 0) ? cumulativeOf(weights) : null;
  }),
);

/** Customer and device attributes as pure functions of (seed, customer id[, device slot]). */
export class Customers {
  readonly count: number;
  private readonly seed: number;

  constructor(seed: number, count: number) {
    this.seed = seed;
    this.count = count;
  }

  /** Relative viewing activity (exponential, mean 1): heavy viewers start more sessions. */
  activity(id: number): number {
    return -Math.log(hashUnitOpen(this.seed, id, SALT.customerActivity));
  }

  /** Index into CITIES. */
  city(id: number): number {
    return pick(CITY_TABLE, hashUnit(this.seed, id, SALT.customerCity));
  }

  /** Index into HOME_TECHS; a country where no provider sells the drawn technology falls back to cable. */
  homeTech(id: number, city: number): number {
    const t = pick(HOME_TECH_TABLE, hashUnit(this.seed, id, SALT.customerTech));
    return ISP_TABLES[COUNTRY_INDEX[CITIES[city].country]][t] ? t : 1;
  }

  /** Index into HOME_ISPS[country]. */
  homeIsp(id: number, city: number, tech: number): number {
    const table = ISP_TABLES[COUNTRY_INDEX[CITIES[city].country]][tech] as Weighted;
    return pick(table, hashUnit(this.seed, id, SALT.customerIsp));
  }

  /** Home IPv4 as a uint32: a first octet of the provider's blocks, the rest hashed (never .0 or .255 last). */
  homeIp(id: number, city: number, isp: number): number {
    const octets = HOME_ISPS[COUNTRY_INDEX[CITIES[city].country]][isp].octets;
    const h = hashUnit(this.seed, id, SALT.customerIp);
    const first = octets[Math.floor(h * octets.length)];
    const rest = Math.floor(((h * octets.length) % 1) * 65536 * 253);
    return first * 16777216 + Math.floor(rest / 253) * 256 + 1 + (rest % 253);
  }

  /** Downstream bandwidth of the home line, Mbps (log-normal around the technology's median). */
  homeMbps(id: number, tech: number): number {
    const z = normalFromUnit(hashUnitOpen(this.seed, id, SALT.customerBandwidth));
    return Math.min(1000, HOME_TECH_MEDIAN_MBPS[tech] * Math.exp(0.45 * z));
  }

  /** Number of devices on the account, 1–4. */
  deviceCount(id: number): number {
    return 1 + pick(DEVICES_PER_CUSTOMER_TABLE, hashUnit(this.seed, id, SALT.customerDevices));
  }

  /** Index into DEVICE_TYPES of device `slot` of customer `id`. */
  deviceType(id: number, slot: number): number {
    return pick(DEVICE_TYPE_TABLE, hashUnit(this.seed, id * 4 + slot, SALT.deviceType));
  }

  /** Index into DEVICE_OSES[type]. */
  deviceOs(id: number, slot: number, type: number): number {
    return pick(DEVICE_OS_TABLES[type], hashUnit(this.seed, id * 4 + slot, SALT.deviceOs));
  }

  /** Whether the device plays 4K. */
  deviceUhd(id: number, slot: number, type: number): boolean {
    return hashUnit(this.seed, id * 4 + slot, SALT.deviceUhd) < UHD_CAPABLE_SHARE[type];
  }

  /** Index into APP_VERSIONS of the app installed on the device. */
  appVersion(id: number, slot: number): number {
    return pick(APP_VERSION_TABLE, hashUnit(this.seed, id * 4 + slot, SALT.deviceVersion));
  }
}
