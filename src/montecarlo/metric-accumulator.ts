import { ExactSum, scaledVariance } from './exact-sum.js';
import { QuantileStore, type QuantileStoreData } from './quantile-store.js';
import { studentT975 } from './student-t.js';
import { formatIsoMinutes } from '../model/time.js';

/** The statistics of one metric over the replications in which it had a value. */
export interface MetricStatistics {
  /** Replications in which the metric was a number (null and non-finite values are left out). */
  n: number;
  mean: number;
  /** Sample standard deviation (n - 1 in the denominator); null when n = 1. */
  sd: number | null;
  min: number;
  p5: number;
  p50: number;
  p95: number;
  max: number;
  /** 95% confidence interval of the mean: mean -/+ t(0.975, n - 1) x sd / sqrt(n); null when n = 1. */
  ci95Low: number | null;
  ci95High: number | null;
}

/**
 * The statistics of a date metric (a run's finish), as dates (ISO, UTC, to the minute): the same
 * fields, with `sd` in days.
 */
export interface DateStatistics {
  n: number;
  unit: 'date';
  mean: string;
  /** Sample standard deviation in days; null when n = 1. */
  sd: number | null;
  min: string;
  p5: string;
  p50: string;
  p95: string;
  max: string;
  ci95Low: string | null;
  ci95High: string | null;
}

export type AnyStatistics = MetricStatistics | DateStatistics;

/** The statistics that are numbers (dates left out). */
export function numericStatistics(entries: ReadonlyArray<[string, AnyStatistics]>): Array<[string, MetricStatistics]> {
  return entries.filter((e): e is [string, MetricStatistics] => !('unit' in e[1]));
}

export interface MetricAccumulatorData {
  /** Present and true for a date (values in minutes since 1970) and for a metric inside a list. */
  date?: true;
  listed?: true;
  n: number;
  sum: number[];
  sumSquares: number[];
  min: number;
  max: number;
  values: QuantileStoreData;
}

/**
 * One metric across replications, in memory that does not grow with their number: exact sums of
 * the values and of their squares, the extremes, and a quantile store. Every part is a function of
 * the multiset of values only, so any split into workers or shards merges to the same state.
 */
export class MetricAccumulator {
  n = 0;
  /** Values are dates, in minutes since 1970 (UTC). */
  date = false;
  /** The metric is inside a list of the report (a run, a month), not one of its scalars. */
  listed = false;
  min = Infinity;
  max = -Infinity;
  private readonly sum = new ExactSum();
  private readonly sumSquares = new ExactSum();
  private values: QuantileStore;

  /** `countValues: false`: a worker's block, whose values the main thread counts (see QuantileStore). */
  constructor(countValues = true) {
    this.values = new QuantileStore(countValues);
  }

  add(value: number): void {
    // -0 becomes 0: JSON (partials, reports) cannot tell them apart, so neither may the statistics.
    const x = value === 0 ? 0 : value;
    this.n += 1;
    this.sum.add(x);
    this.sumSquares.addSquare(x);
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    this.values.add(x);
  }

  merge(other: MetricAccumulator): void {
    this.date ||= other.date;
    this.listed ||= other.listed;
    this.n += other.n;
    this.sum.addSum(other.sum);
    this.sumSquares.addSum(other.sumSquares);
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
    this.values.merge(other.values);
  }

  /** The same as merge(MetricAccumulator.fromData(data)), without building it. */
  mergeData(data: MetricAccumulatorData): void {
    this.date ||= data.date === true;
    this.listed ||= data.listed === true;
    this.n += data.n;
    for (const x of data.sum) this.sum.add(x);
    for (const x of data.sumSquares) this.sumSquares.add(x);
    this.min = Math.min(this.min, data.min);
    this.max = Math.max(this.max, data.max);
    this.values.mergeData(data.values);
  }

  statistics(): MetricStatistics {
    const n = this.n;
    const mean = this.sum.value() / n;
    const variance = n > 1 ? Math.max(0, scaledVariance(n, this.sum, this.sumSquares)) / (n * (n - 1)) : null;
    const sd = variance === null ? null : Math.sqrt(variance);
    const half = sd === null ? null : (studentT975(n - 1) * sd) / Math.sqrt(n);
    // A sketch's estimate can fall a hair outside the data; the extremes are known exactly.
    const quantile = (q: number) => Math.min(this.max, Math.max(this.min, this.values.quantile(q, n)));
    return {
      n,
      mean,
      sd,
      min: this.min,
      p5: quantile(0.05),
      p50: quantile(0.5),
      p95: quantile(0.95),
      max: this.max,
      ci95Low: half === null ? null : mean - half,
      ci95High: half === null ? null : mean + half,
    };
  }

  /** The statistics as dates when the values are dates, else as numbers. */
  describe(): AnyStatistics {
    const s = this.statistics();
    if (!this.date) return s;
    const at = (minutes: number) => formatIsoMinutes(Math.round(minutes));
    return {
      n: s.n,
      unit: 'date',
      mean: at(s.mean),
      sd: s.sd === null ? null : s.sd / (24 * 60),
      min: at(s.min),
      p5: at(s.p5),
      p50: at(s.p50),
      p95: at(s.p95),
      max: at(s.max),
      ci95Low: s.ci95Low === null ? null : at(s.ci95Low),
      ci95High: s.ci95High === null ? null : at(s.ci95High),
    };
  }

  toData(): MetricAccumulatorData {
    return { ...(this.date ? { date: true as const } : {}), ...(this.listed ? { listed: true as const } : {}), n: this.n, sum: [...this.sum.partials], sumSquares: [...this.sumSquares.partials], min: this.min, max: this.max, values: this.values.toData() };
  }

  static fromData(data: MetricAccumulatorData): MetricAccumulator {
    const m = new MetricAccumulator();
    m.date = data.date === true;
    m.listed = data.listed === true;
    m.n = data.n;
    for (const x of data.sum) m.sum.partials.push(x);
    for (const x of data.sumSquares) m.sumSquares.partials.push(x);
    m.min = data.min;
    m.max = data.max;
    m.values = QuantileStore.fromData(data.values);
    return m;
  }
}
