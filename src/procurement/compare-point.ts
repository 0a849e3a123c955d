import type { BlockRunner } from '../montecarlo/pool.js';
import { MetricAccumulator, type AnyStatistics } from '../montecarlo/metric-accumulator.js';
import { itemSegment } from '../reports/metric-path.js';
import type { ProcurementOption } from './option.js';
import type { OptionsModel } from './options-model.js';
import { probabilityCheapest } from './paired-stats.js';
import { replicateOptions } from './replicate-options.js';
import { resolveOptions } from './resolve-options.js';
import { selected } from '../montecarlo/report.js';
import type { Setting } from '../montecarlo/setting.js';
import type { SweepPointResult } from '../montecarlo/sweep-report.js';
import type { LoadedScenario } from '../scenario/load.js';
import type { Provenance } from '../reports/summary.js';
import { checkMetrics, unmatchedMetrics } from '../montecarlo/check-metrics.js';
import { ScenarioError } from '../errors.js';

/** The statistics a point of `capsim sweep --compare` gives for each option, after `options.<name>.`. */
export const comparePointFields = ['npvUsd', 'totalCostUsd', 'npvDifferenceUsd', 'cheapest', 'deliveredShare'] as const;

/** The metric names of a compare point, option by option. */
export function comparePointMetrics(options: readonly Pick<ProcurementOption, 'name'>[]): string[] {
  return options.flatMap((o) => comparePointFields.map((f) => `options${itemSegment(o, 0)}.${f}`));
}

/**
 * One point of a sweep of the decision: every option over the same replications (common random
 * numbers), with the statistics of each option's NPV and nominal cost, its paired NPV difference
 * from the first option, `cheapest` (1 in a replication where it delivered all the work at the
 * least NPV, ties shared, else 0: its mean is P(cheapest)) and the share of the work delivered.
 */
export async function comparePoint(model: OptionsModel, run: { seed: number; replications: number }, runner: BlockRunner, onProgress?: (done: number) => void): Promise<Record<string, AnyStatistics>> {
  const reps = await replicateOptions(model, run, runner, (done) => onProgress?.(done));
  const metrics = new Map(comparePointMetrics(model.options).map((name) => [name, new MetricAccumulator()]));
  const add = (option: ProcurementOption, field: (typeof comparePointFields)[number], value: number) => metrics.get(`options${itemSegment(option, 0)}.${field}`)?.add(value);
  for (const { results } of reps) {
    const wins = probabilityCheapest(results.map((x) => [x.deliveredAll ? x.npvUsd : Infinity]));
    model.options.forEach((option, i) => {
      const x = results[i];
      if (!x) return;
      add(option, 'npvUsd', x.npvUsd);
      add(option, 'totalCostUsd', x.totalCostUsd);
      add(option, 'npvDifferenceUsd', x.npvUsd - (results[0]?.npvUsd ?? 0));
      add(option, 'cheapest', wins[i] ?? 0);
      add(option, 'deliveredShare', x.workFlop > 0 ? x.deliveredFlop / x.workFlop : 1);
    });
  }
  return Object.fromEntries([...metrics].map(([name, m]) => [name, m.describe()]));
}

/** A sweep point of `--compare`: its loaded scenario's options compared, as a sweep row (`--metric` selects among them). */
export async function runComparePoint(
  at: { point: number; settings: Setting[]; loaded: Pick<LoadedScenario, 'scenario' | 'written' | 'uncertainty' | 'files'> },
  run: { seed: number; replications: number; include: readonly string[] },
  runner: BlockRunner,
  onProgress?: (done: number) => void,
): Promise<SweepPointResult> {
  const { scenario, written, uncertainty, files } = at.loaded;
  const model: OptionsModel = { scenario, written, uncertainty, files, options: resolveOptions(written, scenario) };
  const statistics = await comparePoint(model, run, runner, onProgress);
  const kept = Object.entries(statistics).filter(([path]) => run.include.length === 0 || selected(path, run.include));
  return { point: at.point, settings: at.settings, replications: run.replications, statistics: Object.fromEntries(kept) };
}

/** A sweep's `--metric` list checked against what its points report (compare rows, or a run's metrics): ScenarioError when one matches nothing. */
export async function checkSweepMetrics(
  include: readonly string[],
  first: Pick<LoadedScenario, 'scenario' | 'written' | 'uncertainty'>,
  run: { seed: number; compare: boolean; provenance: Provenance },
  runner?: Pick<BlockRunner, 'run'>,
): Promise<void> {
  if (!run.compare) return checkMetrics(include, { scenario: first.scenario, seed: run.seed, provenance: run.provenance, uncertainty: first.uncertainty }, runner);
  const problems = unmatchedMetrics(include, comparePointMetrics(resolveOptions(first.written, first.scenario)));
  if (problems.length > 0) throw new ScenarioError(problems);
}
