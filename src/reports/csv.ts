import type { RunRecord } from '../simulation/record.js';
import type { Summary } from './summary.js';
import { poolSeries, type Resolution } from './series.js';
import { facilityHourRows } from '../facility/facility-hour-rows.js';
import { csvField } from './csv-field.js';

type Cell = string | number | boolean | null;

/**
 * CSV tables, one per file: `runs`, `months`, `phases` (when a run has phases) and
 * `series-<resolution>`; with a facility, `facility-hour` (its hourly series); with a workload,
 * `queue-streams` and `queue-teams`. Numbers are written in full (JavaScript's shortest
 * round-trip form), never formatted, so they parse back to the JSON report's values; null is an
 * empty field. Column names are the JSON report's field names.
 */
export function renderCsvTables(summary: Summary, record: RunRecord | null, resolution: Resolution): Record<string, string> {
  const tables: Record<string, string> = { runs: runsCsv(summary), months: toCsv(summary.months) };
  const phases = summary.runs.flatMap((r) => (r.phases ?? []).map((p) => ({ run: r.name, ...p })));
  if (phases.length > 0) tables['phases'] = toCsv(phases);
  if (record) tables[`series-${resolution}`] = toCsv(poolSeries(record, resolution));
  if (record?.facility) tables['facility-hour'] = toCsv(facilityHourRows(record.facility, record.scenario.startMinutes, record.scenario.tickSeconds));
  if (summary.queue) {
    tables['queue-streams'] = toCsv(summary.queue.byStream);
    tables['queue-teams'] = toCsv(summary.queue.byTeam);
  }
  return tables;
}

/** One row per run; interruptions by cause become one column per cause seen in any run; phases are a table of their own. */
export function runsCsv(summary: Summary): string {
  const causes = [...new Set(summary.runs.flatMap((r) => Object.keys(r.interruptionsByCause)))].sort();
  const rows = summary.runs.map((r) => {
    const { interruptionsByCause, phases: _phases, ...flat } = r;
    return { ...flat, ...Object.fromEntries(causes.map((c) => [`interruptions.${c}`, interruptionsByCause[c] ?? 0])) };
  });
  return toCsv(rows);
}

export function toCsv(rows: ReadonlyArray<object>): string {
  const first = rows[0];
  if (!first) return '';
  const columns = Object.keys(first);
  const lines = [columns.map(csvField).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(cell((row as Record<string, unknown>)[c]))).join(','));
  return lines.join('\r\n') + '\r\n';
}

function cell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}
