import { parse } from 'csv-parse/sync';
import { error, type Problem } from '../scenario/problems.js';
import { wetBulbFromDewPointC } from './psychrometrics.js';
import { limits } from '../scenario/limits.js';

/**
 * Weather files: an hourly CSV (`time,dryBulbC[,wetBulbC|dewPointC]`, times UTC) or an EnergyPlus
 * EPW file (local standard time, hour 1 = the hour ending at 01:00). Either is read as a typical
 * year: hour h of day d of month m, repeated every year of the horizon, as planners use a TMY
 * file. Pure: text in, a table or problems out. csv-parse does the CSV splitting and quoting.
 */
export interface TypicalYear {
  /** Hours after UTC of the file's clock (EPW: its LOCATION time zone; CSV: 0). */
  utcOffsetHours: number;
  /** Index (day of a 365-day year - 1) x 24 + hour; NaN where the file has no row. */
  dryBulbC: Float64Array;
  wetBulbC: Float64Array;
}

export type WeatherFileResult = { ok: true; year: TypicalYear } | { ok: false; problems: Problem[] };

const daysBeforeMonth = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const hoursPerYear = 365 * 24;

export function typicalYearIndex(month: number, day: number, hour: number): number {
  const d = month === 2 && day === 29 ? 28 : day;
  return ((daysBeforeMonth[month - 1] ?? 0) + d - 1) * 24 + hour;
}

function emptyYear(utcOffsetHours: number): TypicalYear {
  return { utcOffsetHours, dryBulbC: new Float64Array(hoursPerYear).fill(NaN), wetBulbC: new Float64Array(hoursPerYear).fill(NaN) };
}

function rows(text: string): string[][] {
  return parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
}

export function parseEpw(text: string, file: string): WeatherFileResult {
  const problems: Problem[] = [];
  const at = (line: number, message: string) => problems.push({ ...error('weather-file', [], message), file, line, column: 1 });
  let all: string[][];
  try {
    all = rows(text);
  } catch (cause) {
    return { ok: false, problems: [{ ...error('weather-file', [], `unreadable EPW: ${(cause as Error).message}`), file }] };
  }
  const location = all[0];
  if (!location || location[0] !== 'LOCATION') {
    return { ok: false, problems: [{ ...error('weather-file', [], 'expected an EPW file starting with a LOCATION line'), file, line: 1, column: 1 }] };
  }
  const zone = Number(location[8]);
  const year = emptyYear(Number.isFinite(zone) ? zone : 0);
  const rowOf = new Int32Array(hoursPerYear);
  all.slice(8).forEach((r, i) => {
    const line = i + 9;
    const [month, day, hour, dry, dew] = [r[1], r[2], r[3], r[6], r[7]].map(Number);
    if ([month, day, hour, dry, dew].some((v) => v === undefined || !Number.isFinite(v))) {
      at(line, `expected month, day, hour, dry-bulb and dew point as numbers (EPW fields 2-4, 7, 8), found "${r.slice(0, 8).join(',')}"`);
      return;
    }
    if (!validDate(month as number, day as number) || (hour as number) < 1 || (hour as number) > 24) {
      at(line, `expected a calendar month/day and an hour 1-24, found ${month}/${day} hour ${hour}`);
      return;
    }
    if ((dry as number) >= 99.9) return; // EPW's missing-value code
    // Dew point 99.9 is missing too: without humidity a tower sees the dry-bulb, as for a CSV.
    const wet = (dew as number) >= 99.9 ? (dry as number) : null;
    if (!plausible(dry as number, wet === null ? (dew as number) : NaN, 'dew point', (message) => at(line, message))) return;
    const k = typicalYearIndex(month as number, day as number, (hour as number) - 1);
    if (!firstRow(rowOf, month === 2 && day === 29, `${month}/${day} hour ${hour}`, k, line, (message) => at(line, message))) return;
    year.dryBulbC[k] = dry as number;
    year.wetBulbC[k] = wet ?? wetBulbFromDewPointC(dry as number, dew as number);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, year };
}

/**
 * A CSV file's rows, and a way to place a problem on one of its lines; or, when csv-parse cannot
 * read it, the one problem that says so. Shared by the weather and the other hourly files.
 */
export function csvRows(text: string, file: string, code: string): { ok: true; rows: string[][]; problems: Problem[]; at: (line: number, message: string) => void } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  try {
    return { ok: true, rows: rows(text), problems, at: (line, message) => problems.push({ ...error(code, [], message), file, line, column: 1 }) };
  } catch (cause) {
    return { ok: false, problems: [{ ...error(code, [], `unreadable CSV: ${(cause as Error).message}`), file }] };
  }
}

export function parseWeatherCsv(text: string, file: string): WeatherFileResult {
  const csv = csvRows(text, file, 'weather-file');
  if (!csv.ok) return csv;
  const { rows: all, problems, at } = csv;
  const header = all[0] ?? [];
  const column = (name: string) => header.indexOf(name);
  const [time, dry, wet, dew] = ['time', 'dryBulbC', 'wetBulbC', 'dewPointC'].map(column) as [number, number, number, number];
  if (time === -1 || dry === -1) {
    return { ok: false, problems: [{ ...error('weather-file', [], `expected a header with time and dryBulbC (optional wetBulbC or dewPointC), found "${header.join(',')}"`), file, line: 1, column: 1 }] };
  }
  const year = emptyYear(0);
  const rowOf = new Int32Array(hoursPerYear);
  all.slice(1).forEach((r, i) => {
    const line = i + 2;
    const k = csvHourIndex(r[time] ?? '');
    const t = Number(r[dry]);
    if (k === null) {
      at(line, `expected time as YYYY-MM-DDTHH:00 (UTC, on the hour), found "${r[time] ?? ''}"`);
      return;
    }
    if (r[dry] === undefined || r[dry] === '' || !Number.isFinite(t)) {
      at(line, `expected dryBulbC as a number, found "${r[dry] ?? ''}"`);
      return;
    }
    const w = wet === -1 ? NaN : Number(r[wet]);
    const d = dew === -1 ? NaN : Number(r[dew]);
    const report = (message: string) => at(line, message);
    if (!plausible(t, Number.isFinite(w) ? w : d, Number.isFinite(w) ? 'wet-bulb' : 'dew point', report)) return;
    if (!firstRow(rowOf, /^\d{4}-02-29T/.test(r[time] ?? ''), r[time] ?? '', k, line, report)) return;
    year.dryBulbC[k] = t;
    // Without humidity a tower sees the dry-bulb: conservative, and stated in the README.
    year.wetBulbC[k] = Number.isFinite(w) ? w : Number.isFinite(d) ? wetBulbFromDewPointC(t, d) : t;
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, year };
}

/** A CSV time (YYYY-MM-DDTHH:00, UTC) as its typical-year hour, or null when it is not one. */
export function csvHourIndex(time: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):00$/.exec(time);
  if (!match || !validDate(Number(match[2]), Number(match[3])) || Number(match[4]) > 23) return null;
  return typicalYearIndex(Number(match[2]), Number(match[3]), Number(match[4]));
}

/**
 * Outdoor air as it is on Earth: the dry-bulb within the records (limits.minDryBulbC ..
 * maxDryBulbC; Fahrenheit or Kelvin typed into a Celsius column fall outside), and the wet-bulb
 * or dew point (when given) not above the dry-bulb, as no air's is.
 */
function plausible(dryC: number, humidC: number, humid: string, report: (message: string) => void): boolean {
  if (dryC < limits.minDryBulbC || dryC > limits.maxDryBulbC) {
    report(`expected a dry-bulb in ${limits.minDryBulbC}..${limits.maxDryBulbC} °C (the records on Earth: -89.2 and 56.7 °C), found ${dryC}; Fahrenheit or Kelvin in a Celsius column?`);
    return false;
  }
  if (Number.isFinite(humidC) && humidC > dryC) {
    report(`expected a ${humid} no higher than the dry-bulb (${dryC} °C), found ${humidC}`);
    return false;
  }
  return true;
}

/**
 * Whether this row is the first for its hour of the typical year; a second one is refused with
 * the line of the first (it would silently replace it). 29 February is read as the 28th, so a
 * leap day's rows are left out and the 28th's hours kept.
 */
export function firstRow(rowOf: Int32Array, leapDay: boolean, time: string, k: number, line: number, report: (message: string) => void): boolean {
  if (leapDay) return false;
  const first = rowOf[k] ?? 0;
  if (first > 0) {
    report(`expected one row per hour of the typical year, found ${time} for an hour already given on line ${first}; a file of several years gives each hour once per year`);
    return false;
  }
  rowOf[k] = line;
  return true;
}

function validDate(month: number, day: number): boolean {
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return Number.isInteger(month) && Number.isInteger(day) && days !== undefined && day >= 1 && day <= days;
}

/** An EPW file of the given hours (local standard time, starting 1 January 00:00), for tests and fixtures. */
export function formatEpw(name: string, utcOffsetHours: number, year: number, dryBulbC: readonly number[], dewPointC: readonly number[]): string {
  const header = [
    `LOCATION,${name},-,-,capsim,000000,0.0,0.0,${utcOffsetHours.toFixed(1)},0.0`,
    'DESIGN CONDITIONS,0',
    'TYPICAL/EXTREME PERIODS,0',
    'GROUND TEMPERATURES,0',
    'HOLIDAYS/DAYLIGHT SAVINGS,No,0,0,0',
    'COMMENTS 1,synthetic hours written by capsim',
    'COMMENTS 2,',
    'DATA PERIODS,1,1,Data,Sunday, 1/ 1,12/31',
  ];
  const lines = dryBulbC.map((t, h) => {
    const date = new Date(Date.UTC(year, 0, 1) + h * 3_600_000);
    const fields = [year, date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours() + 1, 60, '?9?9?9?9E0?9?9?9?9?9?9?9?9?9?9?9?9?9?9?9*9*9?9?9?9', t.toFixed(1), (dewPointC[h] ?? t).toFixed(1)];
    return fields.join(',');
  });
  return [...header, ...lines].join('\n') + '\n';
}
