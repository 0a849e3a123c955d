import { ScenarioError } from '../errors.js';
import { error } from '../scenario/problems.js';
import { loadedHash } from '../scenario/hash.js';
import { applySettings, applySettingsToData } from '../montecarlo/apply-settings.js';
import { loadSweepPoints } from '../montecarlo/load-sweep-points.js';
import { runSweepPoint } from '../montecarlo/run-sweep-point.js';
import { parseKeyPath, type Range, type Setting } from '../montecarlo/setting.js';
import { sweepPoints } from '../montecarlo/sweep-points.js';
import { sweepHeader, sweepResult, type SweepPointResult, type SweepReport } from '../montecarlo/sweep-report.js';
import { checkSweepMetrics, runComparePoint } from '../procurement/compare-point.js';
import { describeInputs } from '../scenario/uncertainty.js';
import { capsimVersion } from '../cli/version.js';
import { loadSource, type LoadedScenario } from './load-scenario.js';
import { withRunner } from './replicate.js';
import { checkCount } from './check-count.js';

export interface SweepOptions {
  /** The grid: each key path and the values it takes (every combination; the first key varies slowest). */
  set?: Record<string, unknown[]>;
  /** Key paths and their [min, max] for a Latin hypercube of `lhs` points; whole bounds give whole values. */
  ranges?: Record<string, [number, number]>;
  lhs?: number;
  /** Replications at each point (default 100, as the CLI). */
  replications?: number;
  /** Root seed (default: the scenario's); every point uses it (common random numbers). */
  seed?: number;
  /** Worker threads (default 1: this thread). */
  workers?: number;
  /** The metrics in each point's statistics (default: those without a list index). */
  metrics?: string[];
  /** At every point, compare the procurement options instead (each option's NPV statistics, P(cheapest), paired differences). */
  compare?: boolean;
  /** Called as replications finish, with (done, total) over the whole sweep. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * The scenario at every point of a grid (and/or Latin hypercube) of settings, with replications
 * at each: what `capsim sweep --format json` prints. Every point is loaded like the scenario (its
 * keys set in its source) and validated before any runs; a point that is not valid, or a key path
 * or range that cannot be used, throws ScenarioError with every problem.
 */
export async function sweep(loaded: LoadedScenario, options: SweepOptions): Promise<SweepReport> {
  const grid = Object.entries(options.set ?? {}).map(([path, values]) => ({ path, values }));
  const ranges: Range[] = Object.entries(options.ranges ?? {}).map(([path, [min, max]]) => ({ path, min, max, integer: Number.isInteger(min) && Number.isInteger(max) }));
  checkAxes(grid, ranges, options.lhs);
  const replications = checkCount('replications', options.replications ?? 100);
  const seed = options.seed ?? loaded.scenario.seed;
  const settings = sweepPoints(grid, ranges, options.lhs ?? 0, seed);
  const scenarios = await loadSweepPoints(settings, (s) =>
    loadSource(loaded.source, { strict: loaded.strict, editText: (text) => applySettings(text, s), editData: (data) => applySettingsToData(data, s) }),
  );
  const header = sweepHeader({ version: capsimVersion(), scenarioHash: loadedHash(loaded), seed, replications }, loaded.scenario.name, [...grid, ...ranges], describeInputs(loaded.uncertainty));
  const first = scenarios[0] as LoadedScenario;
  await checkSweepMetrics(options.metrics ?? [], first, { seed, compare: options.compare ?? false, provenance: { version: header.capsim.version, scenarioHash: loadedHash(first) } });
  const total = settings.length * replications;
  const points = await withRunner(options.workers ?? 1, async (runner) => {
    const results: SweepPointResult[] = [];
    for (const [i, point] of scenarios.entries()) {
      const at = { point: i, settings: settings[i] as Setting[], scenario: point.scenario, provenance: { version: header.capsim.version, scenarioHash: loadedHash(point) }, uncertainty: point.uncertainty };
      const run = { seed, replications, include: options.metrics ?? [] };
      const onProgress = (n: number) => options.onProgress?.(i * replications + n, total);
      results.push(options.compare ? await runComparePoint({ point: i, settings: at.settings, loaded: point }, run, runner, onProgress) : await runSweepPoint(at, run, runner, onProgress));
    }
    return results;
  });
  return sweepResult(header, points, options.metrics ?? []);
}

function checkAxes(grid: Array<{ path: string; values: unknown[] }>, ranges: Range[], lhs: number | undefined): void {
  const problems = [
    ...[...grid, ...ranges].filter((a) => !parseKeyPath(a.path)).map((a) => error('sweep-path', [], `expected a key path such as cluster.racks or runs[0].mfu, found "${a.path}"`)),
    ...grid.filter((g) => g.values.length === 0).map((g) => error('sweep-values', [], `expected at least one value for ${g.path}`)),
    ...ranges.filter((r) => !(Number.isFinite(r.min) && Number.isFinite(r.max) && r.min < r.max)).map((r) => error('sweep-range', [], `expected finite bounds with min < max for ${r.path}, found [${r.min}, ${r.max}]`)),
    ...((ranges.length > 0) !== (lhs !== undefined) ? [error('sweep-lhs', [], 'ranges and lhs go together: lhs points of a Latin hypercube over the ranges')] : []),
    ...(lhs !== undefined && !(Number.isSafeInteger(lhs) && lhs >= 1) ? [error('sweep-lhs', [], `expected lhs to be a whole number >= 1, found ${lhs}`)] : []),
    ...(grid.length === 0 && ranges.length === 0 ? [error('sweep-nothing', [], 'nothing to sweep: give set (key paths and values) or ranges with lhs')] : []),
  ];
  if (problems.length > 0) throw new ScenarioError(problems);
}
