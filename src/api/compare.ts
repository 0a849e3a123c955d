import { compareOptions, type Comparison } from '../procurement/compare.js';
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
  /** Called after each simulation with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Every procurement option of the scenario (its `options:`, or its lease against hyperscaler
 * on-demand) on the same random streams: what `capsim compare --format json` prints.
 */
export async function compare(loaded: LoadedScenario, options: CompareOptions = {}): Promise<Comparison> {
  const replications = checkCount('replications', options.replications ?? 20);
  const settings = { seed: options.seed ?? loaded.scenario.seed, replications, ...(options.onProgress ? { onProgress: options.onProgress } : {}) };
  return compareOptions(loaded, resolveOptions(loaded.written, loaded.scenario), settings, { version: capsimVersion(), scenarioHash: loadedHash(loaded) });
}
