import { z } from 'zod';
import { defaults } from './defaults.js';
import { distributionSchema, fraction, isoDateTime, nonNegative, positive, precisionSchema, wholeCount } from './schema-primitives.js';

/** A training run in a scenario file (`runs[]`), with its checkpoints and phases. */

export const checkpointSchema = z.strictObject({
  intervalMinutes: z
    .union([positive(), z.literal('auto'), z.literal('young'), z.literal('none')], {
      error: 'expected a positive number of minutes, "auto" (Daly\'s optimum), "young" or "none"',
    })
    .describe("compute minutes between checkpoints, auto (Daly's higher-order optimum, the default), young (Young's sqrt(2 x write x MTBF)) or none")
    .optional(),
  writeMinutes: nonNegative().describe(`minutes training is blocked while a checkpoint is written (default ${defaults.checkpointWriteMinutes}: an asynchronous checkpoint's stall)`).optional(),
});

const phaseSchema = z.strictObject({
  name: z.string({ error: 'expected a phase name' }).min(1, { error: 'expected a phase name' }).describe("the phase's name, unique in the run"),
  untilShare: fraction('a share of the run\'s work in (0, 1]').describe("the phase ends when this share of the run's work is done (or give until)").optional(),
  until: isoDateTime.describe('the phase ends at this date, YYYY-MM-DD or YYYY-MM-DDTHH:MM (or give untilShare)').optional(),
  racks: wholeCount('a whole number of racks >= 1').describe("the run's size in this phase (default: the run's); a change of size makes the run checkpoint and queue again").optional(),
  precision: precisionSchema.describe("the phase's precision (default: the run's)").optional(),
  mfu: fraction('a model FLOPs utilisation in (0, 1]').describe("the phase's MFU (default: the run's speed)").optional(),
  achievedTflopsPerGpu: positive().describe("the phase's achieved TFLOP/s per GPU (instead of mfu)").optional(),
  speedShare: positive().describe("the phase's speed as a share of the run's (a warm-up at lower throughput: 0.5)").optional(),
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
  restartMinutes: distributionSchema.describe('minutes to restart after an interruption, a number or a distribution; overrides failures.restartMinutes').optional(),
  phases: z.array(phaseSchema).min(1, { error: 'expected at least one phase' }).describe('[{name, untilShare | until, racks?, precision?, mfu | achievedTflopsPerGpu | speedShare?}]: stages in order; the last has neither untilShare nor until').optional(),
});

export type WrittenRun = z.infer<typeof runSchema>;
export type WrittenPhase = z.infer<typeof phaseSchema>;
