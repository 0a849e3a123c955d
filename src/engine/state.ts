import type { Rng } from '../random/rng.js';
import type { Sampler } from '../random/distributions.js';
import type { Month } from '../model/time.js';
import type { CycleSplit } from '../model/checkpoint.js';
import type { EventQueue } from './events.js';
import type { Hazard } from './hazard.js';
import type { Recovery } from '../catalog/failures.js';
import type { Participant } from './participant.js';
import type { PodTracker } from './pods.js';
import type { ClusterView, QueuedRequest, RunningView } from './policy.js';
import type { EngineScenario, RunSpec } from './spec.js';

/** `preempting`: writing a last checkpoint before giving its racks back (see preempt.ts). */
export type RunStatus = 'pending' | 'queued' | 'active' | 'preempting' | 'completed';

/** One run's mutable state, owned by one simulation. Times are ticks; accounting in rack-ticks. */
export interface RunState {
  spec: RunSpec;
  status: RunStatus;
  /** Bumped at every start and stop; events carrying an older epoch are stale. */
  epoch: number;
  /**
   * The run's one pending event while it holds racks: the earlier of its completion and its
   * next failure. `pendingSeq` is that event's sequence number; an event with another is stale
   * (a rate change rescheduled the completion).
   */
  pendingSeq: number;
  completionTick: number;
  completionSeq: number;
  /** The failure drawn at the start of the hold (Infinity: none), and its reserved sequence number. */
  failureTick: number;
  failureSeq: number;
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
  /** Interruptions by cause, indexed as `SimState.causeNames`. */
  causeCounts: number[];
  productiveRackTicks: number;
  lostRackTicks: number;
  checkpointRackTicks: number;
  restartRackTicks: number;
  /** Every hold of racks, in order: the run's timeline, as numbers (see holds.ts). */
  holdData: Float64Array;
  /** Slots of `holdData` in use. */
  holdSlots: number;
  /** Whether the holds are recorded (see SimulateOptions.timeline). */
  recordHolds: boolean;
  /** When the run's last hold began (its racks were taken). */
  lastHoldStartTick: number;
  /** Its place in the list of runs holding racks (see running.ts): neighbours' indices, -1 at the ends. */
  isRunning: boolean;
  prevRunning: number;
  nextRunning: number;
  /**
   * The policies' views of this run: the request is built at its first queueing and again once
   * it has started (it becomes a restart); the running view is refreshed at each start and
   * preemption (see decide.ts).
   */
  requestView: QueuedRequest | undefined;
  runningView: MutableRunningView;
  failureRng: Rng;
  causeRng: Rng;
  repairRng: Rng;
  restartRng: Rng;
  swapRng: Rng;
  stragglerRng: Rng;
  /** Draws the run's own restart minutes (a cause may have its own). */
  sampleRestart: Sampler;
  /** The run's own restart in ticks when it is fixed (no draw); -1 when it is drawn. */
  fixedRestartTicks: number;
  /** The cause of the interruption the next start recovers from (its restart and swap); -1: none. */
  restartCause: number;
  /** While hung: the tick the run stopped progressing (it holds its racks until detection); else Infinity. */
  hangTick: number;
  hangCause: number;
  /** A lemon detector finds the run's slow rack at this tick (Infinity: no slow rack, or no detector). */
  lemonTick: number;
  lemonSeq: number;
  /** The run's speed as a share of its phase's: below 1 while a rack holds a slow node. */
  slowShare: number;
  /** The planned completion ends the current phase, not the run. */
  completionEndsPhase: boolean;
  /** Compute ticks whose work was kept (its productive time, whatever its size). */
  productiveTicks: number;
  /** Rack-ticks held while hung, before detection (part of the lost rack-ticks). */
  hungRackTicks: number;
  /** Rack-ticks of throughput lost to slow nodes: kept compute x (1 - speed share). */
  stragglerLossRackTicks: number;
  /**
   * Phases (see phases.ts): the current one's index, and the run's specification in each; null
   * for a run of one phase. `phaseSpec` is the current phase's specification before a placement's
   * penalty (`spec` may carry it).
   */
  phase: number;
  phaseSpecs: RunSpec[] | null;
  phaseSpec: RunSpec;
  /** Work done when the current phase began; a rollback does not cross it. */
  phaseStartFlop: number;
  /** Compute ticks kept in the current phase: what a rollback can take back. */
  phaseProductiveTicks: number;
  /** Held rack-ticks are counted to the current phase up to this tick. */
  heldSinceTick: number;
  /** Per phase: rack-ticks held, the tick it was first held and the tick it ended (-1: not yet). */
  phaseHeldRackTicks: number[] | null;
  phaseFirstTick: number[] | null;
  phaseEndedTick: number[] | null;
}

/** The engine's own copy of a run's view, refreshed in place; policies see it read-only. */
export type MutableRunningView = { -readonly [K in keyof RunningView]: RunningView[K] };

export interface FailureCauseState {
  /** Upper end of the cause's share in [0, 1): a uniform draw below it and above the previous picks it. */
  cumulativeShare: number;
  recovery: Recovery;
  sampleRepairHours: Sampler;
  sampleSwapMinutes: Sampler;
  /** The cause's own restart; null: the run's. */
  sampleRestartMinutes: Sampler | null;
  /** Ticks a hang of this cause lasts before it is noticed; 0: not a hang. */
  hangTicks: number;
  rollbackCheckpoints: number;
}

/** Rack-tick integrals of the cluster's pools, by calendar month. */
export interface MonthTotals {
  installedRackTicks: number;
  allocatedRackTicks: number;
  downRackTicks: number;
}

export interface SimState {
  scenario: EngineScenario;
  now: number;
  events: EventQueue;
  runs: RunState[];
  /**
   * The waiting runs in policy order (by submit tick, then by position in the scenario), as the
   * policy sees them: each request's `id` is the run's index.
   */
  queue: QueuedRequest[];
  installedRacks: number;
  freeRacks: number;
  spareRacks: number;
  downRacks: number;
  allocatedRacks: number;
  /** The scenario's failure causes, in the order of `causeNames`. */
  causes: FailureCauseState[];
  /** Names of every cause counted so far: the scenario's first, then outside ones as they come. */
  causeNames: string[];
  months: readonly Month[];
  monthIndex: number;
  monthTotals: MonthTotals[];
  /** The policy must be asked again: the queue or the free racks changed. */
  dirty: boolean;

  /** The runs holding racks, in start order: a linked list through the runs (see running.ts). */
  runningHead: number;
  runningTail: number;
  /** The list as arrays, valid while `runningValid`: rebuilt when read after a change. */
  runningValid: boolean;
  runningList: RunState[];
  runningViewList: RunningView[];
  /** The cluster as the policy sees it, updated in place before each call (see decide.ts). */
  clusterView: { -readonly [K in Exclude<keyof ClusterView, 'running'>]: ClusterView[K] } & Pick<ClusterView, 'running'>;
  /** Which pods the runs hold, when the scenario groups racks into pods (see pods.ts). */
  pods: PodTracker | undefined;
  participants: readonly Participant[];
  /** Racks taken by maintenance windows, as (from tick, to tick, racks) triples (see maintenance.ts). */
  maintenanceDown: number[];
  /** When the runs' next failures come (see hazard.ts). */
  hazard: Hazard;
  /** Scratch for splitting a hold into cycles (see runs.ts), so that stopping a run allocates nothing. */
  split: CycleSplit;
}
