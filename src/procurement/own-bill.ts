import { sum } from 'simple-statistics';
import type { RunRecord } from '../simulation/record.js';
import { allocateCents, usdToCents } from '../model/money.js';
import { splitBill } from './split-bill.js';
import { heldRackTicks } from '../reports/metrics.js';
import type { Scenario } from '../scenario/scenario.js';
import { monthIndexAt, noCashFlows, totalCents, type CashFlows } from './cash-flows.js';
import { resaleShare } from '../catalog/rack-prices.js';
import { energyMwhByMonth } from './lease-bill.js';
import type { OwnOption } from './option.js';

export interface OwnBill {
  cashFlows: CashFlows;
  totalCents: number;
  /** Racks, networking and storage bought (cash or financed). */
  capexCents: number;
  /** Value of the hardware at the horizon's end (received as a final inflow). */
  residualCents: number;
  /** Its book value then: the price less straight-line depreciation over `depreciationYears`. */
  bookCents: number;
  energyMwh: number;
  usageShareCents: number[];
  idleCents: number;
  fullyLoadedCents: number[];
  availableRackTicks: number;
  allocatedRackTicks: number;
}

const hoursPerYear = 365.25 * 24;

/**
 * What owning the racks costs, month by month: each delivery's racks with networking and storage
 * (paid on delivery, or financed: a loan at the cost of capital, repaid in equal monthly payments
 * over the depreciation years from the month after delivery, the balance repaid at the horizon's
 * end), colocation per kW of IT capacity installed, energy at a price (the simulated facility's
 * energy, or the estimate from held and idle racks), staff per MW and per rack installed, and the
 * hardware's residual value at the horizon's end as an inflow (what it resells for at its age,
 * catalog/rack-prices.ts, or the option's share). `planning` is the scenario whose
 * horizon and months the cash flows follow (the record's scenario may start deliveries later).
 */
export function billOwn(record: RunRecord, own: OwnOption, planning: Scenario): OwnBill {
  const s = record.scenario;
  const months = record.months;
  const flows = noCashFlows(months.length);
  const last = months.length - 1;
  const tickHours = s.tickSeconds / 3600;
  const perRackUsd = own.capexUsdPerRack * (1 + own.networkShareOfCapex + own.storageShareOfCapex);
  let installed = 0;
  let capexCents = 0;
  let residualCents = 0;
  let bookCents = 0;
  for (const phase of s.cluster.phases) {
    const added = phase.racks - installed;
    installed = phase.racks;
    if (added <= 0 || phase.tick >= planning.horizonTicks) continue;
    const batchCents = usdToCents(added * perRackUsd);
    const m = monthIndexAt(months, phase.tick);
    capexCents += batchCents;
    if (own.costOfCapitalPerYear === null) flows.capex[m] = (flows.capex[m] ?? 0) + batchCents;
    else financeFlows(batchCents, own.costOfCapitalPerYear, Math.round(own.depreciationYears * 12), m, last).forEach((c, i) => (flows.financing[i] = (flows.financing[i] ?? 0) + c));
    const ageYears = ((planning.horizonTicks - phase.tick) * tickHours) / hoursPerYear;
    residualCents += Math.round(batchCents * (own.residualShareAtEnd ?? resaleShare(ageYears)));
    bookCents += Math.round(batchCents * Math.max(0, 1 - ageYears / own.depreciationYears));
  }
  flows.residual[last] = -residualCents;

  const energy = energyMwhByMonth(record, own);
  months.forEach((month, m) => {
    const fullMonthTicks = (month.endTick - month.startTick) / Math.max(month.shareOfMonth, 1e-12);
    const kwMonths = (month.installedRackTicks * s.rack.maxItKw) / Math.max(fullMonthTicks, 1);
    flows.colocation[m] = usdToCents(kwMonths * own.colocationUsdPerKwMonth);
    flows.power[m] = usdToCents((energy[m] ?? 0) * own.powerUsdPerMwh);
    const rackYears = (month.installedRackTicks * tickHours) / hoursPerYear;
    flows.staff[m] = usdToCents(rackYears * ((s.rack.maxItKw / 1000) * own.staffUsdPerMwYear + own.staffUsdPerRackYear));
  });

  const total = totalCents(flows);
  const available = sum(months.map((m) => m.installedRackTicks));
  const allocated = sum(months.map((m) => m.allocatedRackTicks));
  const held = record.runs.map(heldRackTicks);
  const { runCents: usage, idleCents } = splitBill(total, held, available - allocated);
  return {
    cashFlows: flows,
    totalCents: total,
    capexCents,
    residualCents,
    bookCents,
    energyMwh: sum(energy),
    usageShareCents: usage,
    idleCents,
    fullyLoadedCents: allocateCents(total, held),
    availableRackTicks: available,
    allocatedRackTicks: allocated,
  };
}

/**
 * A loan of `principalCents` taken in month `from`: equal payments at the monthly rate
 * (1 + r)^(1/12) - 1 over `months` months from `from + 1`, and the balance still owed repaid in the
 * month `last` (the horizon's end), in cents by month. Discounted at r from mid-month, these
 * flows are worth exactly the principal paid in month `from`.
 */
export function financeFlows(principalCents: number, ratePerYear: number, months: number, from: number, last: number): number[] {
  const out = new Array<number>(last + 1).fill(0);
  const i = (1 + ratePerYear) ** (1 / 12) - 1;
  const n = Math.max(1, months);
  const payment = i === 0 ? principalCents / n : (principalCents * i) / (1 - (1 + i) ** -n);
  let balance = principalCents;
  for (let k = 1; k <= n && from + k <= last; k++) {
    balance = balance * (1 + i) - payment;
    out[from + k] = payment;
  }
  if (from >= last || from + n > last) out[last] = (out[last] ?? 0) + Math.max(0, from >= last ? principalCents : balance);
  return out.map((c) => Math.round(c));
}
