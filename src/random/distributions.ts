import { probit } from 'simple-statistics';
import type { Rng } from './rng.js';

/**
 * A named distribution of a non-negative quantity. The unit lives in the key that holds it
 * (`repairHours`, `durationHours`), so the fields here carry none.
 */
export type Distribution =
  | { distribution: 'fixed'; value: number }
  | { distribution: 'uniform'; min: number; max: number }
  | { distribution: 'exponential'; mean: number }
  | { distribution: 'lognormal'; median: number; p95: number }
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
  switch (d.distribution) {
    case 'fixed':
      return () => d.value;
    case 'uniform':
      return (rng) => d.min + rng() * (d.max - d.min);
    case 'exponential':
      return (rng) => -Math.log(1 - rng()) * d.mean;
    case 'lognormal': {
      const mu = Math.log(d.median);
      const sigma = lognormalSigma(d.median, d.p95);
      return (rng) => Math.exp(mu + sigma * probit(clampOpen(rng())));
    }
    case 'empirical': {
      const cumulative = cumulativeWeights(d.values.length, d.weights);
      const total = cumulative[cumulative.length - 1] ?? 1;
      return (rng) => {
        const u = rng() * total;
        const i = cumulative.findIndex((c) => u < c);
        return d.values[i === -1 ? d.values.length - 1 : i] ?? 0;
      };
    }
  }
}

export function distributionMean(d: Distribution): number {
  switch (d.distribution) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
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

function cumulativeWeights(n: number, weights: number[] | undefined): number[] {
  const out: number[] = [];
  let running = 0;
  for (let i = 0; i < n; i++) {
    running += weights?.[i] ?? 1;
    out.push(running);
  }
  return out;
}

// probit(0) is -Infinity; alea can return exactly 0.
function clampOpen(u: number): number {
  return Math.min(Math.max(u, 1e-12), 1 - 1e-12);
}
