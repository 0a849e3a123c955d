import type { EngineScenario } from './spec.js';
import type { Month } from '../model/time.js';
import type { MonthTotals, RunStatus } from './state.js';
import type { Hold } from './holds.js';

/**
 * What one simulation produced: raw integrals in rack-ticks (integers, so sums are exact) and
 * per-run outcomes. Reports turn this into metrics; nothing here is rounded.
 */
export interface RunOutcome {
  name: string;
  team: string;
  racks: number;
  gpus: number;
  status: RunStatus;
  submitTick: number;
  firstStartTick: number | null;
  endTick: number | null;
  totalFlop: number;
  doneFlop: number;
  interruptions: number;
  interruptionsByCause: Record<string, number>;
  productiveRackTicks: number;
  lostRackTicks: number;
  checkpointRackTicks: number;
  restartRackTicks: number;
  checkpointIntervalTicks: number;
  /** Optional so that hand-made outcomes in tests need not carry a timeline. */
  checkpointWriteTicks?: number;
  /** Every hold of racks, in order (for timelines and time series; see holds.ts). */
  holds?: Hold[];
  /** The workload stream or trace a job came from; undefined for the scenario's named runs. */
  stream?: string | undefined;
  priority?: number;
  estimatedTicks?: number | null;
  /** The tick by which the job should be done, if it has a deadline. */
  deadlineTick?: number | null;
}

export interface EngineRecord<S extends EngineScenario = EngineScenario> {
  scenario: S;
  seed: number;
  replication: number;
  runs: RunOutcome[];
  months: Array<Month & MonthTotals>;
  /** Events handled (stale ones excluded): the unit of the engine's cost. */
  events: number;
}
