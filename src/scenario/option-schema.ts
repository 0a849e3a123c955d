import { z } from 'zod';
import { amount, days, leaseDate, leaseTermsShape, usd, wholeNumber } from './lease-schema.js';

/**
 * The `options:` section of a scenario: ways to buy the same compute, each run against the same
 * workload by `capsim compare`. Built on zod alone (not on scenario/schema.ts, which imports this
 * file) so the two modules do not import each other. Numbers are built by `amount()`, one place to
 * change when a number may become a distribution.
 */

const price = (description: string) => amount('a price in USD per GPU-hour >= 0', { minimum: 0 }, description);
const share = (what: string, description: string) => amount(`${what} as a fraction in [0, 1]`, { minimum: 0, maximum: 1 }, description);
const gpuCount = (description: string) => wholeNumber('a whole number of GPUs >= 1', 1, description);
const name = z.string({ error: 'expected an option name' }).min(1, { error: 'expected an option name' }).describe("the option's name, unique among the options");
const offer = z.string({ error: 'expected a cloud offer id from the catalog' });
/** A catalog rack id, as in `hardware.rack`: the hardware an option's GPUs are. */
const rack = z.string({ error: 'expected a rack type id from the catalog' });
const rackIds = 'gb300-nvl72, gb200-nvl72, hgx-b200, hgx-b300, hgx-h100, hgx-h200';

/** Cloud capacity: the most GPUs the provider gives at once, and the wait for a large allocation. */
const capacity = {
  capacityGpus: gpuCount('the most GPUs the provider gives at once (default: room for every run)').optional(),
  leadTimeDays: days('days before a large allocation starts (default 0)').optional(),
  leadTimeAboveGpus: gpuCount('allocations of at least this many GPUs wait the lead time (default: all)').optional(),
  replacementMinutes: amount('a number of minutes >= 0', { minimum: 0 }, 'minutes until the provider replaces a failed node (default 30, an assumption)').optional(),
};

/** The price of GPU-hours billed as used: a schedule of steps and/or a decline per year. */
const pricePath = {
  priceSchedule: z
    .array(z.strictObject({ from: leaseDate.describe('first day of the price, YYYY-MM-DD'), priceUsdPerGpuHour: price('USD per GPU-hour from then on') }))
    .min(1, { error: 'expected at least one step {from, priceUsdPerGpuHour}' })
    .describe('the price over time, [{from, priceUsdPerGpuHour}]')
    .optional(),
  priceDeclinePerYear: amount('a decline per year as a fraction in [0, 1) (0.2 = 20% cheaper a year)', { minimum: 0, exclusiveMaximum: 1 }, 'month m is billed at the price x (1 - decline)^(m / 12)').optional(),
};

const cloud = {
  name,
  offer: offer.describe('a cloud offer of the catalog: its price and rack').optional(),
  priceUsdPerGpuHour: price('USD per GPU-hour (wins over the offer\'s)').optional(),
  rack: rack.describe(`the hardware, a catalog rack: ${rackIds} (default: the offer's, else hardware.rack)`).optional(),
  ...capacity,
  ...pricePath,
};

const overflow = {
  overflowOffer: offer.describe('the catalog offer whose price GPU-hours above the commitment pay').optional(),
  overflowUsdPerGpuHour: price('USD per GPU-hour above the commitment (reserved default: none, runs wait)').optional(),
};

export const leaseOptionSchema = z.strictObject({ name, kind: z.literal('lease'), ...leaseTermsShape });

export const onDemandOptionSchema = z.strictObject({
  ...cloud,
  kind: z.literal('on-demand'),
  upgrade: z
    .strictObject({
      from: leaseDate.describe('the day the newer offer is available, YYYY-MM-DD'),
      offer: offer.describe('the newer catalog offer').optional(),
      rack: rack.describe("its hardware (default: the newer offer's)").optional(),
      priceUsdPerGpuHour: price("its price (default: the newer offer's)").optional(),
    })
    .describe('a newer offer: runs submitted from its date on use its hardware and price')
    .optional(),
});

export const reservedOptionSchema = z.strictObject({
  ...cloud,
  kind: z.literal('reserved'),
  committedGpus: gpuCount('GPUs paid for over the term, used or not'),
  from: leaseDate.describe('the first day of the commitment (default: the start)').optional(),
  termMonths: wholeNumber('a whole number of months >= 1', 1, 'calendar months the commitment runs (default: to the horizon\'s end)').optional(),
  ...overflow,
});

export const blockOptionSchema = z.strictObject({
  ...cloud,
  kind: z.literal('block'),
  blocks: z
    .array(
      z.strictObject({
        from: leaseDate.describe('the first day of the block, YYYY-MM-DD'),
        days: wholeNumber('a whole number of days >= 1', 1, 'days the block lasts'),
        gpus: gpuCount('GPUs in the block'),
      }),
    )
    .min(1, { error: 'expected at least one block {from, days, gpus}' })
    .describe('fixed GPUs for a fixed number of days, [{from, days, gpus}], each paid in full when booked'),
  bookedDaysAhead: days('days before its start that a block is booked and paid (default 0)').optional(),
  ...overflow,
});

export const spotOptionSchema = z.strictObject({
  ...cloud,
  kind: z.literal('spot'),
  preemptionsPerGpuHour: amount('a rate >= 0 preemptions per GPU-hour', { minimum: 0 }, "preemptions per GPU-hour held (default: the offer's)").optional(),
  noticeMinutes: amount('a number of minutes >= 0', { minimum: 0 }, "warning before a preemption, minutes (default: the offer's, else 2)").optional(),
});

export const hybridOptionSchema = z.strictObject({
  name,
  kind: z.literal('hybrid'),
  lease: z.string({ error: 'expected the name of a lease option' }).describe('the name of a lease option: the base'),
  burst: z.string({ error: 'expected the name of a cloud option' }).describe('the name of an on-demand, reserved, block or spot option: where runs burst'),
  burstAfterDays: days("a run that has waited this long for the lease's racks goes to the cloud instead"),
});

export const ownOptionSchema = z.strictObject({
  name,
  kind: z.literal('own'),
  capexUsdPerRack: usd('a price per rack', "price of one rack (system) delivered, USD (default: the catalog's for hardware.rack)").optional(),
  networkShareOfCapex: share("the scale-out network, a share of the racks' price", "the network on top of the racks' price (default 0.2)").optional(),
  storageShareOfCapex: share("storage, a share of the racks' price", "storage on top of the racks' price (default 0.05, an assumption)").optional(),
  deliveryDays: days('days from order to capacity: every step of the cluster arrives this much later (default 0)').optional(),
  depreciationYears: amount('a number of years > 0', { exclusiveMinimum: 0 }, 'years of the loan when financed, and of the straight-line book value (default 5)').optional(),
  residualShareAtEnd: share('a residual value', "the hardware's value at the horizon's end, a share of its price (default: its resale value at its age)").optional(),
  colocationUsdPerKwMonth: usd('a colocation price per kW-month', 'colocation per kW of IT capacity installed per month, USD (default 184)').optional(),
  powerUsdPerMwh: usd('an energy price', "energy price, USD per MWh (default: the facility's pricePerMwhUsd, 67)").optional(),
  pue: amount('a PUE >= 1', { minimum: 1 }, 'PUE of the energy estimate without a facility section (default 1.2)').optional(),
  trainingPowerShare: amount('a fraction of max IT power in (0, 1]', { exclusiveMinimum: 0, maximum: 1 }, 'share of max IT power a training rack draws, for the energy estimate (default 0.8)').optional(),
  staffUsdPerMwYear: usd('a staff cost per MW-year', 'operations staff per MW of IT capacity per year, USD (default 150,000, an assumption)').optional(),
  staffUsdPerRackYear: usd('a staff cost per rack-year', 'operations staff per rack per year, USD (default 0)').optional(),
  costOfCapitalPerYear: amount('a rate per year >= 0 and < 1', { minimum: 0, exclusiveMaximum: 1 }, 'absent: paid in cash on delivery; present: financed by a loan at this rate per year').optional(),
});

export const optionKinds = ['lease', 'on-demand', 'reserved', 'block', 'spot', 'hybrid', 'own'] as const;
/** The kinds that rent GPU-hours from a cloud. */
export const cloudKinds: readonly string[] = ['on-demand', 'reserved', 'block', 'spot'];

export const optionSchema = z.discriminatedUnion(
  'kind',
  [leaseOptionSchema, onDemandOptionSchema, reservedOptionSchema, blockOptionSchema, spotOptionSchema, hybridOptionSchema, ownOptionSchema],
  { error: `expected kind: ${optionKinds.slice(0, -1).join(', ')} or ${optionKinds[optionKinds.length - 1]}` },
);

export const optionsSchema = z.array(optionSchema).min(1, { error: 'expected at least one option' }).describe('ways to buy the same compute (lease, on-demand, reserved, block, spot, hybrid, own), compared by capsim compare');

export type WrittenOption = z.infer<typeof optionSchema>;
export type WrittenLeaseOption = z.infer<typeof leaseOptionSchema>;
export type WrittenCloudOption = z.infer<typeof onDemandOptionSchema | typeof reservedOptionSchema | typeof blockOptionSchema | typeof spotOptionSchema>;
export type WrittenOwnOption = z.infer<typeof ownOptionSchema>;
