import type { AnyStatistics } from './metric-accumulator.js';
import type { InputDescription } from '../scenario/uncertainty.js';
import type { Setting } from './setting.js';
import { csvNumber } from './render-statistics.js';
import { sweepFormats, type SweepFormat } from './output-formats.js';
import { csvField } from '../reports/csv-field.js';

/** One point of a sweep: its settings and the statistics of its metrics over the replications. */
export interface SweepPointResult {
  point: number;
  settings: Setting[];
  replications: number;
  statistics: Record<string, AnyStatistics>;
}

/** The report of `capsim sweep`: the JSON contract; the CSV has one row per point. */
export interface SweepReport {
  capsim: { version: string; scenarioHash: string; seed: number; replications: number };
  scenario: { name: string };
  /** The inputs drawn per replication and their ranges; absent when there are none. */
  uncertainInputs?: InputDescription[];
  parameters: string[];
  points: SweepPointResult[];
}

/** A sweep's report before its points: provenance, the scenario, and the keys swept (each once, in order). */
export function sweepHeader(
  run: { version: string; scenarioHash: string; seed: number; replications: number },
  scenarioName: string,
  swept: ReadonlyArray<{ path: string }>,
  uncertainInputs: readonly InputDescription[] = [],
): Omit<SweepReport, 'points'> {
  return {
    capsim: { ...run },
    scenario: { name: scenarioName },
    ...(uncertainInputs.length > 0 ? { uncertainInputs: [...uncertainInputs] } : {}),
    parameters: [...new Set(swept.map((s) => s.path))],
  };
}

/**
 * The whole sweep's report. By default (no `--metric`), a metric that took one value in every
 * replication of every point (the lease's fee when racks are swept) is left out: it says nothing
 * about the settings. A metric constant within each point but different between points stays.
 */
export function sweepResult(header: Omit<SweepReport, 'points'>, points: SweepPointResult[], include: readonly string[]): SweepReport {
  if (include.length > 0) return { ...header, points };
  const values = new Map<string, Set<string>>();
  for (const p of points) {
    for (const [path, s] of Object.entries(p.statistics)) {
      const seen = values.get(path) ?? new Set<string>();
      seen.add(String(s.min));
      seen.add(String(s.max));
      values.set(path, seen);
    }
  }
  const varies = (path: string) => (values.get(path)?.size ?? 0) > 1;
  return { ...header, points: points.map((p) => ({ ...p, statistics: Object.fromEntries(Object.entries(p.statistics).filter(([path]) => varies(path))) })) };
}

export function renderSweepJson(report: SweepReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

const csvStatistics = ['mean', 'sd', 'p5', 'p50', 'p95', 'ci95Low', 'ci95High'] as const;

/**
 * One row per point: `point`, each parameter, then `<metric>.<statistic>` for every metric seen
 * (in the order first seen over the points), blank where a point has no value for it.
 */
export function renderSweepCsv(report: SweepReport): string {
  const metrics = [...new Set(report.points.flatMap((p) => Object.keys(p.statistics)))];
  const head = ['point', ...report.parameters, ...metrics.flatMap((m) => csvStatistics.map((s) => `${m}.${s}`))];
  const rows = report.points.map((p) => {
    const byPath = new Map(p.settings.map((s) => [s.path, s.value]));
    return [
      String(p.point),
      ...report.parameters.map((name) => csvValue(byPath.get(name))),
      ...metrics.flatMap((m) => csvStatistics.map((s) => csvNumber(p.statistics[m]?.[s]))),
    ];
  });
  return `${[head.map(csvField).join(','), ...rows.map((r) => r.join(','))].join('\n')}\n`;
}

function csvValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? csvField(value) : csvField(JSON.stringify(value));
}

export { sweepFormats, type SweepFormat };

export function renderSweep(report: SweepReport, format: SweepFormat): string {
  return format === 'json' ? renderSweepJson(report) : renderSweepCsv(report);
}
