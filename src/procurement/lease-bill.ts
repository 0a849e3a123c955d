import { sum } from 'simple-statistics';
import type { RunRecord } from '../simulation/record.js';
import { allocateCents, usdToCents } from '../model/money.js';
import type { Month } from '../model/time.js';
import { heldRackTicks } from '../reports/metrics.js';
import type { Scenario } from '../scenario/scenario.js';
import type { LeaseOption } from './option.js';

export interface LeaseBill {
  feeCents: number;
  powerCents: number;
  energyMwh: number;
  totalCents: number;
  /** Per run: its share of the available GPU-hours (usage share); the rest is `idleCents`. */
  usageShareCents: number[];
  idleCents: number;
  /** Per run: the whole bill spread over the runs by GPU-hours held. */
  fullyLoadedCents: number[];
  availableRackTicks: number;
  allocatedRackTicks: number;
}

/** The fee of each month of the horizon, in cents: the step in force, escalated, prorated by days. */
export function leaseFeeCents(months: readonly Month[], lease: LeaseOption): number[] {
  return months.map((m, i) => {
    const step = [...lease.schedule].reverse().find((s) => s.tick <= m.startTick) ?? lease.schedule[0];
    const escalation = (1 + lease.escalatorPerYear) ** Math.floor(i / 12);
    return usdToCents((step?.monthlyUsd ?? 0) * escalation * m.shareOfMonth);
  });
}

/**
 * Energy of a month in MWh when power is passed through and the scenario has no facility to
 * simulate it: racks held by runs draw
 * `trainingPowerShare` of their max IT power, the rest of the installed racks their idle power,
 * and the facility adds (PUE - 1) on top.
 */
export function leaseEnergyMwh(month: RunRecord['months'][number], scenario: Scenario, lease: LeaseOption): number {
  const hours = (rackTicks: number) => (rackTicks * scenario.tickMinutes) / 60;
  const busyKwh = hours(month.allocatedRackTicks) * scenario.rack.maxItKw * lease.trainingPowerShare;
  const idleKwh = hours(month.installedRackTicks - month.allocatedRackTicks) * scenario.rack.idleItKw;
  return ((busyKwh + idleKwh) * lease.pue) / 1000;
}

/**
 * Facility energy of each month in MWh, from the simulated facility (hourly facility MW, cooling
 * and losses included, so PUE is the simulation's), or null when the scenario has no facility.
 */
export function facilityEnergyMwhByMonth(record: RunRecord): number[] | null {
  const f = record.facility;
  if (!f) return null;
  const hoursPerTick = record.scenario.tickMinutes / 60;
  const byMonth = record.months.map(() => 0);
  let month = 0;
  for (let i = 0; i < f.facilityMw.length; i++) {
    const startTick = i * f.ticksPerHour;
    while ((record.months[month]?.endTick ?? Infinity) <= startTick) month += 1;
    byMonth[month] = (byMonth[month] ?? 0) + (f.facilityMw[i] ?? 0) * (f.hourTicks[i] ?? 0) * hoursPerTick;
  }
  return byMonth;
}

/** What the lease costs over the simulated horizon, and how the bill splits over the runs. */
export function billLease(record: RunRecord, lease: LeaseOption): LeaseBill {
  const fees = leaseFeeCents(record.months, lease);
  const simulated = lease.powerUsdPerMwh === null ? null : facilityEnergyMwhByMonth(record);
  const energy = record.months.map((m, i) => (lease.powerUsdPerMwh === null ? 0 : (simulated?.[i] ?? leaseEnergyMwh(m, record.scenario, lease))));
  const power = energy.map((mwh) => usdToCents(mwh * (lease.powerUsdPerMwh ?? 0)));
  const totalCents = sum(fees) + sum(power);
  const available = sum(record.months.map((m) => m.installedRackTicks));
  const allocated = sum(record.months.map((m) => m.allocatedRackTicks));
  const held = record.runs.map(heldRackTicks);
  const usage = allocateCents(totalCents, [...held, available - allocated]);
  const idleCents = usage.pop() ?? 0;
  return {
    feeCents: sum(fees),
    powerCents: sum(power),
    energyMwh: sum(energy),
    totalCents,
    usageShareCents: usage,
    idleCents,
    fullyLoadedCents: allocateCents(totalCents, held),
    availableRackTicks: available,
    allocatedRackTicks: allocated,
  };
}
