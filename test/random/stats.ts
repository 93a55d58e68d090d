/** Statistics shared by the random tests: chi-square, its critical value, and sample moments. */

/**
 * Upper critical value of chi-square with `df` degrees of freedom at `z` standard deviations
 * (Wilson–Hilferty cube-root normal approximation; z = 4 is a one-sided tail of about 3e-5).
 */
export function chiSquareCritical(df: number, z = 4): number {
  const c = 2 / (9 * df);
  return df * (1 - c + z * Math.sqrt(c)) ** 3;
}

/** Pearson's statistic of observed counts against probabilities over `total` draws. */
export function chiSquare(observed: ArrayLike<number>, probabilities: ArrayLike<number>, total: number): number {
  let stat = 0;
  for (let i = 0; i < observed.length; i++) {
    const expected = probabilities[i] * total;
    const d = observed[i] - expected;
    stat += (d * d) / expected;
  }
  return stat;
}

/** Sample mean and (unbiased) variance, two-pass for accuracy. */
export function moments(xs: Float64Array): { mean: number; variance: number } {
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += xs[i];
  const mean = sum / xs.length;
  let ss = 0;
  for (let i = 0; i < xs.length; i++) ss += (xs[i] - mean) ** 2;
  return { mean, variance: ss / (xs.length - 1) };
}

/** Pearson correlation of two equally long samples. */
export function correlation(xs: Float64Array, ys: Float64Array): number {
  const mx = moments(xs).mean;
  const my = moments(ys).mean;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}
