import { z } from 'zod';

/**
 * The optional `facility:` section of a scenario: site and weather, power supply, IT power by
 * rack state, cooling, and what to do when power or cooling falls short. Every quantity carries
 * its unit in its key. Defaults and their sources live in defaults.ts. Built on zod alone (not on
 * scenario/schema.ts, which imports this file) so the two modules do not import each other.
 */
const number = (what: string, ok: (v: number) => boolean) =>
  z.number({ error: `expected ${what}` }).refine((v) => Number.isFinite(v) && ok(v), { error: `expected ${what}` });
const positive = (what = 'a positive number') => number(what, (v) => v > 0);
const nonNegative = (what = 'a number >= 0') => number(what, (v) => v >= 0);
const fraction = (what = 'a fraction in (0, 1]') => number(what, (v) => v > 0 && v <= 1);
const wholeCount = (what = 'a whole number >= 1') => number(what, (v) => Number.isInteger(v) && v >= 1);
const wholeNonNegative = (what = 'a whole number >= 0') => number(what, (v) => Number.isInteger(v) && v >= 0);
const isoDate = z.string({ error: 'expected a date as YYYY-MM-DD' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date as YYYY-MM-DD' });
const isoDateTime = z
  .string({ error: 'expected a date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM)' })
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, { error: 'expected a date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM)' });
/** Hours: a plain number, or an exponential or lognormal distribution (see random/distributions.ts). */
const hoursDistribution = z.union(
  [
    nonNegative(),
    z.strictObject({ distribution: z.literal('exponential'), mean: positive() }),
    z.strictObject({ distribution: z.literal('lognormal'), median: positive(), p95: positive() }),
  ],
  { error: 'expected hours, {distribution: exponential, mean} or {distribution: lognormal, median, p95}' },
);
const celsius = (what = 'a temperature in °C') =>
  z.number({ error: `expected ${what}` }).refine((v) => Number.isFinite(v) && v > -90 && v < 70, { error: `expected ${what} between -90 and 70` });

const shareOfMax = (what: string) => fraction(`${what}, a fraction of the rack's max IT power in (0, 1]`);

export const weatherSchema = z.strictObject({
  /** An hourly CSV (`time,dryBulbC`) or EPW file, read as a typical year; relative to the scenario file. */
  file: z.string().min(1, { error: 'expected a file path' }).optional(),
  /** Set false to leave seeded heat waves out of the synthetic series. */
  seededHeatWaves: z.boolean({ error: 'expected true or false' }).optional(),
  /** Heat waves on given dates, added on top of the series. */
  heatWaves: z.array(z.strictObject({ from: isoDate, days: wholeCount('a whole number of days >= 1'), extraC: celsius('extra °C') })).optional(),
});

export const turbinesSchema = z.strictObject({
  units: wholeNonNegative('a whole number of turbine units >= 0'),
  unitMw: positive('MW per unit, > 0'),
  /** Mean hours between forced outages of one unit. */
  mtbfHours: positive('mean hours between outages, > 0').optional(),
  repairHours: hoursDistribution.optional(),
});

export const supplySchema = z.strictObject({
  gridMw: nonNegative('grid contract MW >= 0'),
  /** Later contract levels: from each date on, the grid supplies `gridMw`. */
  gridSteps: z.array(z.strictObject({ from: isoDate, gridMw: nonNegative('grid contract MW >= 0') })).optional(),
  turbines: turbinesSchema.optional(),
  battery: z.strictObject({ energyMwh: nonNegative(), powerMw: nonNegative(), roundTripEfficiency: fraction().optional() }).optional(),
  curtailments: z.array(z.strictObject({ from: isoDateTime, hours: wholeCount('a whole number of hours >= 1'), mw: nonNegative() })).optional(),
  /** Curtailments drawn each summer among the hottest days of the weather series. */
  seededCurtailments: z.strictObject({ perYear: nonNegative(), hours: wholeCount('a whole number of hours >= 1'), mw: nonNegative() }).optional(),
  /** How fast the supply can follow a step in demand; faster swings are counted as violations. */
  rampMwPerMinute: positive().optional(),
});

export const itPowerSchema = z.strictObject({
  trainingShareOfMax: shareOfMax('training draw').optional(),
  checkpointShareOfMax: shareOfMax('draw while writing a checkpoint').optional(),
  restartShareOfMax: shareOfMax('draw while restarting').optional(),
  /** The part of a rack's draw that a GPU power cap does not touch (CPUs, switches, fans). */
  nonGpuKwPerRack: nonNegative().optional(),
  /** Campus IT outside the racks (fabric, storage) per MW of rack IT. */
  overheadMwPerItMw: nonNegative().optional(),
  /** Electrical losses (transformers, UPS) as a share of what they deliver. */
  electricalLossShare: finiteShare().optional(),
});

function finiteShare() {
  return z.number({ error: 'expected a share in [0, 1)' }).refine((v) => Number.isFinite(v) && v >= 0 && v < 1, { error: 'expected a share in [0, 1)' });
}

export const coolingSchema = z.strictObject({
  plant: z.enum(['air-chillers', 'cooling-towers'], { error: 'expected air-chillers or cooling-towers' }).optional(),
  /** Heat the plant rejects at its design outdoor temperature. */
  plantCapacityMw: positive().optional(),
  designDryBulbC: celsius().optional(),
  designWetBulbC: celsius().optional(),
  /** Share of capacity lost per °C above the design point. */
  capacityLossPerC: finiteShare().optional(),
  /** Plant power per unit of heat rejected, at the design point. */
  kwPerKwAtDesign: nonNegative().optional(),
  /** Relative change of that power per °C away from the design point. */
  kwPerKwChangePerC: nonNegative().optional(),
  /** The floor: fans and pumps when the outdoor air does most of the work. */
  minKwPerKw: nonNegative().optional(),
  cduCapacityKw: positive().optional(),
  racksPerCdu: wholeCount().optional(),
  cduPumpKwPerKw: nonNegative().optional(),
  airKwPerKw: nonNegative().optional(),
});

export const facilitySchema = z.strictObject({
  site: z.string({ error: 'expected a site id from the catalog' }).optional(),
  weather: weatherSchema.optional(),
  supply: supplySchema,
  it: itPowerSchema.optional(),
  cooling: coolingSchema.optional(),
  policy: z.enum(['cap', 'shed'], { error: 'expected cap (uniform GPU power cap) or shed (pause the lowest-priority runs)' }).optional(),
  /** Throughput under a cap scales as (cap / uncapped draw) ^ capExponent. */
  capExponent: positive().optional(),
  /** The lowest GPU cap, as a share of the uncapped training draw; below it runs are shed. */
  minCapShare: fraction().optional(),
  pricePerMwhUsd: nonNegative().optional(),
});

export type WrittenFacility = z.infer<typeof facilitySchema>;
