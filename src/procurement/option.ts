/**
 * A procurement option as the program uses it: prices resolved from the catalog, defaults applied,
 * dates turned into ticks. Built by resolveOptions() from the scenario's `options:` section.
 */
export type ProcurementOption = LeaseOption | CloudOption | HybridOption;

export interface LeaseOption {
  kind: 'lease';
  name: string;
  /** Fee steps, ticks ascending, the first at 0; the escalator applies on top. */
  schedule: Array<{ tick: number; monthlyUsd: number }>;
  escalatorPerYear: number;
  /** null: power is included in the fee. */
  powerUsdPerMwh: number | null;
  pue: number;
  trainingPowerShare: number;
  exit: { minimumMonths: number; noticeDays: number; noticeGivenTick: number | null } | null;
}

export type CloudKind = 'on-demand' | 'reserved' | 'spot';

export interface CloudOption {
  kind: CloudKind;
  name: string;
  priceUsdPerGpuHour: number;
  /** null: as many GPUs as the runs ask for at once. */
  capacityGpus: number | null;
  leadTimeTicks: number;
  leadTimeAboveGpus: number;
  /** Reserved: GPUs billed whether used or not over the whole horizon. */
  committedGpus: number;
  /** Reserved: the price of GPU-hours above the commitment; null: no overflow (runs wait). */
  overflowUsdPerGpuHour: number | null;
  /** Spot: preemptions per GPU-hour held. */
  preemptionsPerGpuHour: number;
  noticeMinutes: number;
}

export interface HybridOption {
  kind: 'hybrid';
  name: string;
  lease: LeaseOption;
  burst: CloudOption;
  burstAfterTicks: number;
}
