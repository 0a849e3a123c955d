/**
 * capsim as a library: the commands of the CLI as functions. Load a scenario (problems come back
 * as data), simulate one replication and summarise it to the report, run replications with
 * statistics, compare procurement options, sweep settings. Each returns the object the matching
 * command prints with `--format json`: the report types below are that JSON contract, and the
 * README defines every field.
 *
 *   const loaded = await loadScenario('scenarios/small.yaml');
 *   if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
 *   const report = summarize(simulate(loaded), loaded);
 */
export { loadScenario, type LoadOptions, type LoadResult, type LoadedScenario, type InvalidScenario, type ScenarioSource } from './api/load-scenario.js';
export { simulate, summarize, type SimulateOptions } from './api/simulate.js';
export { replicate, type ReplicateOptions } from './api/replicate.js';
export { compare, type CompareOptions } from './api/compare.js';
export { sweep, type SweepOptions } from './api/sweep.js';

export { formatProblem, formatPath, type Problem, type PathSegment } from './scenario/problems.js';
export { ScenarioError } from './errors.js';
export { scenarioJsonSchema } from './scenario/json-schema.js';

export type { Scenario } from './scenario/scenario.js';
export type { WrittenScenario } from './scenario/schema.js';
export type { RunRecord, RunOutcome } from './simulation/record.js';
export type { Summary } from './reports/summary.js';
export type { MonteCarloReport } from './montecarlo/report.js';
export type { MetricStatistics } from './montecarlo/metric-accumulator.js';
export type { Comparison } from './procurement/compare.js';
export type { SweepReport, SweepPointResult } from './montecarlo/sweep-report.js';
export type { Setting } from './montecarlo/setting.js';
