import { MetricAccumulator, type AnyStatistics, type MetricAccumulatorData } from './metric-accumulator.js';
import { MetricNode, visitMetrics } from './metric-leaves.js';

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
  /** The report's key paths, each holding its metric: built by the first report, reused by the rest. */
  private readonly paths = new MetricNode<MetricAccumulator>('', false, false, false);

  /** `countValues: false` for a worker's block, which the main thread folds (see QuantileStore). */
  constructor(private readonly countValues = true) {}

  private readonly addLeaf = (node: MetricNode<MetricAccumulator>, value: number, date: boolean): void => {
    const m = (node.slot ??= this.metric(node.path));
    m.date ||= date;
    m.listed ||= node.listed;
    m.add(value);
  };

  addReport(report: unknown): void {
    this.replications += 1;
    visitMetrics(report, this.paths, this.addLeaf);
  }

  /** Adds `other`, which must hold the replications that come after this one's. */
  merge(other: SummaryAccumulator): void {
    this.replications += other.replications;
    for (const [path, m] of other.metrics) this.metric(path).merge(m);
  }

  /**
   * The same as merge(SummaryAccumulator.fromData(data)), without building the other accumulator
   * first: the main thread folds every worker's block, and that copy was most of its work.
   */
  mergeData(data: SummaryAccumulatorData): void {
    this.replications += data.replications;
    for (const [path, m] of data.metrics) this.metric(path).mergeData(m);
  }

  /** Each metric's statistics (dates as dates), in the order first seen. */
  statistics(): Array<[string, AnyStatistics]> {
    return [...this.metrics].map(([path, m]) => [path, m.describe()]);
  }

  /** Whether the metric is inside a list of the report (a run, a month) rather than one of its scalars. */
  isListed(path: string): boolean {
    return this.metrics.get(path)?.listed ?? false;
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
      m = new MetricAccumulator(this.countValues);
      this.metrics.set(path, m);
    }
    return m;
  }
}
