import { sum } from 'simple-statistics';
import type { RunRecord } from '../simulation/record.js';
import { usdToCents } from '../model/money.js';
import { splitBill } from './split-bill.js';
import { gpuHours, heldRackTicks } from '../reports/metrics.js';
import { monthIndexAt, noCashFlows, type CashFlows } from './cash-flows.js';
import { heldRackTicksByPeriod, rackTicksAboveByPeriod } from './held-by-period.js';
import type { Commitment, PricePath } from './option.js';
import { priceAt } from './price-path.js';

export interface CloudBill {
  totalCents: number;
  /** Per run, as billed: every GPU-hour it held (restarts and lost work included). */
  runCents: number[];
  /** Commitments paid for and not used. Zero without commitments. */
  idleCents: number;
  heldGpuHours: number;
  /** GPU-hours paid for: held, as used; the commitments plus the overflow when committed. */
  billedGpuHours: number;
  overflowGpuHours: number;
  cashFlows: CashFlows;
}

/** How a cloud bills: as used at a price path, or commitments with an overflow price. */
export interface CloudTariff {
  price: PricePath;
  commitments: readonly Commitment[];
  /** With commitments: the price of GPU-hours above them (null: none is used). */
  overflow: PricePath | null;
}

/**
 * What a cloud costs for a simulated workload, month by month. Without commitments, each run pays
 * its GPU-hours held at the price in force (the price path's step and decline), month by month.
 * With commitments (reserved, blocks), the committed GPU-hours are paid whether used or not
 * (month by month over the term, or in full when a block is booked), and the GPU-hours held above
 * the committed level at the overflow price; that bill is split over the runs by GPU-hours held,
 * and the unused commitment is idle cost.
 */
export function billCloud(record: RunRecord, tariff: CloudTariff): CloudBill {
  const s = record.scenario;
  const perRack = s.rack.gpusPerRack;
  const hours = (rackTicks: number) => gpuHours(rackTicks, perRack, s.tickSeconds);
  const months = record.months;
  const flows = noCashFlows(months.length);
  const held = record.runs.map(heldRackTicks);
  const heldGpuHours = hours(sum(held));
  const priceTicks = (path: PricePath | null) => path?.steps.map((st) => st.tick) ?? [];

  if (tariff.commitments.length === 0) {
    const periods = billingPeriods(record, priceTicks(tariff.price));
    const runCents = record.runs.map((run) => {
      const byPeriod = heldRackTicksByPeriod(run.holds ?? [], periods.ticks, s.horizonTicks);
      const byMonth = months.map(() => 0);
      byPeriod.forEach((rt, k) => {
        const m = periods.month[k] ?? 0;
        byMonth[m] = (byMonth[m] ?? 0) + hours(rt) * priceAt(tariff.price, periods.ticks[k] ?? 0, m);
      });
      const cents = byMonth.map(usdToCents);
      cents.forEach((c, m) => (flows.usage[m] = (flows.usage[m] ?? 0) + c));
      return sum(cents);
    });
    return { totalCents: sum(runCents), runCents, idleCents: 0, heldGpuHours, billedGpuHours: heldGpuHours, overflowGpuHours: 0, cashFlows: flows };
  }

  let committedGpuHours = 0;
  for (const c of tariff.commitments) {
    const gpuHoursIn = (from: number, to: number) => (Math.max(0, Math.min(to, c.toTick) - Math.max(from, c.fromTick)) * c.gpus * s.tickSeconds) / 3600;
    committedGpuHours += gpuHoursIn(0, s.horizonTicks);
    if (c.paidAtTick !== null) {
      const m = monthIndexAt(months, c.paidAtTick);
      flows.commitments[m] = (flows.commitments[m] ?? 0) + usdToCents(gpuHoursIn(c.fromTick, c.toTick) * c.priceUsdPerGpuHour);
    } else {
      months.forEach((month, m) => (flows.commitments[m] = (flows.commitments[m] ?? 0) + usdToCents(gpuHoursIn(month.startTick, month.endTick) * c.priceUsdPerGpuHour)));
    }
  }
  const level = committedLevel(tariff.commitments, perRack);
  const periods = billingPeriods(record, [...priceTicks(tariff.overflow), ...level.map((l) => l.tick)]);
  const holds = record.runs.flatMap((r) => r.holds ?? []);
  const above = rackTicksAboveByPeriod(holds, level, periods.ticks, s.horizonTicks);
  const overflowByMonth = months.map(() => 0);
  above.forEach((rt, k) => {
    const m = periods.month[k] ?? 0;
    overflowByMonth[m] = (overflowByMonth[m] ?? 0) + hours(rt) * (tariff.overflow ? priceAt(tariff.overflow, periods.ticks[k] ?? 0, m) : 0);
  });
  overflowByMonth.forEach((usd, m) => (flows.usage[m] = (flows.usage[m] ?? 0) + usdToCents(usd)));
  const totalCents = sum(flows.commitments) + sum(flows.usage);
  const overflowGpuHours = hours(sum(above));
  const unusedGpuHours = Math.max(0, committedGpuHours - (heldGpuHours - overflowGpuHours));
  const { runCents, idleCents } = splitBill(totalCents, held.map(hours), unusedGpuHours);
  return { totalCents, runCents, idleCents, heldGpuHours, billedGpuHours: committedGpuHours + overflowGpuHours, overflowGpuHours, cashFlows: flows };
}

/** The committed racks at each change (GPUs / GPUs per rack), as a step function of ticks. */
function committedLevel(commitments: readonly Commitment[], gpusPerRack: number): Array<{ tick: number; racks: number }> {
  const ticks = [...new Set(commitments.flatMap((c) => [c.fromTick, c.toTick]))].sort((a, b) => a - b);
  return ticks.map((tick) => ({ tick, racks: commitments.filter((c) => c.fromTick <= tick && tick < c.toTick).reduce((a, c) => a + c.gpus, 0) / gpusPerRack }));
}

/** Periods cut at month starts and the given ticks, each with the month it lies in. */
function billingPeriods(record: RunRecord, cuts: readonly number[]): { ticks: number[]; month: number[] } {
  const horizon = record.scenario.horizonTicks;
  const ticks = [...new Set([...record.months.map((m) => m.startTick), ...cuts.filter((t) => t > 0 && t < horizon), horizon, 0])].sort((a, b) => a - b);
  return { ticks, month: ticks.slice(0, -1).map((t) => monthIndexAt(record.months, t)) };
}
