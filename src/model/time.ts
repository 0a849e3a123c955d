/**
 * Calendar arithmetic in UTC. Dates are ISO strings (`2026-07-01` or `2026-07-01T06:30`);
 * simulated time is an integer number of ticks since the scenario's start. Nothing here reads the
 * clock: Date is used only as a calendar over given timestamps.
 */
const msPerMinute = 60_000;

export function parseIsoMinutes(iso: string): number {
  const ms = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : `${iso}Z`);
  if (Number.isNaN(ms)) throw new Error(`invalid date: ${iso}`);
  return ms / msPerMinute;
}

export function isValidIsoDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/.test(iso)) return false;
  const minutes = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : `${iso}Z`);
  if (Number.isNaN(minutes)) return false;
  // Date.parse rolls 2026-02-30 over to March; a round trip catches it.
  return new Date(minutes).toISOString().slice(0, iso.length) === iso.padEnd(iso.length, ':00');
}

export function formatIsoMinutes(minutes: number): string {
  return new Date(minutes * msPerMinute).toISOString().slice(0, 16).replace('T00:00', '');
}

/** ISO date-time of a tick, to the minute (`2026-07-01T06:30`), or the date alone at midnight. */
export function tickToIso(startMinutes: number, tickMinutes: number, tick: number): string {
  return formatIsoMinutes(startMinutes + tick * tickMinutes);
}

export interface Month {
  /** `2026-07` */
  label: string;
  startTick: number;
  endTick: number;
  /** Days of the month inside the horizon / days in the month: 1 for a whole month. */
  shareOfMonth: number;
}

/** The calendar months that the horizon [0, horizonTicks) overlaps, cut to the horizon. */
export function monthsOf(startMinutes: number, tickMinutes: number, horizonTicks: number): Month[] {
  const months: Month[] = [];
  const endMinutes = startMinutes + horizonTicks * tickMinutes;
  const first = new Date(startMinutes * msPerMinute);
  let year = first.getUTCFullYear();
  let month = first.getUTCMonth();
  for (;;) {
    const monthStart = Date.UTC(year, month, 1) / msPerMinute;
    const monthEnd = Date.UTC(year, month + 1, 1) / msPerMinute;
    if (monthStart >= endMinutes) break;
    const from = Math.max(monthStart, startMinutes);
    const to = Math.min(monthEnd, endMinutes);
    months.push({
      label: `${year}-${String(month + 1).padStart(2, '0')}`,
      startTick: Math.ceil((from - startMinutes) / tickMinutes),
      endTick: Math.ceil((to - startMinutes) / tickMinutes),
      shareOfMonth: (to - from) / (monthEnd - monthStart),
    });
    month += 1;
    if (month === 12) {
      month = 0;
      year += 1;
    }
  }
  return months;
}
