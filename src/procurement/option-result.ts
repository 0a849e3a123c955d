import type { CashFlows } from './cash-flows.js';
import type { ExitCost } from './lease-exit.js';

/** Where a run ran under an option. `fallback`: it moved there when the lease ended early. */
export type RunPlace = 'lease' | 'cloud' | 'own' | 'fallback';

/** One run under one option. Money in USD; times in days. */
export interface OptionRunResult {
  name: string;
  /** The workload stream or trace of a job; absent for the scenario's named runs. */
  stream?: string;
  /** Where it ran, in order: one place, or the lease and then its fallback. */
  where: RunPlace[];
  /** The catalog rack it ran on (the last, when it moved). */
  rack: string;
  status: string;
  gpus: number;
  progress: number;
  /** Finish - the run's submit time in the scenario (waits and lead times included); null if unfinished. */
  timeToTrainDays: number | null;
  gpuHoursHeld: number;
  /** Lease and own: usage share. Cloud: as billed. */
  costUsd: number;
  /** Lease and own: fully loaded (idle capacity spread over the runs). Cloud: as billed. */
  costFullyLoadedUsd: number;
  interruptions: number;
}

export type OptionKind = 'lease' | 'on-demand' | 'reserved' | 'block' | 'spot' | 'hybrid' | 'own';

/** What one option costs and delivers for the scenario's workload, in one replication. */
export interface OptionResult {
  name: string;
  kind: OptionKind;
  /** The option's hardware (a catalog rack id). */
  rack: string;
  /** Nominal: the sum of the cash flows. */
  totalCostUsd: number;
  /** Net present value of the cash flows at the scenario's discount rate. */
  npvUsd: number;
  /** Lease and own: capacity paid for and not held by a run. Committed cloud: unused commitment. */
  idleCostUsd: number;
  /** GPU-hours held by runs / GPU-hours paid for. */
  utilization: number | null;
  heldGpuHours: number;
  /** Lease and own: available GPU-hours. Cloud: GPU-hours billed. */
  paidGpuHours: number;
  deliveredFlop: number;
  /** The work asked for: every run's FLOPs (jobs of workload streams included). */
  workFlop: number;
  /** Every named run finished within the horizon (jobs of workload streams and traces are not counted). */
  deliveredAll: boolean;
  /** Total cost / delivered PFLOP (work kept, 1e15 FLOP). */
  costPerDeliveredPflopUsd: number | null;
  /** Every run and job, costed: with the idle cost, their costs make the total. */
  runs: OptionRunResult[];
  /** Cents by month of the horizon, by kind. */
  cashFlows: CashFlows;
  /** Lease options (and a hybrid's base). */
  lease: LeaseDetail | null;
  own: OwnDetail | null;
  /** Cloud options (and a hybrid's burst): the price of a GPU-hour at the start. */
  priceUsdPerGpuHour: number | null;
}

export interface LeaseDetail {
  feesUsd: number;
  powerUsd: number;
  energyMwh: number;
  /** Lease paid (fees and power) / available GPU-hours. */
  costPerAvailableGpuHourUsd: number | null;
  exitCosts: ExitCost[];
  /** Hybrid: the runs sent to the cloud. */
  burstRuns: string[];
  /** The lease ended before the horizon (tenant's notice or lessor's termination). */
  endedEarly: boolean;
  /** The lessor terminated in this replication. */
  terminatedByLessor: boolean;
  /** With a termination risk: this replication's cost less the same lease's without the risk. */
  terminationCostUsd: number;
  terminationNpvUsd: number;
  /** The fallback's part of the total. */
  fallbackUsd: number;
}

export interface OwnDetail {
  capexUsd: number;
  residualUsd: number;
  /** The hardware's book value at the horizon's end (straight-line over the depreciation years). */
  bookValueUsd: number;
  energyMwh: number;
  costPerAvailableGpuHourUsd: number | null;
}
