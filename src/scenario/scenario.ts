import type { FacilitySpec } from '../facility/facility-spec.js';
import type { RackType } from '../catalog/racks.js';
import type { ClusterSpec, FailureSpec, RunSpec } from '../engine/spec.js';
import type { SchedulerSpec } from '../policies/scheduler-spec.js';
import type { WorkloadSpec } from '../workload/spec.js';

/**
 * What the program uses: defaults applied, catalog entries resolved, dates turned into integer
 * ticks from the start. Built by normalize() from a validated WrittenScenario.
 */
export interface Scenario {
  name: string;
  description: string;
  seed: number;
  /** First day of the horizon, `YYYY-MM-DD`, at 00:00 UTC. */
  startIso: string;
  /** Last day of the horizon, inclusive: the horizon ends at 24:00 UTC of this day. */
  endIso: string;
  startMinutes: number;
  /** The clock's resolution: every time is a whole number of ticks of this many seconds. */
  tickSeconds: number;
  horizonTicks: number;
  rack: RackType;
  cluster: ClusterSpec;
  failures: FailureSpec;
  lease: LeaseSpec;
  /** Discount rate per year of the options' net present values. */
  discountRatePerYear: number;
  runs: RunSpec[];
  /** How the queue is scheduled (default FIFO); see policies/registry.ts. */
  scheduler?: SchedulerSpec;
  /** Streams of jobs and replayed traces besides the named runs; see workload/. */
  workload?: WorkloadSpec;
  /** Power envelope, cooling and weather; see facility/. */
  facility?: FacilitySpec;
}

/** The lease's terms, resolved: dates in ticks from the start, defaults applied. */
export interface LeaseSpec {
  /** Fee steps, ticks ascending, the first at 0; the escalator applies on top. */
  schedule: Array<{ tick: number; monthlyUsd: number }>;
  escalatorPerYear: number;
  /** null: power is included in the fee. */
  powerUsdPerMwh: number | null;
  /** Used to estimate energy passed through when the scenario has no facility to simulate it. */
  pue: number;
  trainingPowerShare: number;
  exit: { minimumMonths: number; noticeDays: number; noticeGivenTick: number | null } | null;
  /** Capacity delivered in steps (ticks ascending); fees pro rata to the racks delivered, or in full. */
  rampIn: { steps: Array<{ tick: number; racks: number }>; fees: 'pro-rata' | 'take-or-pay'; fullRacks: number } | null;
  /** The lessor's right to end the lease, as a risk drawn per month (stream `lease:termination`). */
  termination: { probabilityPerMonth: number; noticeDays: number; afterMonths: number } | null;
  /** The option that takes the runs still to do when the lease ends early; null: they stay undone. */
  fallback: string | null;
}

// The run, cluster and failure specifications are the engine's: a scenario is what it runs.
export type { ClusterSpec, FailureSpec, RunPhaseSpec, RunSpec } from '../engine/spec.js';
