import { z } from 'zod';
import { leaseDate, leaseTermsShape } from '../scenario/lease-schema.js';

/**
 * The `options:` section of a scenario: ways to buy the same compute, each run against the same
 * workload by `capsim compare`. Built on zod alone (not on scenario/schema.ts, which imports this
 * file) so the two modules do not import each other. Numbers are built by `amount()`, one place to
 * change when a number may become a distribution.
 */

const amount = (what: string, ok: (v: number) => boolean) =>
  z.number({ error: `expected ${what}` }).refine((v) => Number.isFinite(v) && ok(v), { error: `expected ${what}` });
const usd = (what: string) => amount(`${what} in USD >= 0`, (v) => v >= 0);
const price = amount('a price in USD per GPU-hour >= 0', (v) => v >= 0);
const share = (what: string) => amount(`${what} as a fraction in [0, 1]`, (v) => v >= 0 && v <= 1);
const whole = (what: string, min: number) =>
  z.number({ error: `expected ${what}` }).int({ error: `expected ${what}` }).min(min, { error: `expected ${what}` });
const gpuCount = whole('a whole number of GPUs >= 1', 1);
const days = amount('a number of days >= 0', (v) => v >= 0);
const name = z.string({ error: 'expected an option name' }).min(1, { error: 'expected an option name' });
const offer = z.string({ error: 'expected a cloud offer id from the catalog' });
/** A catalog rack id, as in `hardware.rack`: the hardware an option's GPUs are. */
const rack = z.string({ error: 'expected a rack type id from the catalog' });

/** Cloud capacity: the most GPUs the provider gives at once, and the wait for a large allocation. */
const capacity = {
  capacityGpus: gpuCount.optional(),
  leadTimeDays: days.optional(),
  /** Runs with at least this many GPUs wait `leadTimeDays` before they start (default: all). */
  leadTimeAboveGpus: gpuCount.optional(),
  /** Minutes until the provider replaces a failed node (the failed node is out of service meanwhile). */
  replacementMinutes: amount('a number of minutes >= 0', (v) => v >= 0).optional(),
};

/** The price of GPU-hours billed as used: a schedule of steps and/or a decline per year. */
const pricePath = {
  priceSchedule: z
    .array(z.strictObject({ from: leaseDate, priceUsdPerGpuHour: price }))
    .min(1, { error: 'expected at least one step {from, priceUsdPerGpuHour}' })
    .optional(),
  priceDeclinePerYear: amount('a decline per year as a fraction in [0, 1) (0.2 = 20% cheaper a year)', (v) => v >= 0 && v < 1).optional(),
};

const cloud = { name, offer: offer.optional(), priceUsdPerGpuHour: price.optional(), rack: rack.optional(), ...capacity, ...pricePath };

const overflow = {
  /** On-demand price of GPU-hours above the commitment (reserved default: none, runs wait). */
  overflowOffer: offer.optional(),
  overflowUsdPerGpuHour: price.optional(),
};

export const leaseOptionSchema = z.strictObject({ name, kind: z.literal('lease'), ...leaseTermsShape });

export const onDemandOptionSchema = z.strictObject({
  ...cloud,
  kind: z.literal('on-demand'),
  /** A newer offer: runs submitted from `from` on use its hardware and price. */
  upgrade: z.strictObject({ from: leaseDate, offer: offer.optional(), rack: rack.optional(), priceUsdPerGpuHour: price.optional() }).optional(),
});

export const reservedOptionSchema = z.strictObject({
  ...cloud,
  kind: z.literal('reserved'),
  committedGpus: gpuCount,
  /** When the commitment starts (default: the start) and how long it runs (default: to the horizon's end). */
  from: leaseDate.optional(),
  termMonths: whole('a whole number of months >= 1', 1).optional(),
  ...overflow,
});

export const blockOptionSchema = z.strictObject({
  ...cloud,
  kind: z.literal('block'),
  /** Fixed GPUs for a fixed number of days, paid in full when booked. */
  blocks: z
    .array(z.strictObject({ from: leaseDate, days: whole('a whole number of days >= 1', 1), gpus: gpuCount }))
    .min(1, { error: 'expected at least one block {from, days, gpus}' }),
  /** Days before its start that a block is booked and paid (default 0). */
  bookedDaysAhead: days.optional(),
  ...overflow,
});

export const spotOptionSchema = z.strictObject({
  ...cloud,
  kind: z.literal('spot'),
  preemptionsPerGpuHour: amount('a rate >= 0 preemptions per GPU-hour', (v) => v >= 0).optional(),
  noticeMinutes: amount('a number of minutes >= 0', (v) => v >= 0).optional(),
});

export const hybridOptionSchema = z.strictObject({
  name,
  kind: z.literal('hybrid'),
  /** The name of a lease option: the base. */
  lease: z.string({ error: 'expected the name of a lease option' }),
  /** The name of an on-demand, reserved or spot option: where runs burst. */
  burst: z.string({ error: 'expected the name of a cloud option' }),
  /** A run that has waited this long for the lease's racks goes to the cloud instead. */
  burstAfterDays: days,
});

export const ownOptionSchema = z.strictObject({
  name,
  kind: z.literal('own'),
  /** Price of one rack (system) delivered; default: the catalog's for the scenario's rack. */
  capexUsdPerRack: usd('a price per rack').optional(),
  networkShareOfCapex: share('the scale-out network, a share of the racks\' price').optional(),
  storageShareOfCapex: share('storage, a share of the racks\' price').optional(),
  /** Days from order to capacity: every step of the cluster arrives this much later. */
  deliveryDays: days.optional(),
  depreciationYears: amount('a number of years > 0', (v) => v > 0).optional(),
  /** The hardware's value at the horizon's end as a share of its price (default: its resale value at its age). */
  residualShareAtEnd: share('a residual value').optional(),
  colocationUsdPerKwMonth: usd('a colocation price per kW-month').optional(),
  /** Energy price; with a `facility:` section the simulated facility energy is billed at it. */
  powerUsdPerMwh: usd('an energy price').optional(),
  pue: amount('a PUE >= 1', (v) => v >= 1).optional(),
  trainingPowerShare: amount('a fraction of max IT power in (0, 1]', (v) => v > 0 && v <= 1).optional(),
  staffUsdPerMwYear: usd('a staff cost per MW-year').optional(),
  staffUsdPerRackYear: usd('a staff cost per rack-year').optional(),
  /** Absent: the racks are paid in cash on delivery. Present: financed by a loan at this rate. */
  costOfCapitalPerYear: amount('a rate per year >= 0 and < 1', (v) => v >= 0 && v < 1).optional(),
});

export const optionKinds = ['lease', 'on-demand', 'reserved', 'block', 'spot', 'hybrid', 'own'] as const;

export const optionSchema = z.discriminatedUnion(
  'kind',
  [leaseOptionSchema, onDemandOptionSchema, reservedOptionSchema, blockOptionSchema, spotOptionSchema, hybridOptionSchema, ownOptionSchema],
  { error: `expected kind: ${optionKinds.slice(0, -1).join(', ')} or ${optionKinds[optionKinds.length - 1]}` },
);

export const optionsSchema = z.array(optionSchema).min(1, { error: 'expected at least one option' });

export type WrittenOption = z.infer<typeof optionSchema>;
export type WrittenLeaseOption = z.infer<typeof leaseOptionSchema>;
export type WrittenCloudOption = z.infer<typeof onDemandOptionSchema | typeof reservedOptionSchema | typeof blockOptionSchema | typeof spotOptionSchema>;
export type WrittenOwnOption = z.infer<typeof ownOptionSchema>;
