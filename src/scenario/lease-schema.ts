import { z } from 'zod';

/**
 * The terms of a lease, written: the scenario's `lease:` section holds them all, and an option of
 * kind `lease` may override any of them by name. Built on zod alone, so scenario/schema.ts and
 * procurement/option-schema.ts can both use it without importing each other.
 *
 * Every number is built by `amount()` (its check, the same bounds as JSON Schema keywords for the
 * generated schema, and a description with its unit), so a later change that lets a number be a
 * distribution changes one function.
 */
type Bounds = { minimum?: number; exclusiveMinimum?: number; maximum?: number; exclusiveMaximum?: number };

export function amount(what: string, bounds: Bounds, description: string) {
  const ok = (v: number) =>
    Number.isFinite(v) &&
    (bounds.minimum === undefined || v >= bounds.minimum) &&
    (bounds.exclusiveMinimum === undefined || v > bounds.exclusiveMinimum) &&
    (bounds.maximum === undefined || v <= bounds.maximum) &&
    (bounds.exclusiveMaximum === undefined || v < bounds.exclusiveMaximum);
  return z.number({ error: `expected ${what}` }).refine(ok, { error: `expected ${what}` }).meta(bounds).describe(description);
}

export const wholeNumber = (what: string, minimum: number, description: string) =>
  z.number({ error: `expected ${what}` }).int({ error: `expected ${what}` }).min(minimum, { error: `expected ${what}` }).describe(description);

export const usd = (what: string, description: string) => amount(`${what} in USD >= 0`, { minimum: 0 }, description);
export const days = (description: string) => amount('a number of days >= 0', { minimum: 0 }, description);
export const leaseDate = z.string({ error: 'expected a date as YYYY-MM-DD' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date as YYYY-MM-DD' });

export const rampFees = ['pro-rata', 'take-or-pay'] as const;

export const leaseTermsShape = {
  monthlyUsd: usd('a monthly fee', 'the monthly fee, USD, prorated by days for a partial month (or give schedule)').optional(),
  schedule: z
    .array(z.strictObject({ from: leaseDate.describe('first day of the step, YYYY-MM-DD'), monthlyUsd: usd('a monthly fee', 'the monthly fee from then on, USD') }))
    .min(1, { error: 'expected at least one step {from, monthlyUsd}' })
    .describe('the fee over time, [{from, monthlyUsd}], the first step on the start (instead of monthlyUsd)')
    .optional(),
  escalatorPerYear: amount('an annual escalator as a fraction >= 0 (0.03 = 3% a year)', { minimum: 0, exclusiveMaximum: 1 }, 'yearly fee increase from the 13th month, compounding (0.03 = 3%; default 0)').optional(),
  powerUsdPerMwh: usd('an energy price', 'energy passed through at this price, USD per MWh (absent: power is included in the fee)').optional(),
  pue: amount('a PUE >= 1', { minimum: 1 }, 'PUE of the energy estimate without a facility section (default 1.2)').optional(),
  trainingPowerShare: amount('a fraction of max IT power in (0, 1]', { exclusiveMinimum: 0, maximum: 1 }, 'share of max IT power a training rack draws, for the energy estimate (default 0.8)').optional(),
  exit: z
    .strictObject({
      minimumMonths: wholeNumber('a whole number of months >= 0', 0, 'months before notice may be given'),
      noticeDays: days('days from notice to the end of the lease'),
      noticeGiven: leaseDate.describe('notice given on this day, YYYY-MM-DD: the lease and its capacity end when it runs out').optional(),
    })
    .describe("the tenant's exit clause")
    .optional(),
  rampIn: z
    .strictObject({
      steps: z
        .array(z.strictObject({ from: leaseDate.describe('first day of the step, YYYY-MM-DD'), racks: wholeNumber('a whole number of racks >= 0', 0, 'racks delivered from then on (never fewer)') }))
        .min(1, { error: 'expected at least one step {from, racks}' })
        .describe('capacity delivered over time, [{from, racks}], up to cluster.racks'),
      fees: z.enum(rampFees, { error: 'expected fees: pro-rata or take-or-pay' }).describe('pro-rata: the fee x racks delivered / cluster.racks; take-or-pay: the whole fee'),
    })
    .describe('capacity delivered in steps, instead of cluster.phases')
    .optional(),
  termination: z
    .strictObject({
      probabilityPerMonth: amount('a probability per month in [0, 1]', { minimum: 0, maximum: 1 }, 'chance the lessor gives notice on the first day of a month'),
      noticeDays: days("days from the lessor's notice to the end of the lease (default: the exit's)").optional(),
      afterMonths: wholeNumber('a whole number of months >= 0', 0, "months before the lessor may give notice (default: the exit's minimum)").optional(),
    })
    .describe("the lessor's right to end the lease, as a seeded risk (stream lease:termination)")
    .optional(),
  fallback: z
    .string({ error: 'expected the name of an option' })
    .min(1, { error: 'expected the name of an option' })
    .describe('the cloud or own option that takes the runs still to do when the lease ends early')
    .optional(),
};

export const leaseSectionSchema = z.strictObject(leaseTermsShape).describe('every term of the lease; a lease option refers to it and may override any key');

export type WrittenLeaseTerms = z.infer<typeof leaseSectionSchema>;
