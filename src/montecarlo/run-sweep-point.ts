import type { Provenance } from '../reports/summary.js';
import type { Scenario } from '../scenario/scenario.js';
import type { Uncertainty } from '../scenario/uncertainty.js';
import type { BlockRunner } from './pool.js';
import { replicate } from './replicate.js';
import { selected } from './report.js';
import type { Setting } from './setting.js';
import type { SweepPointResult } from './sweep-report.js';

export interface SweepPoint {
  point: number;
  settings: Setting[];
  scenario: Scenario;
  provenance: Provenance;
  uncertainty: Uncertainty | null;
}

/** One point of a sweep: its replications, and the statistics of the metrics its row keeps. */
export async function runSweepPoint(
  at: SweepPoint,
  run: {
    seed: number;
    replications: number;
    include: readonly string[];
    /** Ctrl-C, shared with the worker threads (see run-block.ts). */
    stop?: Int32Array;
    /** Given every metric's path before the row keeps its own: a caller checks its --metric here. */
    onMetricPaths?: (paths: readonly string[]) => void;
  },
  runner: BlockRunner,
  onProgress?: (done: number) => void,
): Promise<SweepPointResult> {
  const set = { scenario: at.scenario, seed: run.seed, from: 0, to: run.replications, provenance: at.provenance, uncertainty: at.uncertainty, ...(run.stop ? { stop: run.stop } : {}) };
  const { accumulator } = await replicate(set, runner, onProgress);
  run.onMetricPaths?.([...accumulator.metrics.keys()]);
  // A sweep's rows default to the scalar metrics (no per-run or per-month entries): one row stays readable.
  const keep = (path: string) => (run.include.length > 0 ? selected(path, run.include) : !accumulator.isListed(path));
  return { point: at.point, settings: at.settings, replications: run.replications, statistics: Object.fromEntries(accumulator.statistics().filter(([path]) => keep(path))) };
}
