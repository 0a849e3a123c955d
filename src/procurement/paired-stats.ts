import { mean, min, sampleStandardDeviation } from 'simple-statistics';
import { studentT975 } from '../montecarlo/student-t.js';

export interface PairedDifference {
  /** Mean over replications of (option - baseline), same seed and replication on both sides. */
  meanUsd: number;
  /** 95% confidence interval of the mean difference (Student t); null with one replication. */
  ci95Usd: [number, number] | null;
  replications: number;
}

/**
 * The paired difference of two options' costs over the same replications. Pairing cancels the
 * variation the options share (the same failures strike the same runs), so the interval is far
 * tighter than that of two independent means.
 */
export function pairedDifference(option: readonly number[], baseline: readonly number[]): PairedDifference {
  if (option.length !== baseline.length || option.length === 0) {
    throw new Error(`paired difference requires two equal, non-empty samples, found ${option.length} and ${baseline.length}`);
  }
  const diffs = option.map((v, i) => v - (baseline[i] ?? 0));
  const m = mean(diffs);
  if (diffs.length < 2) return { meanUsd: m, ci95Usd: null, replications: diffs.length };
  const half = (studentT975(diffs.length - 1) * sampleStandardDeviation(diffs)) / Math.sqrt(diffs.length);
  return { meanUsd: m, ci95Usd: [m - half, m + half], replications: diffs.length };
}

/**
 * For each option, the share of replications in which it is the cheapest; an exact tie splits the
 * replication evenly among the tied options. An infinite cost cannot win (compare gives it to an
 * option that left work undone): a replication in which no option has a finite cost has no winner.
 */
export function probabilityCheapest(costsByOption: ReadonlyArray<readonly number[]>): number[] {
  const n = costsByOption[0]?.length ?? 0;
  const wins = costsByOption.map(() => 0);
  for (let r = 0; r < n; r++) {
    const costs = costsByOption.map((c) => c[r] ?? Infinity);
    const least = min(costs);
    if (least === Infinity) continue;
    const tied = costs.flatMap((c, i) => (c === least ? [i] : []));
    for (const i of tied) wins[i] = (wins[i] ?? 0) + 1 / tied.length;
  }
  return wins.map((w) => (n === 0 ? 0 : w / n));
}
