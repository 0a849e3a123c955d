import { z } from 'zod';
import { distributionSchema, isoDate, nonNegative, positive, precisionSchema, fraction } from '../scenario/schema-primitives.js';
import { checkpointSchema } from '../scenario/run-schema.js';

/**
 * `workload:` in a scenario file: streams of jobs and replayed traces. Lazy because it is built
 * from scenario/schema.ts's primitives while that module imports this one.
 */
export const workloadSchema = z.lazy(() => buildWorkloadSchema());

function buildWorkloadSchema() {
  return z.strictObject({
    streams: z.array(buildStreamSchema()).optional(),
    traces: z.array(buildTraceSchema()).optional(),
  });
}

const weights = (n: number, what: string) =>
  z.array(nonNegative(), { error: `expected ${n} weights (${what})` }).length(n, { error: `expected ${n} weights (${what})` });

/** A stream of jobs arriving as a Poisson process. */
function buildStreamSchema() {
  return z.strictObject({
    name: z.string({ error: 'expected a stream name' }).min(1, { error: 'expected a stream name' }),
    team: z.string().optional(),
    ratePerDay: positive('a positive arrival rate in jobs per day'),
    from: isoDate.optional(),
    until: isoDate.optional(),
    hourOfDay: weights(24, 'one per hour of the day, 00 first').optional(),
    dayOfWeek: weights(7, 'one per day of the week, Monday first').optional(),
    racks: distributionSchema,
    durationHours: distributionSchema.optional(),
    totalFlop: distributionSchema.optional(),
    estimateFactor: positive('a positive factor: estimate = true duration x factor').optional(),
    precision: precisionSchema,
    mfu: fraction('a model FLOPs utilisation in (0, 1]').optional(),
    achievedTflopsPerGpu: positive().optional(),
    priority: z.number({ error: 'expected an integer priority' }).int({ error: 'expected an integer priority' }).optional(),
    deadlineHours: positive('a positive number of hours after submission').optional(),
    checkpoint: checkpointSchema.optional(),
  });
}

/** A job log replayed as a workload: SWF (Parallel Workloads Archive) or CSV. */
function buildTraceSchema() {
  return z.strictObject({
    name: z.string({ error: 'expected a trace name' }).min(1, { error: 'expected a trace name' }),
    file: z.string({ error: 'expected a path to the trace file, relative to the scenario' }).min(1, { error: 'expected a path to the trace file' }),
    format: z.enum(['swf', 'csv'], { error: 'expected swf or csv' }),
    start: isoDate.optional(),
    gpusPerRack: positive('a positive number of trace GPUs (or processors) per rack').optional(),
    submitScale: positive("a positive factor on the trace's submit times").optional(),
    durationScale: positive("a positive factor on the trace's durations").optional(),
    team: z.string().optional(),
    priority: z.number({ error: 'expected an integer priority' }).int({ error: 'expected an integer priority' }).optional(),
    precision: precisionSchema,
    mfu: fraction('a model FLOPs utilisation in (0, 1]').optional(),
    achievedTflopsPerGpu: positive().optional(),
    checkpoint: checkpointSchema.optional(),
  });
}

export type WrittenWorkload = z.infer<ReturnType<typeof buildWorkloadSchema>>;
export type WrittenStream = z.infer<ReturnType<typeof buildStreamSchema>>;
export type WrittenTrace = z.infer<ReturnType<typeof buildTraceSchema>>;
