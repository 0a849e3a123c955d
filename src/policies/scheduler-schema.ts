import { z } from 'zod';
import { isoDate, positive, wholeCount } from '../scenario/schema-primitives.js';

/**
 * `scheduler:` in a scenario file. Absent: FIFO. Lazy because it is built from scenario/schema.ts's
 * primitives while that module imports this one.
 */
export const schedulerSchema = z.lazy(() => buildSchedulerSchema());

function buildSchedulerSchema() {
  return z.strictObject({
    policy: z.enum(['fifo', 'priority', 'backfill', 'fairshare'], { error: 'expected fifo, priority, backfill or fairshare' }),
    preemption: z.boolean({ error: 'expected true or false' }).optional(),
    quotas: z.record(z.string(), positive('a positive weight (a team not listed weighs 1)')).optional(),
    placement: z
      .strictObject({
        podRacks: wholeCount('a whole number of racks per pod >= 1'),
        crossPodMfuPenalty: z
          .number({ error: 'expected a fraction in [0, 1)' })
          .refine((v) => Number.isFinite(v) && v >= 0 && v < 1, { error: 'expected a fraction in [0, 1)' })
          .optional(),
      })
      .optional(),
    reservations: z
      .array(z.strictObject({ run: z.string({ error: 'expected the name of a run' }), racks: wholeCount('a whole number of racks >= 1'), from: isoDate }))
      .optional(),
  });
}

export type WrittenScheduler = z.infer<ReturnType<typeof buildSchedulerSchema>>;
