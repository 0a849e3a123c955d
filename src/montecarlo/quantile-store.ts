import { DDSketch } from '@datadog/sketches-js';

/**
 * Up to this many distinct values a metric's quantiles are exact; past it they come from a
 * DDSketch. Many metrics take few distinct values (counts, constants, capped fractions), and with a
 * few hundred replications every metric stays exact. 1,024 values x a few hundred metrics is a few
 * MB: memory stays flat as replications grow.
 */
export const exactDistinctLimit = 1024;

/**
 * DDSketch's relative accuracy: a reported quantile q is within 0.5% of a value whose rank is
 * the requested one. Bucket counts are integers that add exactly, so a sketch merged from shards
 * is the sketch of the whole set, whatever the split (Masson, Rim and Lee, VLDB 2019).
 */
export const sketchRelativeAccuracy = 0.005;

export interface QuantileStoreData {
  /** [value, count] pairs while exact, in first-seen order. */
  exact?: Array<[number, number]>;
  /** A block's values, uncounted, in arrival order (see QuantileStore's `counted`). */
  list?: number[];
  /** Sketch bins while approximate: [key, count] for positive and negative values, and zeros. */
  sketch?: { positive: Array<[number, number]>; negative: Array<[number, number]>; zeros: number };
}

/**
 * The distribution of one metric across replications, for p5 / p50 / p95: exact counts of
 * distinct values until there are too many, then a DDSketch. The state after adding a multiset of
 * values does not depend on the order in which they came, nor on how they were split and merged.
 */
export class QuantileStore {
  private exact: Map<number, number> | null = new Map();
  private sketch: DDSketch | null = null;
  /** While uncounted: the values as they came. */
  private list: number[] | null;

  /**
   * `counted: false` keeps the values in a list, uncounted, for a block of replications that a
   * worker sends to the main thread: the main thread counts them into its own store in the same
   * order (its state is the same as if the block had counted them), so counting them in the
   * worker too was work done twice. A block is bounded (see replicate.ts's blockSize), so the
   * list is.
   */
  constructor(counted = true) {
    this.list = counted ? null : [];
  }

  add(value: number, count = 1): void {
    if (this.list) {
      for (let k = 0; k < count; k += 1) this.list.push(value);
    } else if (this.exact) {
      this.exact.set(value, (this.exact.get(value) ?? 0) + count);
      if (this.exact.size > exactDistinctLimit) this.toSketch();
    } else {
      (this.sketch as DDSketch).accept(value, count);
    }
  }

  merge(other: QuantileStore): void {
    if (other.list) for (const value of other.list) this.add(value);
    else if (other.exact) for (const [value, count] of other.exact) this.add(value, count);
    else {
      this.count();
      if (this.exact) this.toSketch();
      mergeSketch(this.sketch as DDSketch, other.sketch as DDSketch);
    }
  }

  /** The same as merge(QuantileStore.fromData(data)): exact pairs are added as they come, without a copy. */
  mergeData(data: QuantileStoreData): void {
    if (data.list) for (const value of data.list) this.add(value);
    else if (data.exact) for (const [value, count] of data.exact) this.add(value, count);
    else this.merge(QuantileStore.fromData(data));
  }

  /** Whether the quantiles are exact (an uncounted store counts its values first). */
  get isExact(): boolean {
    this.count();
    return this.exact !== null;
  }

  /**
   * The q-quantile by simple-statistics' rule (quantileSorted, NumPy's default "linear", type 7):
   * at position (n - 1) q, interpolated between neighbours. From a sketch: its estimate at q.
   */
  quantile(q: number, n: number): number {
    this.count();
    if (!this.exact) return (this.sketch as DDSketch).getValueAtQuantile(q);
    const sorted = [...this.exact].sort((a, b) => a[0] - b[0]);
    const at = (rank: number): number => {
      let seen = 0;
      for (const [value, count] of sorted) {
        seen += count;
        if (rank < seen) return value;
      }
      return (sorted[sorted.length - 1] as [number, number])[0];
    };
    const idx = (n - 1) * q;
    if (q === 1) return at(n - 1);
    if (q === 0) return at(0);
    if (idx % 1 === 0) return at(idx);
    const lower = at(Math.floor(idx));
    return lower + (idx - Math.floor(idx)) * (at(Math.ceil(idx)) - lower);
  }

  toData(): QuantileStoreData {
    if (this.list) return { list: this.list };
    if (this.exact) return { exact: [...this.exact] };
    const s = this.sketch as DDSketch;
    return { sketch: { positive: bins(s.store), negative: bins(s.negativeStore), zeros: s.zeroCount } };
  }

  static fromData(data: QuantileStoreData): QuantileStore {
    const store = new QuantileStore();
    if (data.list) for (const value of data.list) store.add(value);
    else if (data.exact) for (const [value, count] of data.exact) store.add(value, count);
    else if (data.sketch) {
      const s = newSketch();
      for (const [key, count] of data.sketch.positive) s.store.add(key, count);
      for (const [key, count] of data.sketch.negative) s.negativeStore.add(key, count);
      s.zeroCount = data.sketch.zeros;
      s.count = s.store.count + s.negativeStore.count + s.zeroCount;
      store.exact = null;
      store.sketch = s;
    }
    return store;
  }

  /** Count an uncounted store's values, to answer from it. */
  private count(): void {
    const list = this.list;
    if (!list) return;
    this.list = null;
    for (const value of list) this.add(value);
  }

  private toSketch(): void {
    const s = newSketch();
    // Ascending values: the sketch's bins hold counts only, so the order cannot matter; sorting
    // keeps even its float bookkeeping (sum) independent of arrival order.
    for (const [value, count] of [...(this.exact ?? [])].sort((a, b) => a[0] - b[0])) s.accept(value, count);
    this.exact = null;
    this.sketch = s;
  }
}

/**
 * Adds the bins of `from` into `into`. Written out because DDSketch.merge (2.1.1) leaves the
 * negative store behind.
 */
function mergeSketch(into: DDSketch, from: DDSketch): void {
  into.store.merge(from.store);
  into.negativeStore.merge(from.negativeStore);
  into.zeroCount += from.zeroCount;
  into.count += from.count;
}

function newSketch(): DDSketch {
  return new DDSketch({ relativeAccuracy: sketchRelativeAccuracy });
}

function bins(store: DDSketch['store']): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  store.bins.forEach((count, i) => {
    if (count > 0) out.push([i + store.offset, count]);
  });
  return out;
}
