import { simulateScenario } from '../simulation/simulate-scenario.js';
import type { RunRecord } from '../simulation/record.js';
import { leaseScenario } from '../procurement/lease-scenario.js';
import { summarize as summarizeRecord, type Summary } from '../reports/summary.js';
import { scenarioHash } from '../scenario/hash.js';
import { capsimVersion } from '../cli/version.js';
import type { LoadedScenario } from './load-scenario.js';

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
  return simulateScenario(leaseScenario(loaded.scenario, loaded.scenario.lease), options);
}

/** The report of one simulation: what `capsim run --format json` prints, field for field. */
export function summarize(record: RunRecord, loaded: Pick<LoadedScenario, 'written'>): Summary {
  return summarizeRecord(record, { version: capsimVersion(), scenarioHash: scenarioHash(loaded.written) });
}
