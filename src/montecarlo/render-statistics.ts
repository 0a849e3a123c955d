import type { AnyStatistics } from './metric-accumulator.js';
import type { InputDescription } from '../scenario/uncertainty.js';
import { formatInputDescription } from '../reports/input-description.js';
import type { MonteCarloReport } from './report.js';
import { monteCarloFormats, type MonteCarloFormat } from './output-formats.js';
import { csvField } from '../reports/csv-field.js';
import { numberFormat } from '../reports/format.js';

export const statisticNames = ['n', 'mean', 'sd', 'min', 'p5', 'p50', 'p95', 'max', 'ci95Low', 'ci95High'] as const;

export function renderMonteCarloJson(report: MonteCarloReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** One row per metric: its path, then each statistic at full precision (shortest round-trip form). */
export function renderMonteCarloCsv(report: MonteCarloReport): string {
  const rows = [['metric', ...statisticNames].join(',')];
  for (const [path, s] of Object.entries(report.statistics)) rows.push([csvField(path), ...statisticNames.map((k) => csvNumber(s[k]))].join(','));
  return `${rows.join('\n')}\n`;
}

/** Aligned columns for people: four significant digits, the interval as low .. high. */
export function renderMonteCarloTable(report: MonteCarloReport): string {
  const c = report.capsim;
  const head = ['metric', 'n', 'mean', 'sd', 'p5', 'p50', 'p95', '95% CI of the mean'];
  const rows = Object.entries(report.statistics).map(([path, s]: [string, AnyStatistics]) => [
    path,
    String(s.n),
    formatStatistic(s.mean),
    // A date's sd is in days.
    'unit' in s && s.sd !== null ? `${formatStatistic(s.sd)} d` : formatStatistic(s.sd),
    formatStatistic(s.p5),
    formatStatistic(s.p50),
    formatStatistic(s.p95),
    s.ci95Low === null || s.ci95High === null ? '–' : `${formatStatistic(s.ci95Low)} .. ${formatStatistic(s.ci95High)}`,
  ]);
  const widths = head.map((h, i) => rows.reduce((w, r) => Math.max(w, (r[i] as string).length), h.length));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number))).join('  ').trimEnd();
  return [
    report.scenario.name,
    `capsim ${c.version} · seed ${c.seed} · ${c.replications} replication${c.replications === 1 ? '' : 's'} · scenario ${c.scenarioHash.slice(0, 12)}`,
    ...uncertainLines(report.uncertainInputs),
    '',
    line(head),
    ...rows.map(line),
    '',
  ].join('\n');
}

/** The uncertain inputs, one line each, under a title; nothing when there are none. */
export function uncertainLines(inputs: readonly InputDescription[] | undefined): string[] {
  if (!inputs || inputs.length === 0) return [];
  return [`uncertain inputs, drawn once per replication:`, ...inputs.map((d) => `  ${formatInputDescription(d)}`)];
}

const significant = numberFormat({ maximumSignificantDigits: 4 });

/** A statistic for people: a date as it is, a number to four significant digits. */
export function formatStatistic(x: number | string | null): string {
  if (x === null) return '–';
  if (typeof x === 'string') return x;
  return Math.abs(x) >= 1e15 || (x !== 0 && Math.abs(x) < 1e-4) ? x.toExponential(3).replace('e+', 'e') : significant().format(x);
}

/** A statistic in full (a date as its ISO text); blank when there is none. */
export function csvNumber(x: number | string | null | undefined): string {
  return x === null || x === undefined ? '' : String(x);
}


export { monteCarloFormats, type MonteCarloFormat };

export function renderMonteCarlo(report: MonteCarloReport, format: MonteCarloFormat): string {
  if (format === 'json') return renderMonteCarloJson(report);
  if (format === 'csv') return renderMonteCarloCsv(report);
  return renderMonteCarloTable(report);
}
