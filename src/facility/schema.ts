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
  /** CO2 per MWh the turbines generate (simple cycle by default). */
  kgCo2PerMwh: nonNegative('kg CO2 per MWh >= 0').optional(),
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
  /** Cooling-tower water: what evaporates per kWh of heat, make-up per litre evaporated, evaporated share by wet-bulb. */
  water: z
    .strictObject({
      evaporationLitersPerKwh: nonNegative('litres per kWh of heat >= 0').optional(),
      makeupPerEvaporated: number('litres drawn per litre evaporated, >= 1', (v) => v >= 1).optional(),
      latentShareAt0C: fraction('a share of the heat in (0, 1]').optional(),
      latentShareAt25C: fraction('a share of the heat in (0, 1]').optional(),
    })
    .optional(),
});

const hourOfDay = (what: string, max: number) => number(`${what}, a whole hour in 0..${max}`, (v) => Number.isInteger(v) && v >= 0 && v <= max);
const usdPerMwh = () => nonNegative('USD per MWh >= 0');

/** GB300-style rack power smoothing: an energy store per rack and a ramp limit on each rack's draw. */
export const smoothingSchema = z.strictObject({
  storeKjPerRack: nonNegative('kJ per rack >= 0').optional(),
  rampKwPerSecond: z.union([z.literal('auto'), positive('kW per second per rack, > 0')], { error: 'expected auto or kW per second per rack, > 0' }).optional(),
});

/** The campus the lease sits on: the share of its supply and plant the lease buys, or the other tenants' load. */
export const campusSchema = z.strictObject({
  racks: wholeCount('a whole number of racks >= 1').describe("the racks the campus was built for: the lease buys its racks' share of the supply and the plant (when supplyShare and plantShare are not written)").optional(),
  supplyShare: fraction('the share of the campus supply the lease buys, in (0, 1]').optional(),
  plantShare: fraction('the share of the campus cooling plant the lease buys, in (0, 1]').optional(),
  otherTenants: z
    .array(z.strictObject({ name: z.string({ error: 'expected a name' }).min(1, { error: 'expected a name' }), itMw: nonNegative('IT MW >= 0'), from: isoDate.optional() }))
    .optional(),
});

/** Time-of-use energy prices (local standard time of the site) and a monthly demand charge. */
export const tariffSchema = z.strictObject({
  periods: z
    .array(
      z.strictObject({
        name: z.string({ error: 'expected a period name' }).min(1, { error: 'expected a period name' }),
        months: z.array(number('a month 1..12', (v) => Number.isInteger(v) && v >= 1 && v <= 12)).optional(),
        days: z.enum(['all', 'weekdays', 'weekends'], { error: 'expected all, weekdays or weekends' }).optional(),
        fromHour: hourOfDay('the first hour of the period', 23),
        toHour: hourOfDay('the hour the period ends (exclusive)', 24),
        usdPerMwh: usdPerMwh(),
      }),
    )
    .optional(),
  /** Hours no period covers; the facility's pricePerMwhUsd when absent. */
  offPeakUsdPerMwh: usdPerMwh().optional(),
  /** An hourly CSV (`time,usdPerMwh`, UTC, read as a typical year) instead of periods. */
  file: z.string().min(1, { error: 'expected a file path' }).optional(),
  /** USD per kW of the month's highest hourly mean demand (within `demandPeriod` when given). */
  demandUsdPerKwMonth: nonNegative('USD per kW-month >= 0').optional(),
  demandPeriod: z.string({ error: 'expected a period name' }).optional(),
});

const demandResponseEvent = {
  hours: wholeCount('a whole number of hours >= 1'),
  mw: nonNegative('MW asked >= 0'),
  usdPerMwh: usdPerMwh(),
  noticeMinutes: nonNegative('minutes of notice >= 0').optional(),
};

/** Paid curtailment: events given or drawn each year, and whether the facility takes them. */
export const demandResponseSchema = z.strictObject({
  events: z.array(z.strictObject({ from: isoDateTime, ...demandResponseEvent })).optional(),
  seeded: z.strictObject({ perYear: nonNegative(), ...demandResponseEvent }).optional(),
  accept: z.enum(['always', 'when-paid'], { error: 'expected always or when-paid (take an event when its payment exceeds the value of the throughput lost)' }).optional(),
  /** What a GPU-hour of lost throughput is worth, for `when-paid`. */
  gpuHourValueUsd: nonNegative('USD per GPU-hour >= 0').optional(),
});

/** Grid carbon intensity: an hourly file, or one flat figure, instead of the site's monthly profile. */
export const carbonSchema = z.strictObject({
  file: z.string().min(1, { error: 'expected a file path' }).optional(),
  gridKgCo2PerMwh: nonNegative('kg CO2 per MWh >= 0').optional(),
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
  /** Throughput under a cap as (cap share, throughput) points, linear between them. */
  capCurve: z.array(z.tuple([fraction('a cap share in (0, 1]'), fraction('a throughput share in (0, 1]')], { error: 'expected [cap share, throughput]' })).optional(),
  /** The lowest GPU cap, as a share of the uncapped training draw; below it runs are shed. */
  minCapShare: fraction().optional(),
  pricePerMwhUsd: nonNegative().optional(),
  smoothing: smoothingSchema.optional(),
  campus: campusSchema.optional(),
  tariff: tariffSchema.optional(),
  demandResponse: demandResponseSchema.optional(),
  carbon: carbonSchema.optional(),
});

export type WrittenFacility = z.infer<typeof facilitySchema>;
