import { sum } from 'simple-statistics';
import type { RackType } from '../catalog/racks.js';
import type { RunRecord } from '../simulation/record.js';
import { allocateCents, usdToCents } from '../model/money.js';
import { splitBill } from './split-bill.js';
import type { Month } from '../model/time.js';
import { heldRackTicks } from '../reports/metrics.js';
import type { LeaseSpec } from '../scenario/scenario.js';

/**
 * The lease's bill: the one function `capsim run` (its money section) and `capsim compare` (every
 * lease option) bill a lease through, so the two agree to the cent.
 */
export interface LeaseBill {
  /** By month of the simulated term. */
  feeCentsByMonth: number[];
  powerCentsByMonth: number[];
  energyMwh: number;
  feeCents: number;
  powerCents: number;
  totalCents: number;
  /** Per run: its share of the available GPU-hours (usage share); the rest is `idleCents`. */
  usageShareCents: number[];
  idleCents: number;
  /** Per run: the whole bill spread over the runs by GPU-hours held. */
  fullyLoadedCents: number[];
  availableRackTicks: number;
  allocatedRackTicks: number;
}

/**
 * The fee of each month, in cents: the step in force at the month's start, escalated once a year
 * (from the 13th month), prorated by the days of the month in the horizon, and during a pro-rata
 * ramp-in by the racks delivered against the full cluster.
 */
export function leaseFeeCents(months: readonly Month[], lease: LeaseSpec): number[] {
  return months.map((m, i) => {
    let monthlyUsd = lease.schedule[0]?.monthlyUsd ?? 0;
    for (const step of lease.schedule) if (step.tick <= m.startTick) monthlyUsd = step.monthlyUsd;
    const escalation = (1 + lease.escalatorPerYear) ** Math.floor(i / 12);
    const delivered = lease.rampIn?.fees === 'pro-rata' ? deliveredShare(m, lease.rampIn) : 1;
    return usdToCents(monthlyUsd * escalation * m.shareOfMonth * delivered);
  });
}

/** Rack-ticks delivered by a ramp-in during the month / (full racks x the month's ticks). */
function deliveredShare(m: Month, ramp: NonNullable<LeaseSpec['rampIn']>): number {
  const ticks = m.endTick - m.startTick;
  if (ticks <= 0 || ramp.fullRacks <= 0) return 0;
  let rackTicks = 0;
  ramp.steps.forEach((step, i) => {
    const from = Math.max(step.tick, m.startTick);
    const to = Math.min(ramp.steps[i + 1]?.tick ?? Infinity, m.endTick);
    if (to > from) rackTicks += (to - from) * step.racks;
  });
  return rackTicks / (ticks * ramp.fullRacks);
}

/**
 * Energy of a month in MWh when the scenario has no facility to simulate it: racks held by runs
 * draw `trainingPowerShare` of their max IT power, the rest of the installed racks their idle
 * power, and the facility adds (PUE - 1) on top.
 */
export function estimatedEnergyMwh(month: RunRecord['months'][number], rack: RackType, tickSeconds: number, power: { pue: number; trainingPowerShare: number }): number {
  const hours = (rackTicks: number) => (rackTicks * tickSeconds) / 3600;
  const busyKwh = hours(month.allocatedRackTicks) * rack.maxItKw * power.trainingPowerShare;
  const idleKwh = hours(month.installedRackTicks - month.allocatedRackTicks) * rack.idleItKw;
  return ((busyKwh + idleKwh) * power.pue) / 1000;
}

/**
 * Facility energy of each month in MWh, from the simulated facility (hourly facility MW, cooling
 * and losses included, so PUE is the simulation's), or null when the scenario has no facility.
 */
export function facilityEnergyMwhByMonth(record: RunRecord): number[] | null {
  const f = record.facility;
  if (!f) return null;
  const hoursPerTick = record.scenario.tickSeconds / 3600;
  const byMonth = record.months.map(() => 0);
  let month = 0;
  for (let i = 0; i < f.facilityMw.length; i++) {
    const startTick = i * f.ticksPerHour;
    while ((record.months[month]?.endTick ?? Infinity) <= startTick) month += 1;
    byMonth[month] = (byMonth[month] ?? 0) + (f.facilityMw[i] ?? 0) * (f.hourTicks[i] ?? 0) * hoursPerTick;
  }
  return byMonth;
}

/** Energy of each month: the simulated facility's, or the estimate above. */
export function energyMwhByMonth(record: RunRecord, power: { pue: number; trainingPowerShare: number }): number[] {
  const simulated = facilityEnergyMwhByMonth(record);
  return record.months.map((m, i) => simulated?.[i] ?? estimatedEnergyMwh(m, record.scenario.rack, record.scenario.tickSeconds, power));
}

/** What the lease costs over the simulated term, month by month, and how the bill splits over the runs. */
export function billLease(record: RunRecord, lease: LeaseSpec): LeaseBill {
  const fees = leaseFeeCents(record.months, lease);
  const energy = lease.powerUsdPerMwh === null ? record.months.map(() => 0) : energyMwhByMonth(record, lease);
  const power = energy.map((mwh) => usdToCents(mwh * (lease.powerUsdPerMwh ?? 0)));
  const totalCents = sum(fees) + sum(power);
  const available = sum(record.months.map((m) => m.installedRackTicks));
  const allocated = sum(record.months.map((m) => m.allocatedRackTicks));
  const held = record.runs.map(heldRackTicks);
  const { runCents: usage, idleCents } = splitBill(totalCents, held, available - allocated);
  return {
    feeCentsByMonth: fees,
    powerCentsByMonth: power,
    energyMwh: sum(energy),
    feeCents: sum(fees),
    powerCents: sum(power),
    totalCents,
    usageShareCents: usage,
    idleCents,
    fullyLoadedCents: allocateCents(totalCents, held),
    availableRackTicks: available,
    allocatedRackTicks: allocated,
  };
}
