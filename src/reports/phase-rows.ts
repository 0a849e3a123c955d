import type { Summary } from './summary.js';
import { formatCount, formatDecimal, formatUsd } from './format.js';

export const phaseHead = ['run', 'phase', 'GPUs', 'started', 'ended', 'wall d', 'GPU-h held', 'cost usage-share'];

/** One row per phase of every run that has phases, for the table and Markdown reports. */
export function phaseRows(s: Summary): string[][] {
  return s.runs.flatMap((r) =>
    (r.phases ?? []).map((p) => [r.name, p.name, formatCount(p.gpus), p.started ?? '–', p.ended ?? '–', formatDecimal(p.wallClockDays), formatCount(p.gpuHoursHeld), formatUsd(p.costUsageShareUsd)]),
  );
}
