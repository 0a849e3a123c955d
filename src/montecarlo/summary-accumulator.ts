import { MetricAccumulator, type MetricAccumulatorData, type MetricStatistics } from './metric-accumulator.js';
import { numericLeaves } from './numeric-leaves.js';

export interface SummaryAccumulatorData {
  replications: number;
  metrics: Array<[string, MetricAccumulatorData]>;
}

/**
 * Every numeric metric of a report, accumulated over replications. Metrics keep the order in which
 * they were first seen; merging partial accumulators in replication order therefore gives the same
 * order as one pass, and every metric's state is independent of the split (see MetricAccumulator).
 */
export class SummaryAccumulator {
  replications = 0;
  readonly metrics = new Map<string, MetricAccumulator>();

  addReport(report: unknown): void {
    this.replications += 1;
    for (const [path, value] of numericLeaves(report)) this.metric(path).add(value);
  }

  /** Adds `other`, which must hold the replications that come after this one's. */
  merge(other: SummaryAccumulator): void {
    this.replications += other.replications;
    for (const [path, m] of other.metrics) this.metric(path).merge(m);
  }

  statistics(): Array<[string, MetricStatistics]> {
    return [...this.metrics].map(([path, m]) => [path, m.statistics()]);
  }

  toData(): SummaryAccumulatorData {
    return { replications: this.replications, metrics: [...this.metrics].map(([path, m]) => [path, m.toData()]) };
  }

  static fromData(data: SummaryAccumulatorData): SummaryAccumulator {
    const s = new SummaryAccumulator();
    s.replications = data.replications;
    for (const [path, m] of data.metrics) s.metrics.set(path, MetricAccumulator.fromData(m));
    return s;
  }

  private metric(path: string): MetricAccumulator {
    let m = this.metrics.get(path);
    if (!m) {
      m = new MetricAccumulator();
      this.metrics.set(path, m);
    }
    return m;
  }
}
