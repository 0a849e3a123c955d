import type { Precision } from '../catalog/gpus.js';
import type { FailureCause } from '../catalog/failures.js';

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
  ratePerGpuHour: number;
  /** Causes with shares normalised to sum to 1. */
  causes: FailureCause[];
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
  restartTicks: number;
  /** The user's runtime estimate, the only runtime a scheduling policy sees. */
  estimatedTicks: number | null;
  /** The workload stream or trace a job came from; absent for the scenario's named runs. */
  stream?: string;
  /** The tick by which the job should be done, if it has a deadline. */
  deadlineTick?: number | null;
}

/** Racks grouped into pods; a run spread over pods runs at (1 - penalty) of its speed. */
export interface PlacementSpec {
  podRacks: number;
  crossPodMfuPenalty: number;
}
