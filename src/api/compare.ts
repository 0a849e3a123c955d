import { compareOptionsOn, type Comparison } from '../procurement/compare.js';
import { withRunner } from './replicate.js';
import { resolveOptions } from '../procurement/resolve-options.js';
import { loadedHash } from '../scenario/hash.js';
import { capsimVersion } from '../cli/version.js';
import type { LoadedScenario } from './load-scenario.js';
import { checkCount } from './check-count.js';

export interface CompareOptions {
  /** Paired replications (default 20, as the CLI); intervals and P(cheapest) need 2 or more. */
  replications?: number;
  /** Root seed (default: the scenario's). */
  seed?: number;
  /** Worker threads (default 1: this thread); the result is byte-identical for any number. */
  workers?: number;
  /** Called after each replication of every option with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Every procurement option of the scenario (its `options:`, or its lease against hyperscaler
 * on-demand) on the same random streams: what `capsim compare --format json` prints.
 */
export async function compare(loaded: LoadedScenario, options: CompareOptions = {}): Promise<Comparison> {
  const replications = checkCount('replications', options.replications ?? 20);
  const settings = { seed: options.seed ?? loaded.scenario.seed, replications, ...(options.onProgress ? { onProgress: options.onProgress } : {}) };
  const provenance = { version: capsimVersion(), scenarioHash: loadedHash(loaded) };
  return withRunner(options.workers ?? 1, (runner) => compareOptionsOn(runner, loaded, resolveOptions(loaded.written, loaded.scenario), settings, provenance));
}
