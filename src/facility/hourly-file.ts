import { error, type Problem } from '../scenario/problems.js';
import type { HourlyYear } from './facility-spec.js';
import { csvHourIndex, csvRows, firstRow } from './weather-file.js';

export type HourlyFileResult = { ok: true; year: HourlyYear } | { ok: false; problems: Problem[] };

/**
 * An hourly CSV of one quantity (`time,<column>`, times UTC on the hour), read as a typical year
 * as weather files are: grid carbon intensity, or energy prices. Pure: text in, table or problems out.
 */
export function parseHourlyCsv(text: string, file: string, column: string): HourlyFileResult {
  const csv = csvRows(text, file, 'hourly-file');
  if (!csv.ok) return csv;
  const { rows: all, problems, at } = csv;
  const header = all[0] ?? [];
  const time = header.indexOf('time');
  const value = header.indexOf(column);
  if (time === -1 || value === -1) {
    return { ok: false, problems: [{ ...error('hourly-file', [], `expected a header with time and ${column}, found "${header.join(',')}"`), file, line: 1, column: 1 }] };
  }
  const values = new Float64Array(365 * 24).fill(NaN);
  const rowOf = new Int32Array(365 * 24);
  all.slice(1).forEach((r, i) => {
    const k = csvHourIndex(r[time] ?? '');
    const v = Number(r[value]);
    if (k === null) at(i + 2, `expected time as YYYY-MM-DDTHH:00 (UTC, on the hour), found "${r[time] ?? ''}"`);
    else if (r[value] === undefined || r[value] === '' || !Number.isFinite(v) || v < 0) at(i + 2, `expected ${column} as a number >= 0, found "${r[value] ?? ''}"`);
    // Each hour of the typical year once, as in a weather file: a second row would replace the first.
    else if (firstRow(rowOf, /^\d{4}-02-29T/.test(r[time] ?? ''), r[time] ?? '', k, i + 2, (message) => at(i + 2, message))) values[k] = v;
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, year: { utcOffsetHours: 0, values } };
}
