import { CITIES, CITY_SHARES } from './vocabulary.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** spec 002 `peak_hour_multiplier`: traffic at the peak hours (10 AM, 2 PM, 7–9 PM) relative to business hours. */
export const PEAK_HOUR_MULTIPLIER = 3;
/** spec 002 `weekend_multiplier`: "50% increase in weekend activity". */
export const WEEKEND_MULTIPLIER = 1.5;
/** spec 002 seasonal_events: Black Friday ×8 for 24 h, Christmas ×6 for 72 h from Dec 25 (UTC days). */
export const BLACK_FRIDAY_MULTIPLIER = 8;
export const CHRISTMAS_MULTIPLIER = 6;
const BLACK_FRIDAY_HOURS = 24;
const CHRISTMAS_HOURS = 72;

/**
 * Relative activity per local hour of day: night trough, shoulders, business hours 9 AM – 9 PM at 1,
 * and the spec's peak hours (10 AM, 2 PM, 7–9 PM) at PEAK_HOUR_MULTIPLIER.
 */
const HOURLY: readonly number[] = (() => {
  const h = new Array<number>(24).fill(0);
  for (let i = 0; i < 24; i++) h[i] = i < 6 ? 0.12 : i < 9 ? 0.45 : i < 21 ? 1 : 0.5;
  for (const peak of [10, 14, 19, 20]) h[peak] = PEAK_HOUR_MULTIPLIER;
  return h;
})();

/** Activity of people living at a UTC offset at an instant: local hour-of-day shape × weekend factor. */
export function localActivity(timestampMs: number, utcOffsetHours: number): number {
  const localMs = timestampMs + utcOffsetHours * HOUR_MS;
  const days = Math.floor(localMs / DAY_MS);
  const hour = Math.floor((localMs - days * DAY_MS) / HOUR_MS);
  // 1970-01-01 was a Thursday: (days + 4) mod 7 is 0 on Sundays and 6 on Saturdays.
  const weekday = (((days + 4) % 7) + 7) % 7;
  return HOURLY[hour] * (weekday === 0 || weekday === 6 ? WEEKEND_MULTIPLIER : 1);
}

/** Local hour of day (0–23, fractional) at a UTC offset. */
export function localHour(timestampMs: number, utcOffsetHours: number): number {
  const localMs = timestampMs + utcOffsetHours * HOUR_MS;
  return (((localMs % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS;
}

/** UTC start of Black Friday of a year: the day after the fourth Thursday of November. */
export function blackFridayStartMs(year: number): number {
  const nov1 = Date.UTC(year, 10, 1);
  const weekday = new Date(nov1).getUTCDay();
  const firstThursday = 1 + ((4 - weekday + 7) % 7);
  return Date.UTC(year, 10, firstThursday + 21 + 1);
}

/** Which seasonal event is on at an instant: 'black_friday', 'christmas' or null (UTC calendar). */
export function seasonalEvent(timestampMs: number): 'black_friday' | 'christmas' | null {
  const year = new Date(timestampMs).getUTCFullYear();
  const bf = blackFridayStartMs(year);
  if (timestampMs >= bf && timestampMs < bf + BLACK_FRIDAY_HOURS * HOUR_MS) return 'black_friday';
  const xmas = Date.UTC(year, 11, 25);
  if (timestampMs >= xmas && timestampMs < xmas + CHRISTMAS_HOURS * HOUR_MS) return 'christmas';
  return null;
}

/** Holiday multiplier at an instant (1 outside the seasonal events). */
export function seasonalMultiplier(timestampMs: number): number {
  const e = seasonalEvent(timestampMs);
  return e === 'black_friday' ? BLACK_FRIDAY_MULTIPLIER : e === 'christmas' ? CHRISTMAS_MULTIPLIER : 1;
}

/** Population-weighted local activity over all cities at an instant, before normalisation. */
function rawActivity(timestampMs: number): number {
  let sum = 0;
  for (let c = 0; c < CITIES.length; c++) sum += CITY_SHARES[c] * localActivity(timestampMs, CITIES[c].utcOffsetHours);
  return sum;
}

/** Mean of rawActivity over a week: offsets are whole or half hours, so a half-hour grid gives it exactly. */
const WEEK_MEAN = (() => {
  const start = Date.UTC(2024, 0, 1);
  const steps = 7 * 48;
  let sum = 0;
  for (let i = 0; i < steps; i++) sum += rawActivity(start + i * (HOUR_MS / 2));
  return sum / steps;
})();

/**
 * Global traffic multiplier at an instant (spec 002 "Temporal Realism"): every city's local business
 * hours, peak hours and weekend, weighted by population, times the seasonal multiplier; 1 on average
 * over an ordinary week. Slice masses are relative shares and cannot carry it, so rate profiles use it.
 */
export function loadFactor(timestampMs: number): number {
  return (rawActivity(timestampMs) / WEEK_MEAN) * seasonalMultiplier(timestampMs);
}
