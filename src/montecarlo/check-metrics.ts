import { distance } from 'fastest-levenshtein';
import { error, type Problem } from '../scenario/problems.js';
import { selected } from './report.js';
import { runBlock, type BlockTask } from './run-block.js';
import type { BlockRunner } from './pool.js';
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

/** Replication 0 in this thread, for callers without a runner. */
const inThread: Pick<BlockRunner, 'run'> = { run: async (task) => runBlock(task) };

/**
 * The metric names a replication of this scenario reports: replication 0, simulated on `runner`
 * (the CLI's keeps its own thread free for Ctrl-C), or here.
 */
export async function metricNames(task: Omit<BlockTask, 'from' | 'to'>, runner: Pick<BlockRunner, 'run'> = inThread): Promise<string[]> {
  const { accumulator } = await runner.run({ ...task, from: 0, to: 1 });
  return SummaryAccumulator.fromData(accumulator).statistics().map(([path]) => path);
}

/** Throws ScenarioError (exit 2) when a `--metric` matches nothing a replication reports. */
export async function checkMetrics(include: readonly string[], task: Omit<BlockTask, 'from' | 'to'>, runner?: Pick<BlockRunner, 'run'>): Promise<void> {
  if (include.length === 0) return;
  const problems = unmatchedMetrics(include, await metricNames(task, runner));
  if (problems.length > 0) throw new ScenarioError(problems);
}
