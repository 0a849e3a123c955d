import { sum } from 'simple-statistics';
import type { RunRecord } from '../simulation/record.js';
import { allocateCents, usdToCents } from '../model/money.js';
import { gpuHours, heldRackTicks } from '../reports/metrics.js';
import type { CloudOption } from './option.js';
import { rackTicksAbove } from './rack-ticks-above.js';

export interface CloudBill {
  totalCents: number;
  /** Per run, as billed: every GPU-hour it held (restarts and lost work included). */
  runCents: number[];
  /** Reserved: the commitment paid for and not used. Zero elsewhere. */
  idleCents: number;
  heldGpuHours: number;
  /** GPU-hours paid for: held on demand; the commitment plus the overflow when reserved. */
  billedGpuHours: number;
  overflowGpuHours: number;
}

/**
 * What a cloud option costs for a simulated workload. On-demand and spot bill each run's GPU-hours
 * held at the price. Reserved bills the committed GPUs over the whole horizon, used or not, and
 * the GPU-hours above the commitment at the overflow price; the bill is split over the runs by
 * GPU-hours held, and the unused commitment is idle cost.
 */
export function billCloud(record: RunRecord, option: CloudOption): CloudBill {
  const s = record.scenario;
  const hours = (rackTicks: number) => gpuHours(rackTicks, s.rack.gpusPerRack, s.tickMinutes);
  const held = record.runs.map(heldRackTicks);
  const heldGpuHours = hours(sum(held));
  if (option.kind !== 'reserved') {
    const runCents = held.map((rt) => usdToCents(hours(rt) * option.priceUsdPerGpuHour));
    return { totalCents: sum(runCents), runCents, idleCents: 0, heldGpuHours, billedGpuHours: heldGpuHours, overflowGpuHours: 0 };
  }
  const committedGpuHours = (option.committedGpus * s.horizonTicks * s.tickMinutes) / 60;
  const committedRacks = option.committedGpus / s.rack.gpusPerRack;
  const overflowGpuHours = hours(rackTicksAbove(record, committedRacks));
  const totalCents =
    usdToCents(committedGpuHours * option.priceUsdPerGpuHour) + usdToCents(overflowGpuHours * (option.overflowUsdPerGpuHour ?? 0));
  const unusedGpuHours = committedGpuHours - (heldGpuHours - overflowGpuHours);
  const split = allocateCents(totalCents, [...held.map(hours), unusedGpuHours]);
  const idleCents = split.pop() ?? 0;
  return { totalCents, runCents: split, idleCents, heldGpuHours, billedGpuHours: committedGpuHours + overflowGpuHours, overflowGpuHours };
}
