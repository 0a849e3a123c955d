import { createRequire } from 'node:module';
import type jstat from 'jstat';
import { probit } from 'simple-statistics';
import { normalQuantile } from './normal-quantile.js';
import type { Rng } from './rng.js';

/**
 * A named distribution of a non-negative quantity. The unit lives in the key that holds it
 * (`repairHours`, `durationHours`), so the fields here carry none. A lognormal may be truncated
 * to [min, max] (either bound optional).
 */
export type Distribution =
  | { distribution: 'fixed'; value: number }
  | { distribution: 'uniform'; min: number; max: number }
  | { distribution: 'triangular'; min: number; mode: number; max: number }
  | { distribution: 'exponential'; mean: number }
  | { distribution: 'lognormal'; median: number; p95: number; min?: number | undefined; max?: number | undefined }
  | { distribution: 'empirical'; values: number[]; weights?: number[] | undefined };

export type Sampler = (rng: Rng) => number;

const z95 = probit(0.95);

/** sigma of a lognormal whose median and 95th percentile are given. */
export function lognormalSigma(median: number, p95: number): number {
  return Math.log(p95 / median) / z95;
}

/**
 * One uniform draw per sample (inverse transform), so two options that share a stream stay
 * paired draw for draw (common random numbers).
 */
export function createSampler(d: Distribution): Sampler {
  // A fixed value takes no draw: the stream's later draws stay where they were.
  if (d.distribution === 'fixed') return () => d.value;
  if (d.distribution === 'empirical') {
    // The cumulative weights are built once per sampler, not per draw.
    const cumulative = cumulativeWeights(d.values.length, d.weights);
    return (rng) => empiricalAt(d.values, cumulative, rng());
  }
  // A lognormal's parameters and truncation bounds are worked out once per sampler, not per draw
  // (two normal CDFs and two logarithms each time were a tenth of a replication's cost).
  if (d.distribution === 'lognormal') {
    // Untruncated (repair and restart times): one closure with the clamp written in, as
    // lognormalQuantile's, so that a draw crosses one call fewer. Each call that returns a
    // fraction boxes it, and repairs are drawn at every hardware failure.
    if (d.min === undefined && d.max === undefined) {
      const mu = Math.log(d.median);
      const sigma = lognormalSigma(d.median, d.p95);
      return (rng) => Math.exp(mu + sigma * normalQuantile(Math.min(Math.max(rng(), lowestDraw), highestDraw)));
    }
    const at = lognormalQuantile(d);
    return (rng) => at(rng());
  }
  return (rng) => quantile(d, rng());
}

/**
 * The inverse distribution function at u in [0, 1): the value a uniform draw u maps to. Monotone
 * in u, so a higher draw never gives a lower value. The lognormal's draw is clamped to
 * [1e-12, 1 - 1e-12] (its quantile is infinite at 0 and 1).
 */
export function quantile(d: Distribution, u: number): number {
  switch (d.distribution) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return d.min + u * (d.max - d.min);
    case 'triangular':
      return triangularQuantile(d.min, d.mode, d.max, u);
    case 'exponential':
      return -Math.log(1 - u) * d.mean;
    case 'lognormal':
      return lognormalQuantile(d)(u);
    case 'empirical':
      return empiricalAt(d.values, cumulativeWeights(d.values.length, d.weights), u);
  }
}

/** The highest draw `boundedQuantile` takes: 1 - 1e-12 (the exponential's tail is cut there). */
export const highestDraw = 1 - 1e-12;

/**
 * The quantile with u clamped to [0, 1 - 1e-12]: every value a draw can give then lies between
 * the quantiles at 0 and at 1 - 1e-12, finite for every distribution (an exponential reaches
 * 27.6 x its mean, a lognormal its median x (p95 / median)^4.3), so a range can be checked once.
 */
export function boundedQuantile(d: Distribution, u: number): number {
  return quantile(d, Math.min(u, highestDraw));
}

/** Bounds of every value `boundedQuantile` can give: a bounded distribution's own, else its quantiles at 0 and 1 - 1e-12. */
export function support(d: Distribution): [number, number] {
  switch (d.distribution) {
    case 'fixed':
      return [d.value, d.value];
    case 'uniform':
    case 'triangular':
      return [d.min, d.max];
    case 'empirical': {
      const kept = d.values.filter((_, i) => (d.weights?.[i] ?? 1) > 0);
      return [kept.reduce((m, x) => Math.min(m, x), Infinity), kept.reduce((m, x) => Math.max(m, x), -Infinity)];
    }
    default:
      return [boundedQuantile(d, 0), boundedQuantile(d, highestDraw)];
  }
}

export function distributionMean(d: Distribution): number {
  switch (d.distribution) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
    case 'exponential':
      return d.mean;
    case 'lognormal': {
      const sigma = lognormalSigma(d.median, d.p95);
      return d.median * Math.exp((sigma * sigma) / 2);
    }
    case 'empirical': {
      const weights = d.weights ?? d.values.map(() => 1);
      const total = weights.reduce((a, b) => a + b, 0);
      return d.values.reduce((sum, v, i) => sum + v * (weights[i] ?? 0), 0) / total;
    }
  }
}

/** The distribution of k x X for k > 0: every value, bound and percentile multiplied by k. */
export function scaleDistribution(d: Distribution, k: number): Distribution {
  switch (d.distribution) {
    case 'fixed':
      return { ...d, value: d.value * k };
    case 'uniform':
      return { ...d, min: d.min * k, max: d.max * k };
    case 'triangular':
      return { ...d, min: d.min * k, mode: d.mode * k, max: d.max * k };
    case 'exponential':
      return { ...d, mean: d.mean * k };
    case 'lognormal':
      return { ...d, median: d.median * k, p95: d.p95 * k, ...(d.min === undefined ? {} : { min: d.min * k }), ...(d.max === undefined ? {} : { max: d.max * k }) };
    case 'empirical':
      return { ...d, values: d.values.map((v) => v * k) };
  }
}

/** Inverse of the triangular distribution function (min <= mode <= max). */
function triangularQuantile(min: number, mode: number, max: number, u: number): number {
  if (max === min) return min;
  const split = (mode - min) / (max - min);
  return u < split ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}

/**
 * A lognormal's quantile function; truncated to [min, max], u is mapped onto the probabilities
 * between the bounds first (inverse transform of the truncated distribution).
 */
function lognormalQuantile(d: Extract<Distribution, { distribution: 'lognormal' }>): (u: number) => number {
  const mu = Math.log(d.median);
  const sigma = lognormalSigma(d.median, d.p95);
  if (d.min === undefined && d.max === undefined) return (u) => Math.exp(mu + sigma * probit(clampOpen(u)));
  const cdf = (x: number) => (sigma === 0 ? (x >= d.median ? 1 : 0) : loadJstat().jStat.normal.cdf(Math.log(x), mu, sigma));
  const low = d.min === undefined || d.min <= 0 ? 0 : cdf(d.min);
  const high = d.max === undefined ? 1 : cdf(d.max);
  const min = d.min ?? 0;
  const max = d.max ?? Infinity;
  return (u) => Math.min(max, Math.max(min, Math.exp(mu + sigma * probit(clampOpen(low + u * (high - low))))));
}

function empiricalAt(values: readonly number[], cumulative: readonly number[], u: number): number {
  const total = cumulative[cumulative.length - 1] ?? 1;
  const target = u * total;
  const i = cumulative.findIndex((c) => target < c);
  return values[i === -1 ? values.length - 1 : i] ?? 0;
}

function cumulativeWeights(n: number, weights: number[] | undefined): number[] {
  const out: number[] = [];
  let running = 0;
  for (let i = 0; i < n; i++) {
    running += weights?.[i] ?? 1;
    out.push(running);
  }
  return out;
}

/**
 * jstat (CommonJS, 150 KB) is needed only for a lognormal with bounds: it loads at the first one
 * rather than in every thread that imports this module (about 8 ms of CPU each).
 */
let jstatModule: typeof jstat | undefined;
function loadJstat(): typeof jstat {
  return (jstatModule ??= createRequire(import.meta.url)('jstat') as typeof jstat);
}

/** The lowest draw a lognormal takes: probit(0) is -Infinity, and alea can return exactly 0. */
const lowestDraw = 1e-12;

function clampOpen(u: number): number {
  return Math.min(Math.max(u, lowestDraw), highestDraw);
}
