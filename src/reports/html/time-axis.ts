/** Milliseconds since the epoch of a tick: unambiguous for charts, whatever the time zone. */
export function epochMs(startMinutes: number, tickSeconds: number, tick: number): number {
  return startMinutes * 60_000 + tick * tickSeconds * 1000;
}

/** Month labels over a long horizon, day labels over a short one (UTC: the scales are `utc`). */
export function timeAxis(horizonMinutes: number): { format: string; labelOverlap: boolean } {
  const days = horizonMinutes / (24 * 60);
  return { format: days > 120 ? '%b %Y' : '%d %b', labelOverlap: true };
}
