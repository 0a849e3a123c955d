import { z } from 'zod';
import { facilitySchema } from '../facility/schema.js';
import { schedulerSchema } from '../policies/scheduler-schema.js';
import { workloadSchema } from '../workload/schema.js';
import { optionsSchema } from '../procurement/option-schema.js';
import { defaults } from './defaults.js';
import { leaseSectionSchema } from './lease-schema.js';

/**
 * What a scenario file says (`WrittenScenario`), before defaults and units are applied. Every
 * quantity carries its unit in its key name. Types are inferred from the schema, never written
 * twice. Cross-field checks live in rules.ts; defaults in defaults.ts. Bounds checked by a
 * refinement are also given as JSON Schema keywords (`.meta`), and keys carry a description with
 * their unit (`.describe`), so the generated JSON Schema (json-schema.ts) says what the checks say.
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

const tflopsByPrecision = z.strictObject({
  fp4: positive().optional(),
  fp8: positive().optional(),
  bf16: positive().optional(),
});

export const hardwareSchema = z.strictObject({
  rack: z.string({ error: 'expected a rack type id from the catalog' }).describe('a catalog rack type: gb300-nvl72, gb200-nvl72, hgx-b200, hgx-b300, hgx-h100, hgx-h200'),
  rackOverrides: z
    .strictObject({
      name: z.string().optional(),
      gpusPerRack: wholeCount().describe('GPUs in one rack').optional(),
      maxItKw: positive().describe('IT power of a rack at full load, kW').optional(),
      idleItKw: nonNegative().describe('IT power of an idle rack, kW').optional(),
      liquidShare: finite('a fraction in [0, 1]').refine((v) => v >= 0 && v <= 1, { error: 'expected a fraction in [0, 1]' }).meta({ minimum: 0, maximum: 1 }).describe('share of the heat removed by liquid, 0..1').optional(),
    })
    .describe("override any field of the catalog's rack type")
    .optional(),
  gpuOverrides: z
    .strictObject({
      name: z.string().optional(),
      tdpW: positive().describe('GPU power at full load, W').optional(),
      idleW: nonNegative().describe('GPU power when idle, W').optional(),
      hbmGb: positive().describe('GPU memory, GB').optional(),
      denseTflops: tflopsByPrecision.describe('dense peak TFLOP/s per GPU by precision (no 2:4 sparsity)').optional(),
    })
    .describe("override any field of the catalog's GPU")
    .optional(),
});

/** Spare racks as a share of the most racks installed, written `5%`. */
const spareShare = z
  .string({ error: 'expected a whole number of racks >= 0, or a share of the racks such as 5%' })
  .regex(/^(\d+(\.\d+)?)%$/, { error: 'expected a whole number of racks >= 0, or a share of the racks such as 5%', abort: true })
  .refine((v) => Number.parseFloat(v) < 100, { error: 'expected a share of the racks below 100%' });

export const clusterSchema = z.strictObject({
  racks: wholeCount().describe('installed racks, fixed over the horizon (or give phases)').optional(),
  phases: z
    .array(z.strictObject({ from: isoDate.describe('first day of the phase, YYYY-MM-DD'), racks: wholeCount().describe('racks installed from then on (never fewer than before)') }))
    .min(1, { error: 'expected at least one phase' })
    .describe('installed racks over time, [{from, racks}] (racks are added, never removed)')
    .optional(),
  spareRacks: z
    .union([wholeNonNegative(), spareShare], { error: 'expected a whole number of racks >= 0, or a share of the racks such as 5%' })
    .describe(`racks held back from new work, used to restart interrupted runs at once: whole racks, or a share of the most installed (\`5%\`, rounded to the nearest rack) (default ${defaults.spareRacks})`)
    .optional(),
});

export const failureCauseSchema = z.strictObject({
  name: z.string().min(1, { error: 'expected a cause name' }),
  share: positive('a positive share (shares are normalised to sum to 1)').describe('relative share of the interruptions (normalised to sum to 1)'),
  repairHours: distributionSchema.describe('hours a failed rack is out of service for this cause (absent: no repair)').optional(),
});

export const failuresSchema = z.strictObject({
  ratePerGpuHour: nonNegative('a rate >= 0 interruptions per GPU-hour').describe(`interruptions per GPU-hour (default ${defaults.failureRatePerGpuHour}, Llama 3); a run on G GPUs fails at G times this rate`),
  restartMinutes: nonNegative().describe(`minutes to detect an interruption and reload (default ${defaults.restartMinutes})`).optional(),
  repairHours: distributionSchema.describe('hours a failed rack is out of service (default lognormal, median 2, p95 19)').optional(),
  causes: z.array(failureCauseSchema).min(1, { error: 'expected at least one cause' }).describe('[{name, share, repairHours?}] (default: the Llama 3 root-cause mix)').optional(),
});

export const checkpointSchema = z.strictObject({
  intervalMinutes: z
    .union([positive(), z.literal('auto'), z.literal('young'), z.literal('none')], {
      error: 'expected a positive number of minutes, "auto" (Daly\'s optimum), "young" or "none"',
    })
    .describe("compute minutes between checkpoints, auto (Daly's higher-order optimum, the default), young (Young's sqrt(2 x write x MTBF)) or none")
    .optional(),
  writeMinutes: nonNegative().describe(`minutes training is blocked while a checkpoint is written (default ${defaults.checkpointWriteMinutes}, an assumption)`).optional(),
});

/** A run's size as a share of the cluster's schedulable racks, written `95%`. */
export const rackShare = z
  .string({ error: 'expected a whole number of racks >= 1, or a share of the cluster such as 95%' })
  .regex(/^(\d+(\.\d+)?)%$/, { error: 'expected a whole number of racks >= 1, or a share of the cluster such as 95%', abort: true })
  .refine((v) => Number.parseFloat(v) > 0 && Number.parseFloat(v) <= 100, { error: 'expected a share of the cluster in (0%, 100%]' });

export const runSchema = z.strictObject({
  name: z.string({ error: 'expected a run name' }).min(1, { error: 'expected a run name' }).describe('the run\'s name, unique in the scenario'),
  racks: z
    .union([wholeCount('a whole number of racks >= 1'), rackShare], { error: 'expected a whole number of racks >= 1, or a share of the cluster such as 95%' })
    .describe("size in whole racks (NVLink domains), or a share of the cluster's racks less its spares (`95%`, rounded to the nearest rack, at least 1)"),
  submit: isoDateTime.describe('when the run joins the queue, YYYY-MM-DD or YYYY-MM-DDTHH:MM UTC (default: the start)').optional(),
  priority: z.number({ error: 'expected an integer priority' }).int({ error: 'expected an integer priority' }).describe(`higher is more important (default ${defaults.priority})`).optional(),
  team: z.string().describe('the team the run belongs to').optional(),
  precision: precisionSchema.describe("fp4, fp8 or bf16: selects the GPU's dense peak"),
  mfu: fraction('a model FLOPs utilisation in (0, 1]').describe('model FLOPs utilisation: speed = peak(precision) x mfu (or give achievedTflopsPerGpu)').optional(),
  achievedTflopsPerGpu: positive().describe('achieved TFLOP/s per GPU (instead of mfu)').optional(),
  totalFlop: positive().describe('work in FLOP (or give activeParams and tokens)').optional(),
  activeParams: positive().describe('active parameters; work = 6 x activeParams x tokens').optional(),
  tokens: positive().describe('training tokens; work = 6 x activeParams x tokens').optional(),
  computeDays: positive().describe("work as days of the run's GPUs at its speed, without interruptions: work = GPUs x achieved FLOP/s x days x 86,400 s (so the work follows the run's size)").optional(),
  estimatedDays: positive().describe("the user's runtime estimate in days: the only runtime a scheduling policy sees").optional(),
  checkpoint: checkpointSchema.optional(),
  restartMinutes: nonNegative().describe('minutes to restart after an interruption; overrides failures.restartMinutes').optional(),
});

export const scenarioSchema = z.strictObject({
  name: z.string({ error: 'expected a scenario name' }).min(1, { error: 'expected a scenario name' }).describe('a title for the report'),
  description: z.string().describe('what the scenario is about').optional(),
  seed: z.number({ error: 'expected a whole-number seed' }).int({ error: 'expected a whole-number seed' }).min(0, { error: 'expected a whole-number seed >= 0' }).describe('root seed of every random stream'),
  start: isoDate.describe('first day of the horizon, YYYY-MM-DD (UTC)'),
  end: isoDate.describe('last day of the horizon, YYYY-MM-DD (UTC), inclusive: the horizon runs until 24:00 of that day'),
  tickSeconds: wholeCount('a whole number of seconds >= 1').describe(`the clock's resolution in seconds (default ${defaults.tickSeconds}); every time is a whole number of ticks`).optional(),
  tickMinutes: wholeCount('a whole number of minutes >= 1').describe('the clock\'s resolution in minutes, instead of tickSeconds (kept for older files: tickMinutes: 1 is tickSeconds: 60)').optional(),
  hardware: hardwareSchema,
  cluster: clusterSchema,
  failures: failuresSchema.optional(),
  lease: leaseSectionSchema,
  discountRatePerYear: finite('a discount rate per year >= 0 (0.08 = 8% a year)')
    .refine((v) => v >= 0 && v < 1, { error: 'expected a discount rate per year >= 0 and < 1 (0.08 = 8% a year)' })
    .meta({ minimum: 0, exclusiveMaximum: 1 })
    .describe("discount rate per year of every option's net present value in capsim compare (0.08 = 8%; default 0)")
    .optional(),
  runs: z.array(runSchema).describe('the training runs').optional(),
  options: optionsSchema.optional(),
  facility: facilitySchema.optional(),
  // Lazy: these sections' schemas are built from the primitives above (an import cycle otherwise).
  scheduler: z.lazy(() => schedulerSchema).optional(),
  workload: z.lazy(() => workloadSchema).optional(),
});

export type WrittenScenario = z.infer<typeof scenarioSchema>;
export type WrittenRun = z.infer<typeof runSchema>;
