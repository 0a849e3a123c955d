import { isoToTick } from '../model/time.js';
import { leaseDefaults } from './lease-defaults.js';
import type { WrittenLeaseTerms } from './lease-schema.js';
import type { LeaseSpec } from './scenario.js';

export interface LeaseContext {
  startMinutes: number;
  tickSeconds: number;
  /** The cluster's racks at full strength: what a pro-rata fee is measured against. */
  fullRacks: number;
}

/**
 * A lease's terms as the scenario's `lease:` section writes them, overridden by a lease option's
 * own keys: a key the option gives replaces the section's whole (a fee given as `monthlyUsd`
 * replaces a `schedule`, and the other way round; `exit`, `rampIn` and `termination` replace the
 * section's mapping whole).
 */
export function mergeLeaseTerms(section: WrittenLeaseTerms, overrides: Partial<WrittenLeaseTerms> = {}): WrittenLeaseTerms {
  const given = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) as WrittenLeaseTerms;
  const base: WrittenLeaseTerms = { ...section };
  if (given.monthlyUsd !== undefined || given.schedule !== undefined) {
    delete base.monthlyUsd;
    delete base.schedule;
  }
  return { ...base, ...given };
}

/** Written terms -> LeaseSpec: dates to ticks, defaults applied. Assumes the lease rules passed. */
export function normalizeLease(w: WrittenLeaseTerms, ctx: LeaseContext): LeaseSpec {
  const toTick = (iso: string) => Math.max(0, isoToTick(iso, ctx.startMinutes, ctx.tickSeconds));
  const exit = w.exit ? { minimumMonths: w.exit.minimumMonths, noticeDays: w.exit.noticeDays, noticeGivenTick: w.exit.noticeGiven ? toTick(w.exit.noticeGiven) : null } : null;
  return {
    schedule: w.schedule ? w.schedule.map((step) => ({ tick: toTick(step.from), monthlyUsd: step.monthlyUsd })) : [{ tick: 0, monthlyUsd: w.monthlyUsd ?? 0 }],
    escalatorPerYear: w.escalatorPerYear ?? 0,
    powerUsdPerMwh: w.powerUsdPerMwh ?? null,
    pue: w.pue ?? leaseDefaults.pue,
    trainingPowerShare: w.trainingPowerShare ?? leaseDefaults.trainingPowerShare,
    exit,
    rampIn: w.rampIn ? { steps: w.rampIn.steps.map((s) => ({ tick: toTick(s.from), racks: s.racks })), fees: w.rampIn.fees, fullRacks: ctx.fullRacks } : null,
    termination: w.termination
      ? {
          probabilityPerMonth: w.termination.probabilityPerMonth,
          noticeDays: w.termination.noticeDays ?? exit?.noticeDays ?? 0,
          afterMonths: w.termination.afterMonths ?? exit?.minimumMonths ?? 0,
        }
      : null,
    fallback: w.fallback ?? null,
  };
}
