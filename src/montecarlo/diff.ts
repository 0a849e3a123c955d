import { leaseScenario } from '../procurement/lease-scenario.js';
import { summarize, type Provenance } from '../reports/summary.js';
import type { Scenario } from '../scenario/scenario.js';
import { simulateScenario } from '../simulation/simulate-scenario.js';
import { MetricAccumulator, type MetricStatistics } from './metric-accumulator.js';
import { metricLeaves, type MetricLeaf } from './metric-leaves.js';

export interface DiffSettings {
  seed: number;
  replications: number;
  /**
   * Key paths or prefixes of the metrics to keep (`cluster`, `runs.frontier-pretrain.ettr`); empty: the report's
   * scalars and the named runs' figures (entries of other lists, such as months or a facility's
   * episodes, pair by position only and are left out unless asked for).
   */
  metrics: readonly string[];
  onProgress?: (done: number, total: number) => void;
}

export interface DiffSide {
  name: string;
  scenarioHash: string;
}

/** One metric of two scenarios over the same replications: each side's statistics and their paired difference (b - a). */
export interface MetricDiff {
  metric: string;
  a: MetricStatistics | null;
  b: MetricStatistics | null;
  /** Over the replications in which both had a value; null when none did. */
  difference: MetricStatistics | null;
  /** Share of those replications in which b and a differ. */
  changedShare: number | null;
}

export type DiffReport = ReturnType<typeof diffScenarios>;

// Dates are left out: their difference is a duration, which the other metrics' units do not say.
const keep = (metrics: readonly string[]) => ({ path, date, listed }: MetricLeaf) =>
  !date && (metrics.length === 0 ? !listed || /^runs(\.[\w-]+|\[[^\]]+\])\.[^[]*$/.test(path) : metrics.some((m) => path === m || path.startsWith(`${m}.`) || path.startsWith(`${m}[`)));

/**
 * A counterfactual: the same replications of two scenarios (one usually extends the other), so
 * every random stream (failures, repairs, arrivals, weather) draws the same numbers in both and
 * the difference of each metric is paired replication by replication. What differs between the
 * two is what the scenarios differ in. Each replication simulates the lease's term, as
 * `capsim run` does.
 */
export function diffScenarios(a: Scenario, b: Scenario, settings: DiffSettings, sides: { a: Provenance; b: Provenance }) {
  const wanted = keep(settings.metrics);
  const order: string[] = [];
  const stats = new Map<string, { a: MetricAccumulator; b: MetricAccumulator; d: MetricAccumulator; changed: number }>();
  const entry = (path: string) => {
    let e = stats.get(path);
    if (!e) {
      e = { a: new MetricAccumulator(), b: new MetricAccumulator(), d: new MetricAccumulator(), changed: 0 };
      stats.set(path, e);
      order.push(path);
    }
    return e;
  };
  const leaves = (scenario: Scenario, provenance: Provenance, replication: number) => {
    const record = simulateScenario(leaseScenario(scenario, scenario.lease), { seed: settings.seed, replication, timeline: false });
    return new Map(metricLeaves(summarize(record, provenance)).filter(wanted).map((leaf) => [leaf.path, leaf.value]));
  };
  for (let r = 0; r < settings.replications; r += 1) {
    const left = leaves(a, sides.a, r);
    const right = leaves(b, sides.b, r);
    for (const [path, x] of left) entry(path).a.add(x);
    for (const [path, y] of right) {
      const e = entry(path);
      e.b.add(y);
      const x = left.get(path);
      if (x !== undefined) {
        e.d.add(y - x);
        if (y !== x) e.changed += 1;
      }
    }
    settings.onProgress?.(r + 1, settings.replications);
  }
  const metrics: MetricDiff[] = order.map((metric) => {
    const e = stats.get(metric) as NonNullable<ReturnType<typeof stats.get>>;
    return {
      metric,
      a: e.a.n > 0 ? e.a.statistics() : null,
      b: e.b.n > 0 ? e.b.statistics() : null,
      difference: e.d.n > 0 ? e.d.statistics() : null,
      changedShare: e.d.n > 0 ? e.changed / e.d.n : null,
    };
  });
  return {
    capsim: { version: sides.a.version, seed: settings.seed, replications: settings.replications },
    a: { name: a.name, scenarioHash: sides.a.scenarioHash } satisfies DiffSide,
    b: { name: b.name, scenarioHash: sides.b.scenarioHash } satisfies DiffSide,
    metrics,
  };
}
