const MS_PER_SECOND = 1_000;
const MS_PER_DAY = 86_400_000;

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** `HH:MM:` for each minute of the day. */
const HOUR_MINUTE: readonly string[] = Array.from({ length: 1440 }, (_, m) => `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}:`);
/** `SS.` for each second of a minute. */
const SECOND_DOT: readonly string[] = Array.from({ length: 60 }, (_, s) => `${pad2(s)}.`);
/** `SSZ` for each second of a minute. */
const SECOND_Z: readonly string[] = Array.from({ length: 60 }, (_, s) => `${pad2(s)}Z`);
/** `mmmZ` for each millisecond of a second. */
const MILLI_Z: readonly string[] = Array.from({ length: 1000 }, (_, ms) => `${String(ms).padStart(3, '0')}Z`);

/**
 * ISO-8601 UTC timestamps, identical to `Date.prototype.toISOString`, for the hot path.
 * Record timestamps arrive roughly in order, so the text up to the second is cached and a call is
 * usually one look-up and one concatenation; a new second costs one more, a new day some integer arithmetic.
 * One instance per thread of generation: the caches are mutable state.
 */
export class IsoTimeFormatter {
  private day = NaN;
  private dayPrefix = '';
  private minute = NaN;
  private minutePrefix = '';
  private second = NaN;
  private secondPrefix = '';

  /** `2026-02-07T10:00:00.123Z`, as `new Date(ms).toISOString()`; throws RangeError for an invalid time as it does. */
  format(ms: number): string {
    // Date keeps whole milliseconds, truncated toward zero.
    const t = Math.trunc(ms);
    const second = Math.floor(t / MS_PER_SECOND);
    if (second !== this.second) {
      this.secondPrefix = this.minuteText(Math.floor(second / 60)) + SECOND_DOT[second - Math.floor(second / 60) * 60];
      this.second = second;
    }
    return this.secondPrefix + MILLI_Z[t - second * MS_PER_SECOND];
  }

  /** `2026-02-07T09:55:00Z`: whole seconds, no fraction (time truncated to the second, as toISOString then cut). */
  formatSeconds(ms: number): string {
    const second = Math.floor(Math.trunc(ms) / MS_PER_SECOND);
    const minute = Math.floor(second / 60);
    return this.minuteText(minute) + SECOND_Z[second - minute * 60];
  }

  /** `YYYY-MM-DDTHH:MM:` of a minute number since the epoch, cached. */
  private minuteText(minute: number): string {
    if (minute !== this.minute) {
      const day = Math.floor(minute / 1440);
      if (day !== this.day) {
        this.dayPrefix = dayText(day);
        this.day = day;
      }
      this.minutePrefix = this.dayPrefix + HOUR_MINUTE[minute - day * 1440];
      this.minute = minute;
    }
    return this.minutePrefix;
  }
}

/**
 * `YYYY-MM-DDT` of a day number since the epoch, by the civil-from-days algorithm (proleptic Gregorian,
 * eras of 400 years), which is several times cheaper than a Date; timestamps that jump between days
 * (CDC upload times) hit this path. Outside years 0–9999 toISOString gives the extended form, or throws.
 */
function dayText(day: number): string {
  const z = day + 719_468; // days from 0000-03-01, so leap days fall at the end of each computed year
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (!(y >= 0 && y <= 9999)) {
    const iso = new Date(day * MS_PER_DAY).toISOString();
    return iso.slice(0, iso.indexOf('T') + 1);
  }
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}T`;
}
