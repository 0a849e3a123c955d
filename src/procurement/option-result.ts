import type { ExitCost } from './lease-exit.js';

/** One run under one option. Money in USD; times in days. */
export interface OptionRunResult {
  name: string;
  /** Where the run ran: the leased cluster, or the cloud (a cloud option, or a hybrid's burst). */
  where: 'lease' | 'cloud';
  status: string;
  gpus: number;
  progress: number;
  /** Finish - the run's submit time in the scenario (waits and lead times included); null if unfinished. */
  timeToTrainDays: number | null;
  gpuHoursHeld: number;
  /** Lease: usage share. Cloud: as billed. */
  costUsd: number;
  /** Lease: fully loaded (idle capacity spread over the runs). Cloud: as billed. */
  costFullyLoadedUsd: number;
  interruptions: number;
}

/** What one option costs and delivers for the scenario's workload, in one replication. */
export interface OptionResult {
  name: string;
  kind: 'lease' | 'on-demand' | 'reserved' | 'spot' | 'hybrid';
  totalCostUsd: number;
  /** Lease: capacity paid for and not held by a run. Reserved: unused commitment. */
  idleCostUsd: number;
  /** GPU-hours held by runs / GPU-hours paid for. */
  utilization: number | null;
  heldGpuHours: number;
  /** Lease: available GPU-hours. Cloud: GPU-hours billed. */
  paidGpuHours: number;
  deliveredFlop: number;
  /** The work asked for: every run's FLOPs (jobs of workload streams included). */
  workFlop: number;
  /** Total cost / delivered PFLOP (work kept, 1e15 FLOP). */
  costPerDeliveredPflopUsd: number | null;
  runs: OptionRunResult[];
  /** Lease options (and a hybrid's base). */
  lease: LeaseDetail | null;
  /** Cloud options (and a hybrid's burst): the price of a GPU-hour. */
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
}
