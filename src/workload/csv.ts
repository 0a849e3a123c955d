import { parse } from 'csv-parse/sync';
import { parseIsoMinutes, isValidIsoDate } from '../model/time.js';
import type { PathSegment } from '../scenario/problems.js';
import { limits } from '../scenario/limits.js';
import { printable } from '../scenario/problems.js';
import { tooManyJobLines, traceProblem, traceText, TraceProblems, type ParsedTrace, type TraceRecord } from './trace-record.js';

/**
 * A plain CSV job log, one job per row after a header. Columns, by name, in any order (others
 * are ignored): `submitSeconds` (since the log's start) or `submit` (ISO date-time, UTC; a space for the T is accepted), `gpus`,
 * `durationSeconds`; optional `estimateSeconds`, `team`, `user`, `name`. A row with a zero
 * duration or no GPUs is skipped and counted.
 */
export function parseJobCsv(text: string, file: string, path: PathSegment[]): ParsedTrace {
  const problems = new TraceProblems(file, path);
  let rows: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // `to`: stop one row past the limit (the header is a row), so a huge log is never held whole.
    rows = parse(text, { info: true, skip_empty_lines: true, trim: true, relax_column_count: true, comment: '#', to: limits.maxJobs + 2 }) as unknown as typeof rows;
  } catch (cause) {
    const e = cause as Error & { lines?: number };
    return { records: [], skipped: 0, problems: [traceProblem(file, path, e.lines ?? 1, 1, `invalid CSV: ${e.message.replace(/^Invalid [^:]*: /, '')}`)] };
  }
  const [header] = rows;
  if (!header) return { records: [], skipped: 0, problems: [traceProblem(file, path, 1, 1, 'expected a header row (submitSeconds or submit, gpus, durationSeconds, ...), found an empty file')] };
  const col = new Map(header.record.map((name, i) => [name, i]));
  const submitColumn = col.get('submitSeconds') ?? col.get('submit');
  const missing = [submitColumn === undefined ? 'submitSeconds (or submit)' : null, col.has('gpus') ? null : 'gpus', col.has('durationSeconds') ? null : 'durationSeconds'].filter((m) => m !== null);
  if (missing.length > 0) {
    return { records: [], skipped: 0, problems: [traceProblem(file, path, header.info.lines, 1, `expected columns ${missing.join(', ')} in the header, found ${header.record.join(', ')}`)] };
  }
  const isoSubmit = !col.has('submitSeconds');
  let originMinutes: number | null = null;
  const records: TraceRecord[] = [];
  let skipped = 0;
  for (let r = 1; r < rows.length; r += 1) {
    const { record, info } = rows[r] as { record: string[]; info: { lines: number } };
    const line = info.lines;
    if (r > limits.maxJobs) return { records, skipped, problems: [...problems.all(), tooManyJobLines(file, path, line)] };
    const rowProblems: string[] = [];
    if (record.length !== header.record.length) rowProblems.push(`expected ${header.record.length} fields as in the header, found ${record.length}`);
    const cell = (name: string) => record[col.get(name) ?? -1] ?? '';
    const number = (name: string, optional = false): number | null => {
      const raw = cell(name);
      if (optional && raw === '') return null;
      const value = Number(raw);
      if (raw === '' || !Number.isFinite(value) || value < 0) {
        rowProblems.push(`${name}: expected a number >= 0, found "${raw}"`);
        return null;
      }
      return value;
    };
    let submitSeconds: number | null;
    if (isoSubmit) {
      // Logs often write a space for the T (2020-04-01 00:00:06).
      const raw = cell('submit').replace(' ', 'T');
      if (!isValidIsoDate(raw)) {
        rowProblems.push(`submit: expected a date-time YYYY-MM-DDTHH:MM[:SS] (UTC), found "${raw}"`);
        submitSeconds = null;
      } else {
        const minutes = parseIsoMinutes(raw);
        originMinutes ??= minutes;
        submitSeconds = (minutes - originMinutes) * 60;
      }
    } else {
      submitSeconds = number('submitSeconds');
    }
    const gpus = number('gpus');
    const durationSeconds = number('durationSeconds');
    const estimateSeconds = col.has('estimateSeconds') ? number('estimateSeconds', true) : null;
    const texts = ['name', 'team', 'user'].map((name) => ({ name, value: traceText(cell(name)) }));
    for (const t of texts) if (t.value === null) rowProblems.push(`${t.name}: expected text without control characters, found "${printable(cell(t.name))}"`);
    if (rowProblems.length > 0) {
      for (const message of rowProblems) problems.add(line, 1, message);
      continue;
    }
    if (!gpus || !durationSeconds) {
      skipped += 1;
      continue;
    }
    records.push({
      line,
      id: traceText(cell('name')) || String(records.length + skipped + 1),
      submitSeconds: submitSeconds ?? 0,
      runSeconds: durationSeconds,
      gpus,
      estimateSeconds: estimateSeconds && estimateSeconds > 0 ? estimateSeconds : null,
      team: traceText(cell('team')) || (cell('user') ? `user-${traceText(cell('user'))}` : null),
    });
  }
  return { records, skipped, problems: problems.all() };
}
