import type { Precision } from '../catalog/gpus.js';
import type { FailureCause } from '../catalog/failures.js';
import type { CheckpointSetting } from '../model/checkpoint.js';
import type { Distribution } from '../random/distributions.js';

/**
 * What the engine reads of a scenario: the clock, the racks, the failure process and the runs.
 * A scenario (scenario/scenario.ts) adds its sections (facility, workload, scheduler, lease) on
 * top; the engine knows none of them. Times are integer ticks from the start.
 */
export interface EngineScenario {
  startMinutes: number;
  /** The clock's resolution: every time is a whole number of ticks of this many seconds. */
  tickSeconds: number;
  horizonTicks: number;
  cluster: ClusterSpec;
  failures: FailureSpec;
  runs: RunSpec[];
}

export interface ClusterSpec {
  /** Installed racks from each tick on; ticks ascending, first at 0, racks non-decreasing. */
  phases: Array<{ tick: number; racks: number }>;
  /** Racks held back from new allocations to replace failed ones at once. */
  spareRacks: number;
  maxRacks: number;
}

export interface FailureSpec {
  /** Interruptions per GPU-hour: the steady rate, before `rateSteps` and `burnIn`. */
  ratePerGpuHour: number;
  /** Causes with shares normalised to sum to 1. */
  causes: FailureCause[];
  /** The rate from each tick on (ascending), replacing `ratePerGpuHour` there; empty: constant. */
  rateSteps: Array<{ tick: number; ratePerGpuHour: number }>;
  /** Early failures of new racks (see engine/hazard.ts); null: none. */
  burnIn: BurnInSpec | null;
  /** Slow nodes: each rack of a run may hold one at each start (see engine/stragglers.ts); null: none. */
  stragglers: StragglerSpec | null;
  /** Planned maintenance windows (see engine/maintenance.ts). */
  maintenance: MaintenanceSpec[];
}

/**
 * A Weibull burn-in on top of the steady rate: racks of age a (ticks since installation) fail at
 * rate x (1 + (a / scale)^(shape - 1)), with 0 < shape < 1: early failures, twice the steady
 * rate at `scaleTicks`, fading toward it after. A run's GPUs fail at the fleet's mean over the
 * racks installed so far.
 */
export interface BurnInSpec {
  shape: number;
  scaleTicks: number;
  /** When racks were installed, and how many (ticks may be before the start). */
  installs: Array<{ tick: number; racks: number }>;
}

export interface StragglerSpec {
  /** Chance that a rack holds a slow node, drawn for each rack at each start. */
  probabilityPerRack: number;
  /** The slow rack's speed as a share of the others': the whole run goes at it. */
  speedShare: number;
  /** A lemon detector finds the slow rack this long after the run began computing; null: none. */
  detectionTicks: number | null;
}

export interface MaintenanceSpec {
  /** The first window's start; windows repeat every `everyTicks`. */
  firstTick: number;
  everyTicks: number;
  durationTicks: number;
  /** Racks taken out of service per window; null: every installed rack. */
  racks: number | null;
}

export interface RunSpec {
  index: number;
  name: string;
  team: string;
  racks: number;
  gpus: number;
  submitTick: number;
  priority: number;
  precision: Precision;
  /** Achieved TFLOP/s per GPU: peak(precision) x MFU, or given directly. */
  tflopsPerGpu: number;
  totalFlop: number;
  /** Compute ticks between checkpoints; Infinity when the run never checkpoints. */
  checkpointIntervalTicks: number;
  checkpointWriteTicks: number;
  /** How the interval was chosen: a run moved to other hardware chooses it again by the same rule. */
  checkpointSetting?: CheckpointSetting;
  /** Minutes to restart after an interruption (a cause may have its own). */
  restartMinutes: Distribution;
  /** The user's runtime estimate, the only runtime a scheduling policy sees. */
  estimatedTicks: number | null;
  /** The workload stream or trace a job came from; absent for the scenario's named runs. */
  stream?: string;
  /** The tick by which the job should be done, if it has a deadline. */
  deadlineTick?: number | null;
  /** Stages of the run, in order, each with its size and speed (see engine/phases.ts); absent: one. */
  phases?: RunPhaseSpec[];
}

/** One stage of a run: it ends once `untilFlop` of the run's work is done or at `untilTick`. */
export interface RunPhaseSpec {
  name: string;
  /** Cumulative work at which the phase ends; Infinity: it does not end by work. */
  untilFlop: number;
  /** The tick at which it ends; Infinity: it does not end by date. */
  untilTick: number;
  racks: number;
  gpus: number;
  precision: Precision;
  tflopsPerGpu: number;
  checkpointIntervalTicks: number;
}

/** Racks grouped into pods; a run spread over pods runs at (1 - penalty) of its speed. */
export interface PlacementSpec {
  podRacks: number;
  crossPodMfuPenalty: number;
}
