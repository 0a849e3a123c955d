import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Resolution } from '../reports/series.js';
import type { Scenario } from '../scenario/scenario.js';
import type { Io } from './io.js';
import type { ReportOptions } from './report-options.js';
import { emit } from './emit.js';
import { ScenarioError } from '../errors.js';
import { error } from '../scenario/problems.js';
import type { Rendered } from './compute.js';
import { checkWritablePath, outTarget, type OutTarget } from './out-target.js';
import { writeFilesAtomic } from './write-files-atomic.js';

/** Where a single run's report goes, checked before the run: a file or stdout, or the CSV tables' files. */
export type ReportTarget = { kind: 'one'; out: OutTarget } | { kind: 'tables'; folder: string | null; paths: Record<string, { path: string; real: string }> };

/** The CSV tables of a single run of `scenario`, by name (as reports/csv.ts renders them). */
export function csvTableNames(resolution: Resolution, scenario: Scenario): string[] {
  const names = ['runs', 'months', `series-${resolution}`];
  if (scenario.facility) names.push('facility-hour');
  if (scenario.scheduler || scenario.workload) names.push('queue-streams', 'queue-teams');
  return names;
}

/**
 * Check the report's destination before anything runs: html to a terminal and csv without --out
 * are refused, and every file to be written must be a regular file or a new path.
 */
export function reportTarget(io: Io, opts: ReportOptions, scenario: Scenario | null): ReportTarget {
  if (opts.format === 'csv') {
    if (opts.out === undefined || opts.out === '-') throw usage('--format csv writes several tables: give --out a directory (results/) or a file prefix (results/q3)');
    return csvTarget(opts.out, scenario ? csvTableNames(opts.resolution ?? 'day', scenario) : []);
  }
  const out = outTarget(opts.out);
  if (opts.format === 'html' && out.kind === 'stdout' && io.isTty) throw usage('--format html writes a page: give it a file with --out report.html');
  return { kind: 'one', out };
}

/**
 * `--out results/` (or an existing directory) gets runs.csv, months.csv, series-day.csv; any
 * other `--out results/q3` is a prefix: results/q3-runs.csv and so on (`results/q3.csv` too, so
 * that the extension that chose the format is not repeated). A directory that does not exist yet
 * is created when the tables are written (its parent must exist).
 */
function csvTarget(out: string, names: string[]): ReportTarget {
  const refuse = (path: string) => (reason: string): never => {
    throw new ScenarioError([{ ...error('unwritable', ['--out'], `cannot write the report: ${reason}`), file: path }]);
  };
  const existingFolder = existsSync(out) && statSync(out).isDirectory();
  const isFolder = out.endsWith('/') || existingFolder;
  if (isFolder && !existingFolder) {
    const parent = join(out, '..');
    if (!existsSync(parent) || !statSync(parent).isDirectory()) refuse(out)(`its parent folder ${parent} does not exist`);
  }
  // `results/q3.csv` is the prefix results/q3: the extension that chose the format is not repeated.
  const prefix = out.replace(/\.csv$/i, '');
  const paths: Record<string, { path: string; real: string }> = {};
  for (const name of names) {
    const path = isFolder ? join(out, `${name}.csv`) : `${prefix}-${name}.csv`;
    paths[name] = { path, real: isFolder && !existingFolder ? path : checkWritablePath(path, refuse(path)) };
  }
  return { kind: 'tables', folder: isFolder && !existingFolder ? out : null, paths };
}

/** Write a rendered report to its checked destination: the CSV tables all, or none. */
export function writeRendered(io: Io, rendered: Rendered, target: ReportTarget): void {
  if (target.kind === 'one') {
    if (!('text' in rendered)) throw new Error('a report of several tables needs a folder or prefix');
    return emit(io, rendered.text, target.out);
  }
  if (!('tables' in rendered)) throw new Error('a report of one text needs a file');
  if (target.folder) mkdirSync(target.folder);
  const files = Object.entries(rendered.tables).map(([name, content]) => {
    const where = target.paths[name];
    if (!where) throw new Error(`no path for the ${name} table`);
    return { ...where, content };
  });
  try {
    writeFilesAtomic(files);
  } catch (cause) {
    if (target.folder) rmSync(target.folder, { recursive: true, force: true });
    throw cause;
  }
}

function usage(message: string): ScenarioError {
  return new ScenarioError([error('missing-out', ['--out'], message)]);
}
