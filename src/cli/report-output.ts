import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Option } from 'commander';
import type { RunRecord } from '../simulation/record.js';
import type { Summary } from '../reports/summary.js';
import type { Resolution } from '../reports/series.js';
import type { Io } from './io.js';
import { emit, writeFileAtomic } from './io.js';
import { ScenarioError } from '../errors.js';
import type { Doc } from '../reports/doc.js';
import { error } from '../scenario/problems.js';
import type { Scenario } from '../scenario/scenario.js';
import type { WrittenScenario } from '../scenario/schema.js';

/** What the run loaded: the procurement options are read from what the file says. */
export interface LoadedScenario {
  scenario: Scenario;
  written: WrittenScenario;
}

export const reportFormats = ['table', 'json', 'md', 'csv', 'html'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export function formatOption(): Option {
  return new Option('-f, --format <format>', 'report format (csv and html need --out)').choices([...reportFormats]).default('table');
}

export function resolutionOption(): Option {
  return new Option('--resolution <resolution>', 'time series resolution for --format csv, and for json with --series').choices(['hour', 'day']).default('day');
}

export function seriesOption(): Option {
  return new Option('--series', "with --format json: add the time series (the cluster's pools at --resolution, and a facility's hours)");
}

export interface ReportOptions {
  format: ReportFormat;
  out?: string | undefined;
  resolution?: Resolution | undefined;
  series?: boolean | undefined;
}

/**
 * Render the report in the chosen format and write it: everything is rendered before anything is
 * written, so an error leaves no partial output.
 */
export async function writeReport(io: Io, opts: ReportOptions, summary: Summary, record: RunRecord | null, loaded?: LoadedScenario): Promise<void> {
  switch (opts.format) {
    case 'json':
    case 'table': {
      const { renderJson, renderTable } = await import('../reports/table.js');
      if (opts.format === 'table' && loaded && record && hasOptions(loaded)) {
        const { textDoc } = await import('../reports/doc.js');
        const extra = (await alternativesSection(loaded, record.seed, textDoc)).join('\n');
        return emit(io, renderTable(summary, { colour: io.isTty && !opts.out && !process.env['NO_COLOR'] }) + '\n' + extra + '\n', opts.out);
      }
      if (opts.format === 'json' && opts.series && record) {
        const { seriesSections } = await import('../reports/series-sections.js');
        return emit(io, renderJson({ ...summary, ...seriesSections(record, opts.resolution ?? 'day') }), opts.out);
      }
      return emit(io, opts.format === 'json' ? renderJson(summary) : renderTable(summary, { colour: io.isTty && !opts.out && !process.env['NO_COLOR'] }), opts.out);
    }
    case 'md': {
      const { renderMarkdown } = await import('../reports/markdown.js');
      if (loaded && record && hasOptions(loaded)) {
        const { markdownDoc } = await import('../reports/doc.js');
        return emit(io, renderMarkdown(summary) + '\n## ' + (await alternativesSection(loaded, record.seed, markdownDoc)).join('\n').replace(/^### /, ''), opts.out);
      }
      return emit(io, renderMarkdown(summary), opts.out);
    }
    case 'html': {
      const [{ renderHtml }, { reportData }] = await Promise.all([import('../reports/html/page.js'), import('../reports/html/report-data.js')]);
      if (!opts.out && io.isTty) throw usage('--format html writes a page: give it a file with --out report.html');
      const sections = loaded && record ? await comparisonSections(loaded, record.seed) : {};
      return emit(io, await renderHtml(reportData(summary, record, sections)), opts.out);
    }
    case 'csv': {
      const { renderCsvTables } = await import('../reports/csv.js');
      if (!opts.out) throw usage('--format csv writes several tables: give --out a directory (results/) or a file prefix (results/q3)');
      const tables = renderCsvTables(summary, record, opts.resolution ?? 'day');
      const paths = await csvPaths(opts.out, Object.keys(tables));
      for (const [name, text] of Object.entries(tables)) await writeFileAtomic(paths[name] as string, text);
      return;
    }
  }
}

/**
 * `--out results/` (or an existing directory) gets runs.csv, months.csv, series-day.csv; any
 * other `--out results/q3` is a prefix: results/q3-runs.csv and so on (`results/q3.csv` too, so
 * that the extension that chose the format is not repeated).
 */
async function csvPaths(out: string, names: string[]): Promise<Record<string, string>> {
  const isDirectory = out.endsWith('/') || (await stat(out).then((s) => s.isDirectory(), () => false));
  if (isDirectory) await mkdir(out, { recursive: true });
  const prefix = out.replace(/\.csv$/i, '');
  return Object.fromEntries(names.map((n) => [n, isDirectory ? join(out, `${n}.csv`) : `${prefix}-${n}.csv`]));
}

function hasOptions(loaded: LoadedScenario): boolean {
  const options = (loaded.written as { options?: unknown }).options;
  return Array.isArray(options) && options.length > 0;
}

/** What the same runs cost bought each way, at the run's seed: the report's last section. */
async function alternativesSection(loaded: LoadedScenario, seed: number, doc: Doc): Promise<string[]> {
  const [{ resolveOptions }, { compareOptions }, { alternatives }, { renderAlternatives }] = await Promise.all([
    import('../procurement/resolve-options.js'),
    import('../procurement/compare.js'),
    import('../procurement/alternatives.js'),
    import('../procurement/render-alternatives.js'),
  ]);
  const ctx = loaded;
  const comparison = compareOptions(ctx, resolveOptions(loaded.written, loaded.scenario), { seed, replications: 1 }, { version: '', scenarioHash: '' });
  return renderAlternatives(alternatives(comparison, loaded.scenario), doc);
}

/**
 * A scenario with procurement options gets them compared in its HTML report (one replication on
 * the run's seed, so the lease figures match the run's): their cost per run and the lease
 * against cloud chart.
 */
async function comparisonSections(loaded: LoadedScenario, seed: number): Promise<Record<string, unknown>> {
  const options = (loaded.written as { options?: unknown }).options;
  if (!Array.isArray(options) || options.length === 0) return {};
  const [{ resolveOptions }, { compareOptions }] = await Promise.all([import('../procurement/resolve-options.js'), import('../procurement/compare.js')]);
  const ctx = loaded;
  const comparison = compareOptions(ctx, resolveOptions(loaded.written, loaded.scenario), { seed, replications: 1 }, { version: '', scenarioHash: '' });
  // The lease-against-cloud line prices a lease GPU-hour's work on each cloud's own hardware.
  const perLeaseHour = new Map(comparison.breakEven.map((b) => [b.against, b.cloudPricePerLeaseGpuHourUsd]));
  return { options: comparison.options.map((o) => ({ ...o, priceUsdPerGpuHour: perLeaseHour.get(o.name) ?? o.priceUsdPerGpuHour })) };
}

function usage(message: string): ScenarioError {
  return new ScenarioError([error('missing-out', ['--out'], message)]);
}
