import { Option } from 'commander';
import type { Resolution } from '../reports/series.js';

// A single run's report options, apart from the writing of the report (report-output.ts), so
// that registering `capsim run` loads neither the writer nor what it needs (node:crypto).

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
