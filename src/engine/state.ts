import type { Rng } from '../random/rng.js';
import type { FacilityState } from '../facility/facility-state.js';
import type { Sampler } from '../random/distributions.js';
import type { RunSpec, Scenario } from '../scenario/scenario.js';
import type { Month } from '../model/time.js';
import { EventQueue } from './events.js';
import type { ExternalInterruptions } from './interruptions.js';
import type { Hold } from './holds.js';

/** `preempting`: writing a last checkpoint before giving its racks back (see preempt.ts). */
export type RunStatus = 'pending' | 'queued' | 'active' | 'preempting' | 'completed';

/** One run's mutable state, owned by one simulation. Times are ticks; accounting in rack-ticks. */
export interface RunState {
  spec: RunSpec;
  status: RunStatus;
  /** Bumped at every start and stop; events carrying an older epoch are stale. */
  epoch: number;
  /** Sequence number of the completion event in force; a rate change schedules a new one. */
  completionSeq: number;
  firstStartTick: number | null;
  endTick: number | null;
  /** When the current hold of racks began (restart overhead runs from here to `anchorTick`). */
  holdStartTick: number;
  /** Start of a compute/checkpoint cycle from which the closed form counts. */
  anchorTick: number;
  /** Work safe in a completed checkpoint at `anchorTick`. */
  committedFlop: number;
  /** Extra work in the cycle begun at `anchorTick`, from ticks computed before a rate change. */
  bonusFlop: number;
  flopPerTick: number;
  racksHeld: number;
  /** While preempting: the tick its last checkpoint write ends and its racks come back. */
  releaseTick: number | null;
  interruptions: number;
  interruptionsByCause: Map<string, number>;
  productiveRackTicks: number;
  lostRackTicks: number;
  checkpointRackTicks: number;
  restartRackTicks: number;
  /** Every hold of racks, in order: the run's timeline. */
  holds: Hold[];
  failureRng: Rng;
  causeRng: Rng;
  repairRng: Rng;
}

export interface FailureCauseState {
  name: string;
  cumulativeShare: number;
  sampleRepairHours: Sampler;
}

/** Rack-tick integrals of the cluster's pools, by calendar month. */
export interface MonthTotals {
  installedRackTicks: number;
  allocatedRackTicks: number;
  downRackTicks: number;
}

export interface SimState {
  scenario: Scenario;
  now: number;
  events: EventQueue;
  runs: RunState[];
  /** Waiting run indices in policy order: by submit tick, then by position in the scenario. */
  queue: number[];
  installedRacks: number;
  freeRacks: number;
  spareRacks: number;
  downRacks: number;
  allocatedRacks: number;
  causes: FailureCauseState[];
  months: Month[];
  monthIndex: number;
  monthTotals: MonthTotals[];
  /** The policy must be asked again: the queue or the free racks changed. */
  dirty: boolean;
  /**
   * Indices of the runs holding racks (active or preempting), kept by decide(): every run that
   * holds racks is here once (runs start only in decide), and one that stopped since the last
   * decision may linger until the next, so readers check the status.
   */
  running: number[];
  /** decide()'s views of runs, reused while a run's state is unchanged (see decide.ts). */
  views?: import('./decide.js').ViewCache;
  /** Which pods the runs hold, when the scenario groups racks into pods (see pods.ts). */
  pods?: import('./pods.js').PodTracker;
  /** Interruptions given from outside, when simulate() was given a source. */
  external?: ExternalInterruptions;
  /** Power, cooling and weather, when the scenario has a facility (see facility/). */
  facility?: FacilityState;
}
