import type { ReportData, RunCost } from './report-data.js';
import { runMetricPath } from '../metric-path.js';

/** The statistics of one metric across replications (as capsim's Monte Carlo reports them). */
export interface ReplicationStatistics {
  n: number;
  mean: number;
  sd: number | null;
  p5: number;
  p50: number;
  p95: number;
  ci95Low: number | null;
  ci95High: number | null;
}

export interface ReplicationsInput {
  replications: number;
  /** By metric path (`cluster.utilization`, `runs.frontier-pretrain.costUsageShareUsd`). */
  statistics: ReadonlyMap<string, ReplicationStatistics>;
  /** Every replication's value of a metric, as [value, count] pairs, where known exactly. */
  distributions: ReadonlyMap<string, ReadonlyArray<readonly [number, number]>>;
}

/** The metrics a board asks about, with their units, in the order the page shows them. */
export const keyMetrics: ReadonlyArray<readonly [string, string, string]> = [
  ['cluster.utilization', 'utilization', 'fraction'],
  ['cluster.goodput', 'goodput', 'fraction'],
  ['cluster.interruptions', 'interruptions', 'count'],
  ['cluster.lostGpuHours', 'GPU-hours lost to failures', 'GPU-hours'],
  ['money.idleCostUsd', 'idle cost', 'USD'],
];

/**
 * A report of one replication (its timeline and series) with what the replications add: each
 * run's cost as the mean with its 95% interval, a histogram per key metric, and their statistics.
 */
export function withReplications(data: ReportData, input: ReplicationsInput): ReportData {
  const stat = (path: string) => input.statistics.get(path);
  const runCosts = data.summary.runs.flatMap((run): RunCost[] =>
    (
      [
        ['lease, usage share', runMetricPath(run.name, 'costUsageShareUsd')],
        ['lease, fully loaded', runMetricPath(run.name, 'costFullyLoadedUsd')],
      ] as const
    ).flatMap(([option, path]) => {
      const s = stat(path);
      return s ? [{ run: run.name, option, costUsd: s.mean, lowUsd: s.ci95Low, highUsd: s.ci95High }] : [];
    }),
  );
  const samples = keyMetrics.flatMap(([path, metric, unit]) => {
    const pairs = input.distributions.get(path);
    return pairs && pairs.length > 0 ? [{ metric, unit, values: pairs.flatMap(([v, count]) => Array<number>(count).fill(v)) }] : [];
  });
  return {
    ...data,
    runCosts: [...runCosts, ...data.runCosts.filter((c) => !c.option.startsWith('lease, '))],
    replications: { count: input.replications, samples },
    replicationTable: keyMetrics.flatMap(([path, metric, unit]) => {
      const s = stat(path);
      return s ? [{ metric, unit, ...s }] : [];
    }),
  };
}

/**
 * Read the replications from a Monte Carlo accumulator's data (`{replications, metrics: [path,
 * {values: {exact: [[value, count]...]}}]}`) and its statistics. A metric whose values were
 * summarised by a sketch has no exact distribution and draws no histogram.
 */
export function replicationsInput(replications: number, statistics: Iterable<[string, ReplicationStatistics]>, accumulatorData: unknown): ReplicationsInput {
  const distributions = new Map<string, Array<[number, number]>>();
  const metrics = (accumulatorData as { metrics?: unknown } | null)?.metrics;
  if (Array.isArray(metrics)) {
    for (const entry of metrics) {
      const [path, data] = Array.isArray(entry) ? entry : [];
      const exact = (data as { values?: { exact?: unknown } } | undefined)?.values?.exact;
      if (typeof path === 'string' && Array.isArray(exact)) distributions.set(path, exact as Array<[number, number]>);
    }
  }
  return { replications, statistics: new Map(statistics), distributions };
}
