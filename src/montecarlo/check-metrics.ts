import { distance } from 'fastest-levenshtein';
import { error, type Problem } from '../scenario/problems.js';
import { selected } from './report.js';
import { runBlock, type BlockTask } from './run-block.js';
import { SummaryAccumulator } from './summary-accumulator.js';
import { ScenarioError } from '../errors.js';

/**
 * A `--metric` that selects none of the metrics a report has: one problem each, with the closest
 * metric names (by edit distance, the three nearest), so a typo or an old name (`runs[1].ettr`
 * where runs are now named) is caught before anything is written.
 */
export function unmatchedMetrics(include: readonly string[], names: readonly string[]): Problem[] {
  return include
    .filter((p) => !names.some((name) => selected(name, [p])))
    .map((p) => {
      const nearest = [...names].sort((a, b) => distance(p, a) - distance(p, b) || a.localeCompare(b)).slice(0, 3);
      return error('unknown-metric', ['--metric'], `no metric matches "${p}"${nearest.length > 0 ? `; the closest are ${nearest.join(', ')}` : ''}`);
    });
}

/** The metric names a replication of this scenario reports (replication 0, simulated here). */
export function metricNames(task: Omit<BlockTask, 'from' | 'to'>): string[] {
  return SummaryAccumulator.fromData(runBlock({ ...task, from: 0, to: 1 }).accumulator).statistics().map(([path]) => path);
}

/** Throws ScenarioError (exit 2) when a `--metric` matches nothing a replication reports. */
export function checkMetrics(include: readonly string[], task: Omit<BlockTask, 'from' | 'to'>): void {
  if (include.length === 0) return;
  const problems = unmatchedMetrics(include, metricNames(task));
  if (problems.length > 0) throw new ScenarioError(problems);
}
