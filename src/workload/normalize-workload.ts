import type { RackType } from '../catalog/racks.js';
import { isoToTick, minutesToTicks } from '../model/time.js';
import { toDistribution } from '../scenario/to-distribution.js';
import type { Distribution } from '../random/distributions.js';
import { defaults } from '../scenario/defaults.js';
import type { WrittenScenario } from '../scenario/schema.js';
import type { WrittenStream, WrittenTrace } from './schema.js';
import type { StreamSpec, TraceSpec, WorkloadSpec } from './spec.js';

export interface WorkloadContext {
  startMinutes: number;
  tickSeconds: number;
  horizonTicks: number;
  rack: RackType;
}

/**
 * The `workload:` section with defaults applied and dates turned into ticks. Trace files are
 * read and their jobs attached by the loader (trace-load.ts).
 */
export function normalizeWorkload(w: WrittenScenario, ctx: WorkloadContext): WorkloadSpec | undefined {
  if (!w.workload) return undefined;
  const restartMinutes = toDistribution(w.failures?.restartMinutes) ?? defaults.restartMinutes;
  return {
    streams: (w.workload.streams ?? []).map((s) => normalizeStream(s, ctx, restartMinutes)),
    traces: (w.workload.traces ?? []).map((t) => normalizeTrace(t, ctx, restartMinutes)),
    traceJobs: [],
  };
}

function normalizeStream(s: WrittenStream, ctx: WorkloadContext, restartMinutes: Distribution): StreamSpec {
  const toTick = (iso: string) => isoToTick(iso, ctx.startMinutes, ctx.tickSeconds);
  return {
    name: s.name,
    team: s.team ?? s.name,
    ratePerDay: s.ratePerDay,
    fromTick: s.from === undefined ? 0 : Math.max(0, toTick(s.from)),
    // `until` is inclusive, like the scenario's end: the stream runs to 24:00 of that day.
    untilTick: s.until === undefined ? ctx.horizonTicks : Math.min(ctx.horizonTicks, toTick(s.until) + 86_400 / ctx.tickSeconds),
    hourOfDay: meanOne(s.hourOfDay),
    dayOfWeek: meanOne(s.dayOfWeek),
    racks: toDistribution(s.racks) ?? { distribution: 'fixed', value: 1 },
    durationHours: toDistribution(s.durationHours) ?? null,
    totalFlop: toDistribution(s.totalFlop) ?? null,
    estimateFactor: s.estimateFactor ?? 1,
    precision: s.precision,
    tflopsPerGpu: s.achievedTflopsPerGpu ?? (ctx.rack.gpu.denseTflops[s.precision] ?? 0) * (s.mfu ?? 0),
    priority: s.priority ?? defaults.priority,
    deadlineHours: s.deadlineHours ?? null,
    checkpointInterval: s.checkpoint?.intervalMinutes ?? defaults.checkpointInterval,
    checkpointWriteTicks: minutesToTicks(s.checkpoint?.writeMinutes ?? defaults.checkpointWriteMinutes, ctx.tickSeconds),
    restartMinutes,
  };
}

function normalizeTrace(t: WrittenTrace, ctx: WorkloadContext, restartMinutes: Distribution): TraceSpec {
  return {
    name: t.name,
    file: t.file,
    format: t.format,
    startTick: t.start === undefined ? 0 : Math.max(0, isoToTick(t.start, ctx.startMinutes, ctx.tickSeconds)),
    gpusPerRack: t.gpusPerRack ?? ctx.rack.gpusPerRack,
    submitScale: t.submitScale ?? 1,
    durationScale: t.durationScale ?? 1,
    team: t.team ?? t.name,
    priority: t.priority ?? defaults.priority,
    precision: t.precision,
    tflopsPerGpu: t.achievedTflopsPerGpu ?? (ctx.rack.gpu.denseTflops[t.precision] ?? 0) * (t.mfu ?? 0),
    checkpointInterval: t.checkpoint?.intervalMinutes ?? defaults.checkpointInterval,
    checkpointWriteTicks: minutesToTicks(t.checkpoint?.writeMinutes ?? defaults.checkpointWriteMinutes, ctx.tickSeconds),
    restartMinutes,
  };
}

/** Relative weights scaled so that their mean is 1: `ratePerDay` stays the average rate. */
export function meanOne(weights: number[] | undefined): number[] | null {
  if (!weights) return null;
  const mean = weights.reduce((a, b) => a + b, 0) / weights.length;
  return mean > 0 ? weights.map((v) => v / mean) : null;
}
