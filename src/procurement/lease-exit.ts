import { sum } from 'simple-statistics';
import { daysToTicks, monthsOf, tickToIso } from '../model/time.js';
import type { LeaseSpec, Scenario } from '../scenario/scenario.js';
import { leaseFeeCents } from './lease-bill.js';

/** The tick at which notice given at `noticeTick` ends the lease (never past the horizon). */
export function exitTick(scenario: Scenario, noticeDays: number, noticeTick: number): number {
  const noticeTicks = daysToTicks(noticeDays, scenario.tickSeconds);
  return Math.min(scenario.horizonTicks, noticeTick + noticeTicks);
}

export interface ExitCost {
  /** Notice given on the first day of this month. */
  noticeMonth: string;
  /** The day the lease, and its capacity, end. */
  ends: string;
  feesPaidUsd: number;
  /** Fees of the full term less the fees paid. */
  feesSavedUsd: number;
}

/**
 * The cost of exiting: for every month from the end of the minimum term on, the fees paid if
 * notice is given on its first day (power, which depends on use, is left out).
 */
export function exitCosts(scenario: Scenario, lease: LeaseSpec): ExitCost[] {
  if (!lease.exit) return [];
  const noticeDays = lease.exit.noticeDays;
  const months = monthsOf(scenario.startMinutes, scenario.tickSeconds, scenario.horizonTicks);
  const fullCents = sum(leaseFeeCents(months, lease));
  return months.slice(lease.exit.minimumMonths).map((m) => {
    const end = exitTick(scenario, noticeDays, m.startTick);
    const paidCents = sum(leaseFeeCents(monthsOf(scenario.startMinutes, scenario.tickSeconds, end), lease));
    return {
      noticeMonth: m.label,
      ends: tickToIso(scenario.startMinutes, scenario.tickSeconds, end),
      feesPaidUsd: paidCents / 100,
      feesSavedUsd: (fullCents - paidCents) / 100,
    };
  });
}
