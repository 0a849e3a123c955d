import { z } from 'zod';

/**
 * The `options:` section of a scenario: ways to buy the same compute, each run against the same
 * workload by `capsim compare`. Built on zod alone (not on scenario/schema.ts, which imports this
 * file) so the two modules do not import each other.
 */

const number = (what: string, ok: (v: number) => boolean) =>
  z.number({ error: `expected ${what}` }).refine((v) => Number.isFinite(v) && ok(v), { error: `expected ${what}` });
const usd = (what: string) => number(`${what} in USD >= 0`, (v) => v >= 0);
const price = number('a price in USD per GPU-hour >= 0', (v) => v >= 0);
const gpuCount = z.number({ error: 'expected a whole number of GPUs >= 1' }).int({ error: 'expected a whole number of GPUs >= 1' }).min(1, { error: 'expected a whole number of GPUs >= 1' });
const days = number('a number of days >= 0', (v) => v >= 0);
const date = z.string({ error: 'expected a date as YYYY-MM-DD' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date as YYYY-MM-DD' });
const name = z.string({ error: 'expected an option name' }).min(1, { error: 'expected an option name' });
const offer = z.string({ error: 'expected a cloud offer id from the catalog' });

/** Cloud capacity: the most GPUs the provider gives at once, and the wait for a large allocation. */
const capacity = {
  capacityGpus: gpuCount.optional(),
  leadTimeDays: days.optional(),
  /** Runs with at least this many GPUs wait `leadTimeDays` before they start (default: all). */
  leadTimeAboveGpus: gpuCount.optional(),
};

export const leaseOptionSchema = z.strictObject({
  name,
  kind: z.literal('lease'),
  /** Default: the scenario's `lease.monthlyUsd`. */
  monthlyUsd: usd('a monthly fee').optional(),
  schedule: z
    .array(z.strictObject({ from: date, monthlyUsd: usd('a monthly fee') }))
    .min(1, { error: 'expected at least one step {from, monthlyUsd}' })
    .optional(),
  escalatorPerYear: number('an annual escalator as a fraction >= 0 (0.03 = 3% a year)', (v) => v >= 0 && v < 1).optional(),
  /** Absent: power is included in the fee. Present: energy is passed through at this price. */
  powerUsdPerMwh: usd('an energy price').optional(),
  pue: number('a PUE >= 1', (v) => v >= 1).optional(),
  trainingPowerShare: number('a fraction of max IT power in (0, 1]', (v) => v > 0 && v <= 1).optional(),
  exit: z
    .strictObject({
      minimumMonths: z.number({ error: 'expected a whole number of months >= 0' }).int({ error: 'expected a whole number of months >= 0' }).min(0, { error: 'expected a whole number of months >= 0' }),
      noticeDays: days,
      /** Notice given on this day: the lease, and the capacity, end when the notice runs out. */
      noticeGiven: date.optional(),
    })
    .optional(),
});

export const onDemandOptionSchema = z.strictObject({
  name,
  kind: z.literal('on-demand'),
  offer: offer.optional(),
  priceUsdPerGpuHour: price.optional(),
  ...capacity,
});

export const reservedOptionSchema = z.strictObject({
  name,
  kind: z.literal('reserved'),
  committedGpus: gpuCount,
  offer: offer.optional(),
  priceUsdPerGpuHour: price.optional(),
  /** On-demand price for GPU-hours above the commitment (default: no overflow, runs wait). */
  overflowOffer: offer.optional(),
  overflowUsdPerGpuHour: price.optional(),
  ...capacity,
});

export const spotOptionSchema = z.strictObject({
  name,
  kind: z.literal('spot'),
  offer: offer.optional(),
  priceUsdPerGpuHour: price.optional(),
  preemptionsPerGpuHour: number('a rate >= 0 preemptions per GPU-hour', (v) => v >= 0).optional(),
  noticeMinutes: number('a number of minutes >= 0', (v) => v >= 0).optional(),
  ...capacity,
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

export const optionSchema = z.discriminatedUnion(
  'kind',
  [leaseOptionSchema, onDemandOptionSchema, reservedOptionSchema, spotOptionSchema, hybridOptionSchema],
  { error: 'expected kind: lease, on-demand, reserved, spot or hybrid' },
);

export const optionsSchema = z.array(optionSchema).min(1, { error: 'expected at least one option' });

export type WrittenOption = z.infer<typeof optionSchema>;
export type WrittenLeaseOption = z.infer<typeof leaseOptionSchema>;
