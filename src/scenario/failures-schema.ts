import { z } from 'zod';
import { defaults } from './defaults.js';
import { distributionSchema, finite, isoDate, isoDateTime, nonNegative, positive, wholeCount, wholeNonNegative } from './schema-primitives.js';

/**
 * `failures:` in a scenario file: the rate of interruptions and how it changes over time, their
 * root causes and how a run recovers from each, slow nodes, and planned maintenance windows.
 */

const openFraction = (what: string) => finite(what).refine((v) => v > 0 && v < 1, { error: `expected ${what}` }).meta({ exclusiveMinimum: 0, exclusiveMaximum: 1 });
const unitFraction = (what: string) => finite(what).refine((v) => v >= 0 && v <= 1, { error: `expected ${what}` }).meta({ minimum: 0, maximum: 1 });

export const failureCauseSchema = z.strictObject({
  name: z.string().min(1, { error: 'expected a cause name' }),
  share: positive('a positive share (shares are normalised to sum to 1)').describe('relative share of the interruptions (normalised to sum to 1)'),
  recovery: z
    .enum(['restart', 'swap', 'repair'], { error: 'expected restart, swap or repair' })
    .describe('restart: nothing is out of service; swap: a hot spare inside the rack replaces the failed node (swapMinutes added to the restart); repair: the rack is out for repairHours (default: repair when repairHours is given, else restart)')
    .optional(),
  restartMinutes: distributionSchema.describe("minutes to restart after this cause (default: the run's restartMinutes)").optional(),
  swapMinutes: distributionSchema.describe('minutes to swap in a hot spare, for recovery: swap (default: failures.swapMinutes)').optional(),
  repairHours: distributionSchema.describe('hours a failed rack is out of service, for recovery: repair (default: failures.repairHours)').optional(),
  hang: z.boolean({ error: 'expected true or false' }).describe('the run stalls instead of failing: it holds its racks, computing nothing, until failures.hangDetectionMinutes later').optional(),
  rollbackCheckpoints: wholeNonNegative().describe('silent data corruption: the run goes back this many checkpoints beyond its last (default 0)').optional(),
});

const rateStepSchema = z.strictObject({
  from: isoDate.describe('first day of the rate, YYYY-MM-DD'),
  ratePerGpuHour: nonNegative('a rate >= 0 interruptions per GPU-hour').describe('interruptions per GPU-hour from then on'),
});

const burnInSchema = z.strictObject({
  shape: openFraction('a Weibull shape in (0, 1): early failures that fade').describe('Weibull shape k of the early failures, 0 < k < 1'),
  scaleDays: positive().describe('age in days at which the early failures add as much as the steady rate; racks of age a fail at rate x (1 + (a / scaleDays)^(k - 1))'),
  installed: isoDate.describe("when the racks were installed, YYYY-MM-DD, before the start if they are older (default: each cluster phase's racks on its date)").optional(),
});

const stragglersSchema = z.strictObject({
  probabilityPerRack: unitFraction('a probability in [0, 1]').describe('chance that a rack holds a slow node, drawn at each start of a run'),
  speedShare: finite('a share of full speed in (0, 1]')
    .refine((v) => v > 0 && v <= 1, { error: 'expected a share of full speed in (0, 1]' })
    .meta({ exclusiveMinimum: 0, maximum: 1 })
    .describe("a slow rack's speed as a share of the others': the whole run goes at it"),
  detectionMinutes: positive().describe('a lemon detector finds the slow rack this long after the run began computing, and the run restarts without it (default: none, it stays until the next restart)').optional(),
});

const maintenanceSchema = z.strictObject({
  everyDays: positive().describe('days from one window to the next'),
  hours: positive().describe('hours each window lasts'),
  from: isoDateTime.describe('the first window, YYYY-MM-DD or YYYY-MM-DDTHH:MM (default: everyDays after the start)').optional(),
  racks: wholeCount().describe('racks taken out of service in each window (default: every installed rack)').optional(),
});

export const failuresSchema = z.strictObject({
  ratePerGpuHour: nonNegative('a rate >= 0 interruptions per GPU-hour').describe(`interruptions per GPU-hour (default ${defaults.failureRatePerGpuHour}, Llama 3); a run on G GPUs fails at G times this rate`),
  restartMinutes: distributionSchema.describe('minutes to detect an interruption and reload (default lognormal, median 3, p95 10)').optional(),
  swapMinutes: distributionSchema.describe('minutes to swap a hot spare in, for causes with recovery: swap (default lognormal, median 10, p95 30, an assumption)').optional(),
  repairHours: distributionSchema.describe('hours a failed rack is out of service (default lognormal, median 2, p95 19)').optional(),
  hangDetectionMinutes: positive().describe(`minutes a hang lasts before the watchdog ends it (default ${defaults.hangDetectionMinutes}, PyTorch's NCCL timeout)`).optional(),
  causes: z.array(failureCauseSchema).min(1, { error: 'expected at least one cause' }).describe('[{name, share, recovery?, restartMinutes?, swapMinutes?, repairHours?, hang?, rollbackCheckpoints?}] (default: the Llama 3 root-cause mix)').optional(),
  rateSchedule: z.array(rateStepSchema).min(1, { error: 'expected at least one step' }).describe('[{from, ratePerGpuHour}]: the rate from each date on, ascending (before the first: ratePerGpuHour)').optional(),
  burnIn: burnInSchema.describe('early failures of new racks, a Weibull curve on top of the steady rate').optional(),
  stragglers: stragglersSchema.describe('slow nodes: {probabilityPerRack, speedShare, detectionMinutes?}').optional(),
  maintenance: z.array(maintenanceSchema).describe('planned windows [{everyDays, hours, from?, racks?}]: racks out of service, runs on them write a checkpoint and stop').optional(),
});
