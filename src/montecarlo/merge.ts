import type { Partial } from './partial.js';
import { SummaryAccumulator, type SummaryAccumulatorData } from './summary-accumulator.js';
import { monteCarloReport, type MonteCarloReport, type ReportHeader } from './report.js';
import { sweepResult, type SweepPointResult, type SweepReport } from './sweep-report.js';

export interface ReplicationsBody {
  header: ReportHeader;
  include: string[];
  accumulator: SummaryAccumulatorData;
}

export interface SweepBody {
  report: Omit<SweepReport, 'points'>;
  points: SweepPointResult[];
  /** The `--metric` list (empty: the default columns, constants left out once all points are in). */
  include?: string[];
}

/** Shards of `capsim run --replications`, in shard order: the report of all replications. */
export function mergeReplications(partials: ReadonlyArray<Partial<'replications', ReplicationsBody>>): MonteCarloReport {
  const ordered = [...partials].sort((a, b) => a.shard.index - b.shard.index);
  const first = ordered[0] as Partial<'replications', ReplicationsBody>;
  const all = new SummaryAccumulator();
  for (const p of ordered) all.mergeData(p.body.accumulator);
  return monteCarloReport(first.body.header, all, first.body.include);
}

/** Shards of `capsim sweep`, in shard order: the points of the whole sweep. */
export function mergeSweep(partials: ReadonlyArray<Partial<'sweep', SweepBody>>): SweepReport {
  const ordered = [...partials].sort((a, b) => a.shard.index - b.shard.index);
  const first = ordered[0] as Partial<'sweep', SweepBody>;
  return sweepResult(first.body.report, ordered.flatMap((p) => p.body.points), first.body.include ?? []);
}
