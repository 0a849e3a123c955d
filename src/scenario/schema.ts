import { z } from 'zod';
import { facilitySchema } from '../facility/schema.js';
import { schedulerSchema } from '../policies/scheduler-schema.js';
import { workloadSchema } from '../workload/schema.js';
import { optionsSchema } from './option-schema.js';
import { defaults } from './defaults.js';
import { leaseSectionSchema } from './lease-schema.js';
import { finite, isoDate, isoDateTime, nonNegative, positive, precisionSchema, wholeCount, wholeNonNegative, fraction } from './schema-primitives.js';
import { failuresSchema } from './failures-schema.js';
import { runSchema } from './run-schema.js';

export { distributionSchema, finite, fraction, isoDate, isoDateTime, nonNegative, positive, precisionSchema, wholeCount, wholeNonNegative, type WrittenDistribution } from './schema-primitives.js';
export { checkpointSchema, runSchema, type WrittenRun } from './run-schema.js';
export { failureCauseSchema, failuresSchema } from './failures-schema.js';

/**
 * What a scenario file says (`WrittenScenario`), before defaults and units are applied. Every
 * quantity carries its unit in its key name. Types are inferred from the schema, never written
 * twice. Cross-field checks live in rules.ts; defaults in defaults.ts. Bounds checked by a
 * refinement are also given as JSON Schema keywords (`.meta`), and keys carry a description with
 * their unit (`.describe`), so the generated JSON Schema (json-schema.ts) says what the checks say.
 */

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
