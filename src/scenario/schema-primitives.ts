import { z } from 'zod';

/**
 * The building blocks of the scenario's schema: dates, bounded numbers, distributions and
 * precisions, each with the error message a user sees and, where a refinement checks a bound,
 * the bound as a JSON Schema keyword.
 */

export const isoDate = z
  .string({ error: 'expected a date as YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date as YYYY-MM-DD' });

export const isoDateTime = z
  .string({ error: 'expected a date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM)' })
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, {
    error: 'expected a date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM)',
  });

export const finite = (what: string) => z.number({ error: `expected ${what}` }).refine(Number.isFinite, {
  error: `expected ${what}, not a non-finite number`,
});
export const positive = (what = 'a positive number') => finite(what).refine((v) => v > 0, { error: `expected ${what}` }).meta({ exclusiveMinimum: 0 });
export const nonNegative = (what = 'a number >= 0') => finite(what).refine((v) => v >= 0, { error: `expected ${what}` }).meta({ minimum: 0 });
export const wholeCount = (what = 'a whole number >= 1') =>
  z.number({ error: `expected ${what}` }).int({ error: `expected ${what}` }).min(1, { error: `expected ${what}` });
export const wholeNonNegative = (what = 'a whole number >= 0') =>
  z.number({ error: `expected ${what}` }).int({ error: `expected ${what}` }).min(0, { error: `expected ${what}` });
export const fraction = (what = 'a fraction in (0, 1]') =>
  finite(what).refine((v) => v > 0 && v <= 1, { error: `expected ${what}` }).meta({ exclusiveMinimum: 0, maximum: 1 });

/** A non-negative quantity: a plain number (fixed) or a named distribution. */
export const distributionSchema = z.union(
  [
    nonNegative(),
    z.discriminatedUnion(
      'distribution',
      [
        z.strictObject({ distribution: z.literal('fixed'), value: nonNegative() }),
        z.strictObject({ distribution: z.literal('uniform'), min: nonNegative(), max: nonNegative() }),
        z.strictObject({ distribution: z.literal('triangular'), min: nonNegative(), mode: nonNegative(), max: nonNegative() }),
        z.strictObject({ distribution: z.literal('exponential'), mean: positive() }),
        z.strictObject({ distribution: z.literal('lognormal'), median: positive(), p95: positive(), min: nonNegative().optional(), max: positive().optional() }),
        z.strictObject({
          distribution: z.literal('empirical'),
          values: z.array(nonNegative()).min(1, { error: 'expected at least one value' }),
          weights: z.array(nonNegative()).optional(),
        }),
      ],
      { error: 'expected distribution: fixed, uniform, triangular, exponential, lognormal or empirical' },
    ),
  ],
  { error: 'expected a number or {distribution: fixed|uniform|triangular|exponential|lognormal|empirical, ...}' },
).describe('a number >= 0 (fixed), or {distribution: fixed | uniform | triangular | exponential | lognormal | empirical, ...}, in the unit of its key');
export type WrittenDistribution = z.infer<typeof distributionSchema>;

export const precisionSchema = z.enum(['fp4', 'fp8', 'bf16'], { error: 'expected fp4, fp8 or bf16' });
