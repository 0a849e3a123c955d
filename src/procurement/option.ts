import type { RackType } from '../catalog/racks.js';
import type { LeaseSpec } from '../scenario/scenario.js';

/**
 * A procurement option as the program uses it: prices resolved from the catalog, defaults applied,
 * dates turned into ticks. Built by resolveOptions() from the scenario's `options:` section.
 */
export type ProcurementOption = LeaseOption | CloudOption | HybridOption | OwnOption;

/** The scenario's lease, with the option's overrides. */
export interface LeaseOption {
  kind: 'lease';
  name: string;
  terms: LeaseSpec;
}

export type CloudKind = 'on-demand' | 'reserved' | 'block' | 'spot';

/** A price per GPU-hour over time: steps (ticks ascending, the first at 0) times (1 - decline)^(month / 12). */
export interface PricePath {
  steps: Array<{ tick: number; usdPerGpuHour: number }>;
  declinePerYear: number;
}

/** GPUs paid for whether used or not, from `fromTick` to `toTick` (exclusive). */
export interface Commitment {
  fromTick: number;
  toTick: number;
  gpus: number;
  priceUsdPerGpuHour: number;
  /** Paid in full at this tick (a block); null: billed month by month over its term. */
  paidAtTick: number | null;
}

export interface CloudOption {
  kind: CloudKind;
  name: string;
  /** The hardware the option's GPUs are. */
  rack: RackType;
  /** The price of GPU-hours billed as used (on-demand, spot); for reserved and block, the commitment's price. */
  price: PricePath;
  /** null: as many GPUs as the runs ask for at once. */
  capacityGpus: number | null;
  leadTimeTicks: number;
  leadTimeAboveGpus: number;
  replacementHours: number;
  /** Reserved: one; block: one per block; empty otherwise. */
  commitments: Commitment[];
  /** Reserved and block: the price of GPU-hours above the commitments; null: none (runs are held to them). */
  overflow: PricePath | null;
  /** Spot: preemptions per GPU-hour held, and the warning before one. */
  preemptionsPerGpuHour: number;
  noticeMinutes: number;
  /** On-demand: runs submitted from `fromTick` on use a newer offer. */
  upgrade: { fromTick: number; rack: RackType; price: PricePath } | null;
}

export interface HybridOption {
  kind: 'hybrid';
  name: string;
  lease: LeaseOption;
  burst: CloudOption;
  burstAfterTicks: number;
}

/** Buying the scenario's racks: same cluster, spares, failures and facility as the lease. */
export interface OwnOption {
  kind: 'own';
  name: string;
  capexUsdPerRack: number;
  networkShareOfCapex: number;
  storageShareOfCapex: number;
  deliveryTicks: number;
  /** The loan's term when financed, and the straight-line schedule of the book value. */
  depreciationYears: number;
  /** null: what the hardware resells for at its age (catalog/rack-prices.ts). */
  residualShareAtEnd: number | null;
  colocationUsdPerKwMonth: number;
  powerUsdPerMwh: number;
  pue: number;
  trainingPowerShare: number;
  staffUsdPerMwYear: number;
  staffUsdPerRackYear: number;
  /** null: paid in cash on delivery. */
  costOfCapitalPerYear: number | null;
}
