import type { EngineRecord } from '../engine/record.js';
import type { FacilityRecord } from '../facility/facility-record.js';
import type { Scenario } from '../scenario/scenario.js';

export type { RunOutcome } from '../engine/record.js';

/**
 * What one simulation of a scenario produced: the engine's record (raw integrals in rack-ticks,
 * per-run outcomes) and, when the scenario has a facility, its hourly series and totals.
 */
export interface RunRecord extends EngineRecord<Scenario> {
  facility?: FacilityRecord;
}
