import { z } from 'zod';

/**
 * The terms of a lease, written: the scenario's `lease:` section holds them all, and an option of
 * kind `lease` may override any of them by name. Built on zod alone, so scenario/schema.ts and
 * procurement/option-schema.ts can both use it without importing each other.
 *
 * Every number is built by `amount()`, so a later change that lets a number be a distribution
 * changes one function.
 */
const amount = (what: string, ok: (v: number) => boolean) =>
  z.number({ error: `expected ${what}` }).refine((v) => Number.isFinite(v) && ok(v), { error: `expected ${what}` });
const usd = (what: string) => amount(`${what} in USD >= 0`, (v) => v >= 0);
const days = amount('a number of days >= 0', (v) => v >= 0);
const wholeMonths = z
  .number({ error: 'expected a whole number of months >= 0' })
  .int({ error: 'expected a whole number of months >= 0' })
  .min(0, { error: 'expected a whole number of months >= 0' });
const wholeRacks = z
  .number({ error: 'expected a whole number of racks >= 0' })
  .int({ error: 'expected a whole number of racks >= 0' })
  .min(0, { error: 'expected a whole number of racks >= 0' });
export const leaseDate = z.string({ error: 'expected a date as YYYY-MM-DD' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date as YYYY-MM-DD' });

export const rampFees = ['pro-rata', 'take-or-pay'] as const;

export const leaseTermsShape = {
  /** The monthly fee; or `schedule`, not both. */
  monthlyUsd: usd('a monthly fee').optional(),
  schedule: z
    .array(z.strictObject({ from: leaseDate, monthlyUsd: usd('a monthly fee') }))
    .min(1, { error: 'expected at least one step {from, monthlyUsd}' })
    .optional(),
  escalatorPerYear: amount('an annual escalator as a fraction >= 0 (0.03 = 3% a year)', (v) => v >= 0 && v < 1).optional(),
  /** Absent: power is included in the fee. Present: energy is passed through at this price. */
  powerUsdPerMwh: usd('an energy price').optional(),
  pue: amount('a PUE >= 1', (v) => v >= 1).optional(),
  trainingPowerShare: amount('a fraction of max IT power in (0, 1]', (v) => v > 0 && v <= 1).optional(),
  exit: z
    .strictObject({
      minimumMonths: wholeMonths,
      noticeDays: days,
      /** Notice given on this day: the lease, and the capacity, end when the notice runs out. */
      noticeGiven: leaseDate.optional(),
    })
    .optional(),
  /** Capacity delivered in steps; the fee while it ramps is pro rata or in full (take-or-pay). */
  rampIn: z
    .strictObject({
      steps: z.array(z.strictObject({ from: leaseDate, racks: wholeRacks })).min(1, { error: 'expected at least one step {from, racks}' }),
      fees: z.enum(rampFees, { error: 'expected fees: pro-rata or take-or-pay' }),
    })
    .optional(),
  /** The lessor's right to end the lease: a seeded monthly risk after the minimum term. */
  termination: z
    .strictObject({
      probabilityPerMonth: amount('a probability per month in [0, 1]', (v) => v >= 0 && v <= 1),
      /** Default: the exit clause's notice. */
      noticeDays: days.optional(),
      /** Default: the exit clause's minimum term. */
      afterMonths: wholeMonths.optional(),
    })
    .optional(),
  /** Where the runs still to do go when the lease ends early: the name of a cloud or own option. */
  fallback: z.string({ error: 'expected the name of an option' }).min(1, { error: 'expected the name of an option' }).optional(),
};

export const leaseSectionSchema = z.strictObject(leaseTermsShape);

export type WrittenLeaseTerms = z.infer<typeof leaseSectionSchema>;
