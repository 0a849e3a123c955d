import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mean, quantile, sampleStandardDeviation } from 'simple-statistics';
import { MetricAccumulator } from '../../src/montecarlo/metric-accumulator.js';
import { exactDistinctLimit, sketchRelativeAccuracy } from '../../src/montecarlo/quantile-store.js';
import { createRng } from '../../src/random/rng.js';

const accumulate = (xs: number[]) => {
  const m = new MetricAccumulator();
  for (const x of xs) m.add(x);
  return m;
};

const value = fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double({ min: -1e9, max: 1e9, noNaN: true }));
// simple-statistics keeps -0 apart from 0, the accumulator does not (see the -0 test below).
const signedValue = value.map((x) => (x === 0 ? 0 : x));

describe('MetricAccumulator', () => {
  it('folds uncounted blocks into the same state as counting every value in one pass, past the exact limit too', () => {
    const rng = createRng(11, 0, 'uncounted-blocks');
    // Repeats, so that a value's later copies arrive after the store has turned into a sketch.
    const xs = Array.from({ length: 3 * exactDistinctLimit }, () => Math.round(rng() * 2 * exactDistinctLimit) / 8);
    const whole = accumulate(xs);
    const folded = new MetricAccumulator();
    for (let from = 0; from < xs.length; from += 250) {
      const block = new MetricAccumulator(false);
      for (const x of xs.slice(from, from + 250)) block.add(x);
      expect(block.toData().values.list).toHaveLength(Math.min(250, xs.length - from));
      folded.mergeData(block.toData());
    }
    expect(folded.toData()).toEqual(whole.toData());
    expect(folded.statistics()).toEqual(whole.statistics());
  });

  it('counts an uncounted store before merging a sketch into it', () => {
    const many = Array.from({ length: exactDistinctLimit + 10 }, (_, i) => i + 0.5);
    const block = new MetricAccumulator(false);
    const counted = new MetricAccumulator();
    for (const x of [1, 2, 2, 3]) {
      block.add(x);
      counted.add(x);
    }
    block.merge(accumulate(many));
    counted.merge(accumulate(many));
    expect(block.toData()).toEqual(counted.toData());
  });

  it('answers from an uncounted store as from a counted one', () => {
    const xs = [3, 1, 4, 1, 5, 9, 2, 6];
    const block = new MetricAccumulator(false);
    for (const x of xs) block.add(x);
    expect(block.statistics()).toEqual(accumulate(xs).statistics());
  });

  it('reports the mean, standard deviation and quantiles of simple-statistics while values are few', () => {
    fc.assert(
      fc.property(fc.array(signedValue, { minLength: 2, maxLength: 60 }), (xs) => {
        const s = accumulate(xs).statistics();
        expect(s.n).toBe(xs.length);
        expect(s.mean).toBeCloseTo(mean(xs), 3);
        expect(s.sd as number).toBeCloseTo(sampleStandardDeviation(xs), 3);
        expect(s.p5).toBe(quantile(xs, 0.05));
        expect(s.p50).toBe(quantile(xs, 0.5));
        expect(s.p95).toBe(quantile(xs, 0.95));
        expect(s.min).toBe(Math.min(...xs));
        expect(s.max).toBe(Math.max(...xs));
      }),
    );
  });

  it('gives identical statistics however the values are split into merged parts', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 80 }), fc.array(fc.nat(), { maxLength: 4 }), (xs, cuts) => {
        const bounds = [0, ...cuts.map((c) => c % (xs.length + 1)).sort((a, b) => a - b), xs.length];
        const merged = new MetricAccumulator();
        for (let i = 0; i + 1 < bounds.length; i += 1) {
          const part = accumulate(xs.slice(bounds[i], bounds[i + 1]));
          if (part.n > 0) merged.merge(MetricAccumulator.fromData(JSON.parse(JSON.stringify(part.toData()))));
        }
        expect(merged.statistics()).toEqual(accumulate(xs).statistics());
      }),
    );
  });

  it('switches to a sketch past the distinct-value limit, staying within its relative accuracy and independent of the split', () => {
    const rng = createRng(1, 0, 'test:sketch');
    const xs = Array.from({ length: 3 * exactDistinctLimit }, () => 1000 * Math.exp(3 * rng()));
    const whole = accumulate(xs).statistics();
    const merged = accumulate(xs.slice(0, 500));
    merged.merge(accumulate(xs.slice(500)));
    expect(merged.statistics()).toEqual(whole);
    // Through JSON, as shards' partial results travel: a sketch on each side of the merge.
    const viaJson = (m: MetricAccumulator) => MetricAccumulator.fromData(JSON.parse(JSON.stringify(m.toData())));
    const shards = viaJson(accumulate(xs.slice(0, 1500)));
    shards.merge(viaJson(accumulate(xs.slice(1500))));
    expect(shards.statistics()).toEqual(whole);
    for (const [q, got] of [[0.05, whole.p5], [0.5, whole.p50], [0.95, whole.p95]] as const) {
      const truth = quantile(xs, q);
      // The sketch answers within its relative accuracy of the value at rank (n - 1) q; neighbouring ranks differ by far less.
      expect(Math.abs(got - truth) / truth).toBeLessThan(2 * sketchRelativeAccuracy);
    }
  });

  it('folds data in place to the very state that merging the accumulator rebuilt from it gives, exact or sketched', () => {
    const rng = createRng(1, 0, 'test:merge-data');
    const xs = Array.from({ length: 3 * exactDistinctLimit }, () => 1000 * Math.exp(3 * rng()));
    // Exact into exact, exact into a sketch, a sketch into a sketch, a sketch into exact.
    for (const [head, tail] of [[40, 90], [1500, 1600], [1500, 3000], [40, 2000]] as const) {
      const data = JSON.parse(JSON.stringify(accumulate(xs.slice(head, tail)).toData()));
      const rebuilt = accumulate(xs.slice(0, head));
      rebuilt.merge(MetricAccumulator.fromData(data));
      const inPlace = accumulate(xs.slice(0, head));
      inPlace.mergeData(data);
      expect(JSON.stringify(inPlace.toData())).toBe(JSON.stringify(rebuilt.toData()));
      expect(inPlace.statistics()).toEqual(accumulate(xs.slice(0, tail)).statistics());
    }
  });

  it('counts -0 as 0, which is all that JSON partial results can carry', () => {
    const s = accumulate([-0]).statistics();
    expect(Object.is(s.mean, 0) && Object.is(s.min, 0) && Object.is(s.p50, 0)).toBe(true);
  });

  it('reports no standard deviation or interval from a single value', () => {
    const s = accumulate([3]).statistics();
    expect(s).toMatchObject({ n: 1, mean: 3, sd: null, ci95Low: null, ci95High: null, p5: 3, p50: 3, p95: 3 });
  });

  it("its 95% interval covers a known mean in about 95% of repeated experiments (binomial tolerance)", () => {
    // 1,000 experiments of 12 uniform draws on [0, 10): the true mean is 5. Coverage is binomial
    // (1000, 0.95): mean 950, sd 6.9; 4 sd either side leaves a false alarm about 1 in 15,000.
    const rng = createRng(7, 0, 'test:coverage');
    let covered = 0;
    const experiments = 1000;
    for (let e = 0; e < experiments; e += 1) {
      const s = accumulate(Array.from({ length: 12 }, () => 10 * rng())).statistics();
      if ((s.ci95Low as number) <= 5 && 5 <= (s.ci95High as number)) covered += 1;
    }
    const sd = Math.sqrt(experiments * 0.95 * 0.05);
    expect(covered).toBeGreaterThan(950 - 4 * sd);
    expect(covered).toBeLessThan(950 + 4 * sd);
  });

  it('an interval from the normal quantile instead of Student t would cover too rarely with 4 draws', () => {
    // Guards the coverage test's power: with n = 4, mean +/- 1.96 sd/sqrt(n) covers about 83%.
    const rng = createRng(8, 0, 'test:coverage-z');
    let coveredT = 0;
    let coveredZ = 0;
    for (let e = 0; e < 1000; e += 1) {
      const s = accumulate(Array.from({ length: 4 }, () => 10 * rng())).statistics();
      if ((s.ci95Low as number) <= 5 && 5 <= (s.ci95High as number)) coveredT += 1;
      const half = (1.96 * (s.sd as number)) / 2;
      if (s.mean - half <= 5 && 5 <= s.mean + half) coveredZ += 1;
    }
    expect(coveredT).toBeGreaterThan(922);
    expect(coveredZ).toBeLessThan(900);
  });
});
