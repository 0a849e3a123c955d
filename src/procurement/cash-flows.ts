import type { Month } from '../model/time.js';

/**
 * Money by calendar month of the horizon, in whole cents, by kind. Positive: paid out; negative:
 * received (the residual value of owned hardware). Every option's bill is one of these, so totals,
 * net present values and charts of money over time come from one shape.
 */
export const cashCategories = ['fees', 'power', 'usage', 'commitments', 'capex', 'financing', 'colocation', 'staff', 'residual'] as const;
export type CashCategory = (typeof cashCategories)[number];
export type CashFlows = Record<CashCategory, number[]>;

export function noCashFlows(months: number): CashFlows {
  return Object.fromEntries(cashCategories.map((c) => [c, new Array<number>(months).fill(0)])) as CashFlows;
}

/** `into` plus `add`, month by month (a shorter `add` counts as zero beyond its end). */
export function addCashFlows(into: CashFlows, add: CashFlows): CashFlows {
  return Object.fromEntries(cashCategories.map((c) => [c, into[c].map((v, i) => v + (add[c][i] ?? 0))])) as CashFlows;
}

/** One category's cents by month, padded with zeros (or cut) to `months`. */
export function monthly(cents: readonly number[], months: number): number[] {
  return Array.from({ length: months }, (_, i) => cents[i] ?? 0);
}

export function totalByMonth(flows: CashFlows): number[] {
  const months = flows.fees.length;
  return Array.from({ length: months }, (_, i) => cashCategories.reduce((a, c) => a + (flows[c][i] ?? 0), 0));
}

export function totalCents(flows: CashFlows): number {
  return totalByMonth(flows).reduce((a, b) => a + b, 0);
}

/**
 * Net present value at the horizon's start, in cents (not rounded): month m's flows are discounted
 * from the middle of the month, by (1 + r)^-((m + 1/2) / 12).
 */
export function npvCents(flows: CashFlows, discountRatePerYear: number): number {
  return totalByMonth(flows).reduce((a, cents, m) => a + cents * discountFactor(discountRatePerYear, m), 0);
}

export function discountFactor(discountRatePerYear: number, monthIndex: number): number {
  return (1 + discountRatePerYear) ** -((monthIndex + 0.5) / 12);
}

/** The month of the horizon that holds `tick` (the last one for the horizon's end). */
export function monthIndexAt(months: readonly Month[], tick: number): number {
  const i = months.findIndex((m) => tick < m.endTick);
  return i === -1 ? months.length - 1 : i;
}
