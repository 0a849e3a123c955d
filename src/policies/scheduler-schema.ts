import { z } from 'zod';
import { isoDate, positive, wholeCount } from '../scenario/schema.js';

/**
 * `scheduler:` in a scenario file. Absent: FIFO. Lazy because it is built from scenario/schema.ts's
 * primitives while that module imports this one.
 */
export const schedulerSchema = z.lazy(() => buildSchedulerSchema());

function buildSchedulerSchema() {
  return z.strictObject({
  policy: z.enum(['fifo', 'priority', 'backfill', 'fairshare'], { error: 'expected fifo, priority, backfill or fairshare' }),
  preemption: z.boolean({ error: 'expected true or false' }).optional(),
  quotas: z.record(z.string(), positive('a positive share (shares are normalised to sum to 1)')).optional(),
  reservations: z
    .array(z.strictObject({ run: z.string({ error: 'expected the name of a run' }), racks: wholeCount('a whole number of racks >= 1'), from: isoDate }))
    .optional(),
  });
}

export type WrittenScheduler = z.infer<ReturnType<typeof buildSchedulerSchema>>;
