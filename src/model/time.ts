/**
 * Calendar arithmetic in UTC. Dates are ISO strings (`2026-07-01` or `2026-07-01T06:30`);
 * simulated time is an integer number of ticks since the scenario's start, each `tickSeconds`
 * long. Every conversion between ticks and the calendar goes through this file. Nothing here
 * reads the clock: Date is used only as a calendar over given timestamps.
 */
const msPerMinute = 60_000;
const secondsPerMinute = 60;

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

/** `2026-07-01`, `2026-07-01T06:30` or, off the minute, `2026-07-01T06:30:15`. */
export function formatIsoMinutes(minutes: number): string {
  const iso = new Date(Math.round(minutes * msPerMinute)).toISOString().slice(0, 19);
  return iso.endsWith(':00') ? iso.slice(0, 16).replace('T00:00', '') : iso;
}

/** ISO date-time of a tick (`2026-07-01T06:30`, with seconds when off the minute), or the date alone at midnight. */
export function tickToIso(startMinutes: number, tickSeconds: number, tick: number): string {
  return formatIsoMinutes(startMinutes + ticksToMinutes(tick, tickSeconds));
}

/** The tick in which a date-time falls (floor), counted from the start. */
export function isoToTick(iso: string, startMinutes: number, tickSeconds: number): number {
  return Math.floor(((parseIsoMinutes(iso) - startMinutes) * secondsPerMinute) / tickSeconds);
}

export function ticksToMinutes(ticks: number, tickSeconds: number): number {
  return (ticks * tickSeconds) / secondsPerMinute;
}

export function ticksToHours(ticks: number, tickSeconds: number): number {
  return (ticks * tickSeconds) / 3600;
}

export function ticksToDays(ticks: number, tickSeconds: number): number {
  return (ticks * tickSeconds) / 86_400;
}

/** Ticks in a span of minutes, not rounded (a rate's or a comparison's figure). */
export function minutesInTicks(minutes: number, tickSeconds: number): number {
  return (minutes * secondsPerMinute) / tickSeconds;
}

/** Durations round to the nearest tick; a positive duration takes at least one tick. */
export function minutesToTicks(minutes: number, tickSeconds: number): number {
  if (minutes <= 0) return 0;
  return Math.max(1, Math.round(minutesInTicks(minutes, tickSeconds)));
}

/** Whole days (or hours) to ticks, rounded to the nearest tick. */
export function daysToTicks(days: number, tickSeconds: number): number {
  return Math.round((days * 86_400) / tickSeconds);
}

export function hoursToTicks(hours: number, tickSeconds: number): number {
  return Math.round((hours * 3600) / tickSeconds);
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
export function monthsOf(startMinutes: number, tickSeconds: number, horizonTicks: number): Month[] {
  const months: Month[] = [];
  const endMinutes = startMinutes + ticksToMinutes(horizonTicks, tickSeconds);
  const first = new Date(startMinutes * msPerMinute);
  let year = first.getUTCFullYear();
  let month = first.getUTCMonth();
  const toTick = (minutes: number) => Math.ceil(((minutes - startMinutes) * secondsPerMinute) / tickSeconds);
  for (;;) {
    const monthStart = Date.UTC(year, month, 1) / msPerMinute;
    const monthEnd = Date.UTC(year, month + 1, 1) / msPerMinute;
    if (monthStart >= endMinutes) break;
    const from = Math.max(monthStart, startMinutes);
    const to = Math.min(monthEnd, endMinutes);
    months.push({
      label: `${year}-${String(month + 1).padStart(2, '0')}`,
      startTick: toTick(from),
      endTick: Math.min(horizonTicks, toTick(to)),
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
