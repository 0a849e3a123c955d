import { simulateScenario } from '../simulation/simulate-scenario.js';
import type { RunRecord } from '../simulation/record.js';
import { leaseScenario } from '../procurement/lease-scenario.js';
import { summarize as summarizeRecord, type Summary } from '../reports/summary.js';
import { loadedHash } from '../scenario/hash.js';
import { capsimVersion } from '../cli/version.js';
import type { LoadedScenario } from './load-scenario.js';
import { drawInputs, inputsByPath, scenarioAt } from '../scenario/uncertainty.js';

export interface SimulateOptions {
  /** Root seed (default: the scenario's). */
  seed?: number;
  /** Which replication: replication r draws every stream from (seed, r, stream name). Default 0. */
  replication?: number;
}

/**
 * Simulate one replication of the whole term, as `capsim run` does (the cluster as the lease
 * delivers it: its ramp-in, and its end if notice is given): the raw record (rack-tick integrals,
 * per-run outcomes).
 */
export function simulate(loaded: LoadedScenario, options: SimulateOptions = {}): RunRecord {
  const { scenario } = scenarioAt(loaded, options.seed ?? loaded.scenario.seed, options.replication ?? 0);
  return simulateScenario(leaseScenario(scenario, scenario.lease), options);
}

/** The report of one simulation: what `capsim run --format json` prints, field for field. */
export function summarize(record: RunRecord, loaded: Pick<LoadedScenario, 'written'> & Partial<Pick<LoadedScenario, 'uncertainty'>>): Summary {
  const u = loaded.uncertainty;
  // The inputs of the record's own replication, drawn again: the same streams give the same values.
  const inputs = u ? inputsByPath(u.inputs, drawInputs(u.inputs, record.seed, record.replication)) : null;
  return summarizeRecord(record, { version: capsimVersion(), scenarioHash: loadedHash(loaded) }, inputs);
}
