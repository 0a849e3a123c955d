import type { Precision } from '../catalog/gpus.js';
import type { RackType } from '../catalog/racks.js';
import { checkpointIntervalTicks } from '../model/checkpoint.js';
import { daysToTicks, isoToTick, minutesToTicks } from '../model/time.js';
import { flopPerTick, trainingFlop } from '../model/work.js';
import type { Distribution } from '../random/distributions.js';
import type { RunPhaseSpec, RunSpec } from '../engine/spec.js';
import { defaults } from './defaults.js';
import type { WrittenPhase, WrittenRun } from './run-schema.js';
import { toDistribution } from './to-distribution.js';
import { runRacks } from './rack-counts.js';

export interface RunContext {
  startMinutes: number;
  tickSeconds: number;
  rack: RackType;
  ratePerGpuHour: number;
  /** The racks a share of the cluster (`racks: 95%`) is taken of: the most installed less the spares. */
  schedulableRacks: number;
  /** The scenario's restart minutes (`failures.restartMinutes` or the default). */
  restartMinutes: Distribution;
}

/**
 * A written run as the engine runs it: its size and speed (its first phase's, when it has
 * phases), its work, checkpoint interval and write in ticks, its restart distribution.
 */
export function normalizeRun(run: WrittenRun, index: number, ctx: RunContext): RunSpec {
  const tickSeconds = ctx.tickSeconds;
  const writeTicks = minutesToTicks(run.checkpoint?.writeMinutes ?? defaults.checkpointWriteMinutes, tickSeconds);
  const setting = run.checkpoint?.intervalMinutes ?? defaults.checkpointInterval;
  const racks = runRacks(run.racks, ctx.schedulableRacks);
  const gpus = racks * ctx.rack.gpusPerRack;
  const ownSpeed = speedOf(run, run.precision, ctx.rack);
  const totalFlop = run.totalFlop ?? (run.computeDays === undefined ? trainingFlop(run.activeParams ?? 0, run.tokens ?? 0) : flopPerTick(gpus, ownSpeed, 86_400) * run.computeDays);
  const interval = (gpus: number) => checkpointIntervalTicks(setting, writeTicks, gpus, ctx.ratePerGpuHour, tickSeconds);
  const phases = run.phases?.map((p) => phaseOf(p, run, racks, totalFlop, ctx, interval));
  const first = phases?.[0];
  return {
    index,
    name: run.name,
    team: run.team ?? 'default',
    racks: first?.racks ?? racks,
    gpus: first?.gpus ?? gpus,
    submitTick: run.submit === undefined ? 0 : isoToTick(run.submit, ctx.startMinutes, tickSeconds),
    priority: run.priority ?? defaults.priority,
    precision: first?.precision ?? run.precision,
    tflopsPerGpu: first?.tflopsPerGpu ?? ownSpeed,
    totalFlop,
    checkpointIntervalTicks: first?.checkpointIntervalTicks ?? interval(gpus),
    checkpointWriteTicks: writeTicks,
    checkpointSetting: setting,
    restartMinutes: toDistribution(run.restartMinutes) ?? ctx.restartMinutes,
    estimatedTicks: run.estimatedDays === undefined ? null : daysToTicks(run.estimatedDays, tickSeconds),
    ...(phases ? { phases } : {}),
  };
}

/** The run's achieved TFLOP/s per GPU at a precision: its MFU of that peak, or its achieved speed scaled by the peaks. */
function speedOf(run: WrittenRun, precision: Precision, rack: RackType): number {
  const peak = rack.gpu.denseTflops[precision] ?? 0;
  if (run.mfu !== undefined) return peak * run.mfu;
  const own = rack.gpu.denseTflops[run.precision] ?? 0;
  return (run.achievedTflopsPerGpu ?? 0) * (precision === run.precision || own <= 0 ? 1 : peak / own);
}

function phaseOf(p: WrittenPhase, run: WrittenRun, runRacks: number, totalFlop: number, ctx: RunContext, interval: (gpus: number) => number): RunPhaseSpec {
  const racks = p.racks ?? runRacks;
  const gpus = racks * ctx.rack.gpusPerRack;
  const precision = p.precision ?? run.precision;
  const peak = ctx.rack.gpu.denseTflops[precision] ?? 0;
  const tflopsPerGpu = p.achievedTflopsPerGpu ?? (p.mfu !== undefined ? peak * p.mfu : speedOf(run, precision, ctx.rack) * (p.speedShare ?? 1));
  return {
    name: p.name,
    untilFlop: p.untilShare === undefined ? Infinity : p.untilShare * totalFlop,
    untilTick: p.until === undefined ? Infinity : isoToTick(p.until, ctx.startMinutes, ctx.tickSeconds),
    racks,
    gpus,
    precision,
    tflopsPerGpu,
    checkpointIntervalTicks: interval(gpus),
  };
}
