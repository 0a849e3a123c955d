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
  /**
   * Compute ticks whose work was kept: the run's productive time whatever its size (phases may
   * change it). Optional for hand-made outcomes: productive rack-ticks / racks then.
   */
  productiveTicks?: number;
  /** Rack-ticks held while hung before a watchdog noticed (part of `lostRackTicks`). */
  hungRackTicks?: number;
  /** Rack-ticks of throughput lost to slow racks: kept compute x (1 - the slow rack's speed share). */
  stragglerLossRackTicks?: number;
  /** The run's phases, when it has several (see engine/phases.ts). */
  phases?: PhaseOutcome[];
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

export interface PhaseOutcome {
  name: string;
  racks: number;
  /** When the run first held racks in the phase, and when the phase ended (null: not yet). */
  firstTick: number | null;
  endTick: number | null;
  /** Rack-ticks held in the phase (its final checkpoint write at a change of size included). */
  heldRackTicks: number;
}

export interface EngineRecord<S extends EngineScenario = EngineScenario> {
  scenario: S;
  seed: number;
  replication: number;
  runs: RunOutcome[];
  months: Array<Month & MonthTotals>;
  /** Racks out of service for planned maintenance: from a tick (inclusive) to a tick, so many racks. */
  maintenance: Array<{ fromTick: number; toTick: number; racks: number }>;
  /** Events handled (stale ones excluded): the unit of the engine's cost. */
  events: number;
}
