import { createRunner, type BlockRunner } from '../montecarlo/pool.js';
import { replicate as replicateScenario } from '../montecarlo/replicate.js';
import { monteCarloReport, type MonteCarloReport } from '../montecarlo/report.js';
import { loadedHash } from '../scenario/hash.js';
import { capsimVersion } from '../cli/version.js';
import type { LoadedScenario } from './load-scenario.js';
import { checkCount } from './check-count.js';
import { checkMetrics } from '../montecarlo/check-metrics.js';
import { describeInputs } from '../scenario/uncertainty.js';

export interface ReplicateOptions {
  replications: number;
  /** Root seed (default: the scenario's). */
  seed?: number;
  /**
   * Worker threads. 1 (the default) runs in this thread; more runs a pool of worker threads,
   * closed when done. The result is byte-identical for any number.
   */
  workers?: number;
  /** Only these metrics: key paths or their prefixes (`cluster`, `runs.frontier-pretrain`, `money.idleCostUsd`). */
  metrics?: string[];
  /** Called after each block of replications with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/** Replications 0..R-1 and the statistics of every metric: what `capsim run --replications R --format json` prints. */
export async function replicate(loaded: LoadedScenario, options: ReplicateOptions): Promise<MonteCarloReport> {
  const seed = options.seed ?? loaded.scenario.seed;
  const hash = loadedHash(loaded);
  const version = capsimVersion();
  await checkMetrics(options.metrics ?? [], { scenario: loaded.scenario, seed, provenance: { version, scenarioHash: hash }, uncertainty: loaded.uncertainty });
  return withRunner(options.workers ?? 1, async (runner) => {
    const result = await replicateScenario({ scenario: loaded.scenario, seed, from: 0, to: checkCount('replications', options.replications), provenance: { version, scenarioHash: hash }, uncertainty: loaded.uncertainty }, runner, options.onProgress);
    const inputs = describeInputs(loaded.uncertainty);
    return monteCarloReport({ version, scenarioHash: hash, seed, scenarioName: loaded.scenario.name, ...(inputs.length > 0 ? { uncertainInputs: inputs } : {}) }, result.accumulator, options.metrics ?? []);
  });
}

/** Run `work` on a runner of `workers` threads, closing it whatever happens. */
export async function withRunner<T>(workers: number, work: (runner: BlockRunner) => Promise<T>): Promise<T> {
  const runner = createRunner(checkCount('workers', workers));
  try {
    return await work(runner);
  } finally {
    await runner.close();
  }
}
