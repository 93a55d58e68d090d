import type { RateProfileSpec } from '../config/options.js';

/** Main-topic records per second as a function of time, for both clocks (simulated: it shapes the timestamps). */
export interface RateProfile {
  /** Records/s at an instant (epoch ms); `startMs` is the run's start. */
  rateAt(tMs: number): number;
  /** Expected records in [fromMs, toMs): the integral of rateAt. */
  recordsBetween(fromMs: number, toMs: number): number;
  /** Human description for the report. */
  readonly description: string;
}

const HOUR_MS = 3_600_000;
/** Integration resolution: exact for constant and linear pieces, within one slice of a step edge. */
const SLICE_MS = 250;

function integrate(rateAt: (t: number) => number, fromMs: number, toMs: number): number {
  let total = 0;
  for (let a = fromMs; a < toMs; a += SLICE_MS) {
    const b = Math.min(toMs, a + SLICE_MS);
    total += (rateAt((a + b) / 2) * (b - a)) / 1000;
  }
  return total;
}

function profile(description: string, rateAt: (t: number) => number): RateProfile {
  return { description, rateAt, recordsBetween: (a, b) => integrate(rateAt, a, b) };
}

/**
 * Hour-of-day factors (UTC) for the diurnal profile, after spec 002's temporal patterns: a night trough,
 * business-hour plateau, lunch and evening peaks. Mean over a day is 1, so the base rate is the daily mean.
 */
const DIURNAL = (() => {
  const raw = [0.35, 0.25, 0.2, 0.18, 0.2, 0.3, 0.55, 0.8, 1.0, 1.1, 1.15, 1.25, 1.45, 1.35, 1.2, 1.15, 1.2, 1.35, 1.6, 1.85, 2.0, 1.8, 1.2, 0.6];
  const mean = raw.reduce((s, x) => s + x, 0) / raw.length;
  return raw.map((x) => x / mean);
})();
const WEEKEND_FACTOR = 1.2;

/** Diurnal factor at an instant, linearly interpolated between hour centres, × the weekend factor. */
export function diurnalFactor(tMs: number): number {
  const hours = (((tMs / HOUR_MS) % 24) + 24) % 24 - 0.5;
  const h0 = Math.floor(hours);
  const frac = hours - h0;
  const a = DIURNAL[(h0 + 24) % 24];
  const b = DIURNAL[(h0 + 25) % 24];
  const day = new Date(tMs).getUTCDay();
  return (a + (b - a) * frac) * (day === 0 || day === 6 ? WEEKEND_FACTOR : 1);
}

/** Build the profile a validated spec describes, around the base --rate (records/s). */
export function createRateProfile(spec: RateProfileSpec, baseRate: number, startMs: number, dailyShape: (tMs: number) => number = diurnalFactor): RateProfile {
  switch (spec.kind) {
    case 'constant':
      return profile(`constant ${baseRate}/s`, () => baseRate);
    case 'diurnal':
      return profile(`diurnal around ${baseRate}/s`, (t) => baseRate * dailyShape(t));
    case 'ramp':
      return profile(`ramp ${spec.fromPerSec}/s → ${spec.toPerSec}/s over ${spec.durationMs / 1000} s`, (t) => {
        const x = Math.min(1, Math.max(0, (t - startMs) / spec.durationMs));
        return spec.fromPerSec + (spec.toPerSec - spec.fromPerSec) * x;
      });
    case 'step':
      return profile(`steps ${spec.steps.map((s) => `${s.perSec}/s@${s.atMs / 1000}s`).join(', ')}`, (t) => {
        let r = spec.steps[0].perSec;
        for (const s of spec.steps) if (t - startMs >= s.atMs) r = s.perSec;
        return r;
      });
    case 'burst':
      return profile(`bursts of ×${spec.factor} for ${spec.durationMs / 1000} s every ${spec.everyMs / 1000} s`,
        (t) => ((t - startMs) % spec.everyMs < spec.durationMs ? baseRate * spec.factor : baseRate));
  }
}
