import type { ReportData, RunCost } from './report-data.js';
import type { Summary } from '../summary.js';
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
  const intervals = new Map<string, readonly [number, number]>();
  for (const [path, s] of input.statistics) if (s.ci95Low !== null && s.ci95High !== null) intervals.set(path, [s.ci95Low, s.ci95High]);
  // A run finished in a replication when its progress reached 1 there.
  const completedIn = new Map(
    data.summary.runs.map((run) => [run.name, (input.distributions.get(runMetricPath(run.name, 'progress')) ?? []).reduce((n, [v, count]) => n + (v >= 1 ? count : 0), 0)]),
  );
  return {
    ...data,
    // The headline figures and In brief read the means; the tables and the timeline stay replication 0's.
    means: meanSummary(data.summary, (path) => stat(path)?.mean),
    intervals,
    completedIn,
    runCosts: [...runCosts, ...data.runCosts.filter((c) => !c.option.startsWith('lease, '))],
    replications: { count: input.replications, samples },
    replicationTable: keyMetrics.flatMap(([path, metric, unit]) => {
      const s = stat(path);
      return s ? [{ metric, unit, ...s }] : [];
    }),
  };
}

/**
 * The summary with every number of its cluster, money and runs replaced by its mean over the
 * replications (by the statistics' paths: `cluster.utilization`, `runs.<name>.ettr`); texts
 * (names, dates, statuses) and nested figures stay replication 0's.
 */
function meanSummary(s: Summary, mean: (path: string) => number | undefined): Summary {
  const means = <T extends object>(o: T, pathOf: (key: string) => string): T => {
    const copy = { ...o } as Record<string, unknown>;
    for (const [key, value] of Object.entries(copy)) {
      if (typeof value !== 'number') continue;
      const m = mean(pathOf(key));
      if (m !== undefined) copy[key] = m;
    }
    return copy as T;
  };
  return {
    ...s,
    cluster: means(s.cluster, (key) => `cluster.${key}`),
    money: means(s.money, (key) => `money.${key}`),
    runs: s.runs.map((r) => means(r, (key) => runMetricPath(r.name, key))),
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
