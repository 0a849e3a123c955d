import { sampleRankCorrelation } from 'simple-statistics';
import type { InputDescription } from '../scenario/uncertainty.js';

/** How much of a difference's spread one uncertain input explains. */
export interface InputShare {
  path: string;
  /** Spearman's rank correlation of the input's draws with the difference; null when either never varied. */
  rankCorrelation: number | null;
  /** rankCorrelation squared: the share of the variance of the difference's ranks a monotone relation to this input alone explains. */
  varianceShare: number | null;
}

/**
 * The uncertain inputs ranked by the share of the variance of a paired difference each explains,
 * estimated from the replications themselves: the squared Spearman rank correlation between the
 * input's draw and the difference, replication by replication (rank-based importance for
 * monotone models: Saltelli, Chan and Scott 2000, "Sensitivity Analysis", ch. 6; Helton and
 * Davis 2003, Reliability Engineering and System Safety 81, 23-69). Ranks of ties are their mean
 * (simple-statistics' sampleRankCorrelation). Largest share first; those without one last.
 */
export function rankInputs(inputs: readonly InputDescription[], draws: ReadonlyArray<readonly number[]>, differences: readonly number[]): InputShare[] {
  return inputs
    .map((input, j) => {
      const x = draws.map((d) => d[j] as number);
      const rho = differences.length > 2 ? sampleRankCorrelation(x, [...differences]) : NaN;
      const rankCorrelation = Number.isFinite(rho) ? rho : null;
      return { path: input.path, rankCorrelation, varianceShare: rankCorrelation === null ? null : rankCorrelation * rankCorrelation };
    })
    .sort((a, b) => (b.varianceShare ?? -1) - (a.varianceShare ?? -1) || a.path.localeCompare(b.path));
}
