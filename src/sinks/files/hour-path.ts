const MS_PER_HOUR = 3_600_000;

/** Hours since the epoch (UTC) of a record timestamp: the unit the files sink partitions by. */
export function hourOf(timestampMs: number): number {
  return Math.floor(timestampMs / MS_PER_HOUR);
}

/** `year=YYYY/month=MM/day=DD/hour=HH` of an hour number (UTC), the layout of spec 004's data lake. */
export function hourPath(hour: number): string {
  const iso = new Date(hour * MS_PER_HOUR).toISOString();
  const t = iso.indexOf('T');
  // Cut from the end so extended years (+010000) stay whole.
  return `year=${iso.slice(0, t - 6)}/month=${iso.slice(t - 5, t - 3)}/day=${iso.slice(t - 2, t)}/hour=${iso.slice(t + 1, t + 3)}`;
}
