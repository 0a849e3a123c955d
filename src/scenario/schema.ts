import { z } from 'zod';
import { facilitySchema } from '../facility/schema.js';
import { schedulerSchema } from '../policies/scheduler-schema.js';
import { workloadSchema } from '../workload/schema.js';
import { optionsSchema } from '../procurement/option-schema.js';

/**
 * What a scenario file says (`WrittenScenario`), before defaults and units are applied. Every
 * quantity carries its unit in its key name. Types are inferred from the schema, never written
 * twice. Cross-field checks live in rules.ts; defaults in defaults.ts.
 */

export const isoDate = z
  .string({ error: 'expected a date as YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date as YYYY-MM-DD' });

export const isoDateTime = z
  .string({ error: 'expected a date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM)' })
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, {
    error: 'expected a date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM)',
  });

const finite = (what: string) => z.number({ error: `expected ${what}` }).refine(Number.isFinite, {
  error: `expected ${what}, not a non-finite number`,
});
export const positive = (what = 'a positive number') => finite(what).refine((v) => v > 0, { error: `expected ${what}` });
export const nonNegative = (what = 'a number >= 0') => finite(what).refine((v) => v >= 0, { error: `expected ${what}` });
export const wholeCount = (what = 'a whole number >= 1') =>
  z.number({ error: `expected ${what}` }).int({ error: `expected ${what}` }).min(1, { error: `expected ${what}` });
export const wholeNonNegative = (what = 'a whole number >= 0') =>
  z.number({ error: `expected ${what}` }).int({ error: `expected ${what}` }).min(0, { error: `expected ${what}` });
export const fraction = (what = 'a fraction in (0, 1]') =>
  finite(what).refine((v) => v > 0 && v <= 1, { error: `expected ${what}` });

/** A non-negative quantity: a plain number (fixed) or a named distribution. */
export const distributionSchema = z.union(
  [
    nonNegative(),
    z.discriminatedUnion(
      'distribution',
      [
        z.strictObject({ distribution: z.literal('fixed'), value: nonNegative() }),
        z.strictObject({ distribution: z.literal('uniform'), min: nonNegative(), max: nonNegative() }),
        z.strictObject({ distribution: z.literal('exponential'), mean: positive() }),
        z.strictObject({ distribution: z.literal('lognormal'), median: positive(), p95: positive() }),
        z.strictObject({
          distribution: z.literal('empirical'),
          values: z.array(nonNegative()).min(1, { error: 'expected at least one value' }),
          weights: z.array(nonNegative()).optional(),
        }),
      ],
      { error: 'expected distribution: fixed, uniform, exponential, lognormal or empirical' },
    ),
  ],
  { error: 'expected a number or {distribution: fixed|uniform|exponential|lognormal|empirical, ...}' },
);
export type WrittenDistribution = z.infer<typeof distributionSchema>;

export const precisionSchema = z.enum(['fp4', 'fp8', 'bf16'], { error: 'expected fp4, fp8 or bf16' });

const tflopsByPrecision = z.strictObject({
  fp4: positive().optional(),
  fp8: positive().optional(),
  bf16: positive().optional(),
});

export const hardwareSchema = z.strictObject({
  rack: z.string({ error: 'expected a rack type id from the catalog' }),
  rackOverrides: z
    .strictObject({
      name: z.string().optional(),
      gpusPerRack: wholeCount().optional(),
      maxItKw: positive().optional(),
      idleItKw: nonNegative().optional(),
      liquidShare: finite('a fraction in [0, 1]').refine((v) => v >= 0 && v <= 1, { error: 'expected a fraction in [0, 1]' }).optional(),
    })
    .optional(),
  gpuOverrides: z
    .strictObject({
      name: z.string().optional(),
      tdpW: positive().optional(),
      idleW: nonNegative().optional(),
      hbmGb: positive().optional(),
      denseTflops: tflopsByPrecision.optional(),
    })
    .optional(),
});

export const clusterSchema = z.strictObject({
  racks: wholeCount().optional(),
  phases: z
    .array(z.strictObject({ from: isoDate, racks: wholeCount() }))
    .min(1, { error: 'expected at least one phase' })
    .optional(),
  spareRacks: wholeNonNegative().optional(),
});

export const failureCauseSchema = z.strictObject({
  name: z.string().min(1, { error: 'expected a cause name' }),
  share: positive('a positive share (shares are normalised to sum to 1)'),
  repairHours: distributionSchema.optional(),
});

export const failuresSchema = z.strictObject({
  ratePerGpuHour: nonNegative('a rate >= 0 interruptions per GPU-hour'),
  restartMinutes: nonNegative().optional(),
  repairHours: distributionSchema.optional(),
  causes: z.array(failureCauseSchema).min(1, { error: 'expected at least one cause' }).optional(),
});

export const leaseSchema = z.strictObject({
  monthlyUsd: nonNegative('a monthly fee in USD >= 0'),
});

export const checkpointSchema = z.strictObject({
  intervalMinutes: z
    .union([positive(), z.literal('auto'), z.literal('none')], {
      error: 'expected a positive number of minutes, "auto" (Young/Daly) or "none"',
    })
    .optional(),
  writeMinutes: nonNegative().optional(),
});

export const runSchema = z.strictObject({
  name: z.string({ error: 'expected a run name' }).min(1, { error: 'expected a run name' }),
  racks: wholeCount('a whole number of racks >= 1'),
  submit: isoDateTime.optional(),
  priority: z.number({ error: 'expected an integer priority' }).int({ error: 'expected an integer priority' }).optional(),
  team: z.string().optional(),
  precision: precisionSchema,
  mfu: fraction('a model FLOPs utilisation in (0, 1]').optional(),
  achievedTflopsPerGpu: positive().optional(),
  totalFlop: positive().optional(),
  activeParams: positive().optional(),
  tokens: positive().optional(),
  estimatedDays: positive().optional(),
  checkpoint: checkpointSchema.optional(),
  restartMinutes: nonNegative().optional(),
});

export const scenarioSchema = z.strictObject({
  name: z.string({ error: 'expected a scenario name' }).min(1, { error: 'expected a scenario name' }),
  description: z.string().optional(),
  seed: z.number({ error: 'expected a whole-number seed' }).int({ error: 'expected a whole-number seed' }).min(0, { error: 'expected a whole-number seed >= 0' }),
  start: isoDate,
  end: isoDate,
  tickMinutes: wholeCount('a whole number of minutes >= 1').optional(),
  hardware: hardwareSchema,
  cluster: clusterSchema,
  failures: failuresSchema.optional(),
  lease: leaseSchema,
  runs: z.array(runSchema).optional(),
  options: optionsSchema.optional(),
  facility: facilitySchema.optional(),
  // Lazy: these sections' schemas are built from the primitives above (an import cycle otherwise).
  scheduler: z.lazy(() => schedulerSchema).optional(),
  workload: z.lazy(() => workloadSchema).optional(),
});

export type WrittenScenario = z.infer<typeof scenarioSchema>;
export type WrittenRun = z.infer<typeof runSchema>;
