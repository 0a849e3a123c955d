import type { RunRecord } from '../simulation/record.js';
import type { Hold } from '../engine/holds.js';
import { splitCycles, wallTicksForCompute } from '../model/checkpoint.js';
import { minutesInTicks, tickToIso, ticksToMinutes } from '../model/time.js';
import { gpuHours } from './metrics.js';

export type Resolution = 'hour' | 'day';

export const resolutionMinutes: Record<Resolution, number> = { hour: 60, day: 24 * 60 };

/** The cluster's pools integrated over one hour or day, in whole rack-ticks (exact sums). */
export interface PoolBuckets {
  startTicks: number[];
  installed: number[];
  allocated: number[];
  productive: number[];
  lost: number[];
  checkpoint: number[];
  restart: number[];
  down: number[];
}

export interface SeriesPoint {
  /** Start of the bucket, ISO (UTC). */
  start: string;
  availableGpuHours: number;
  allocatedGpuHours: number;
  productiveGpuHours: number;
  lostGpuHours: number;
  checkpointGpuHours: number;
  restartGpuHours: number;
  downGpuHours: number;
  idleGpuHours: number;
}

/**
 * The pools over time at a fixed resolution, rebuilt from the runs' holds after the simulation.
 * Lost work is only known at a failure; since the whole timeline is known by then, the lost
 * compute is placed at the hours when it was computed (the stretch since the last completed
 * checkpoint), not at the hour of the failure. Cost grows with holds and buckets, never with ticks.
 */
export function poolBuckets(record: RunRecord, resolution: Resolution): PoolBuckets {
  const s = record.scenario;
  const bucketMinutes = resolutionMinutes[resolution];
  const count = Math.ceil(ticksToMinutes(s.horizonTicks, s.tickSeconds) / bucketMinutes);
  const zeros = () => new Array<number>(count).fill(0);
  const b: PoolBuckets = {
    startTicks: Array.from({ length: count }, (_, k) => Math.ceil(minutesInTicks(k * bucketMinutes, s.tickSeconds))),
    installed: zeros(), allocated: zeros(), productive: zeros(), lost: zeros(), checkpoint: zeros(), restart: zeros(), down: zeros(),
  };
  const spread = makeSpreader(b.startTicks, s.horizonTicks, s.tickSeconds, bucketMinutes);
  const phases = s.cluster.phases;
  phases.forEach((p, i) => spread(b.installed, p.tick, phases[i + 1]?.tick ?? s.horizonTicks, p.racks));
  for (const m of record.maintenance ?? []) spread(b.down, m.fromTick, m.toTick, m.racks);
  for (const run of record.runs) {
    const kept: Kept[] = [];
    for (const hold of run.holds ?? []) {
      spreadHold(b, spread, hold, hold.checkpointIntervalTicks ?? run.checkpointIntervalTicks, run.checkpointWriteTicks ?? 0, s.horizonTicks, kept);
    }
  }
  return b;
}

/** A stretch of a hold's kept compute, [from, to) in compute ticks since its anchor: what a rollback can take back. */
interface Kept {
  anchorTick: number;
  intervalTicks: number;
  writeTicks: number;
  racks: number;
  from: number;
  to: number;
}

type Spread = (into: number[], from: number, to: number, weight: number, cumulative?: (t: number) => number) => void;

/** Add weight x (cumulative(hi) - cumulative(lo)) to each bucket that [from, to) overlaps. */
function makeSpreader(startTicks: number[], horizonTicks: number, tickSeconds: number, bucketMinutes: number): Spread {
  const bucketOf = (tick: number) => Math.floor((tick * tickSeconds) / (bucketMinutes * 60));
  return (into, from, to, weight, cumulative = (t) => t) => {
    const end = Math.min(to, horizonTicks);
    if (end <= from || weight === 0) return;
    for (let k = bucketOf(from); k <= bucketOf(end - 1); k++) {
      const lo = Math.max(from, startTicks[k] ?? 0);
      const hi = Math.min(end, startTicks[k + 1] ?? horizonTicks);
      into[k] = (into[k] ?? 0) + weight * (cumulative(hi) - cumulative(lo));
    }
  };
}

function spreadHold(b: PoolBuckets, spread: Spread, hold: Hold, intervalTicks: number, writeTicks: number, horizonTicks: number, kept: Kept[]): void {
  const stop = hold.stopTick ?? horizonTicks;
  const r = hold.racks;
  spread(b.allocated, hold.startTick, stop, r);
  if (hold.finalWrite) {
    spread(b.checkpoint, hold.startTick, stop, r);
    return;
  }
  // A hung run computed nothing from its hang to its stop: that time is lost.
  const until = hold.hangTick ?? stop;
  spread(b.lost, until, stop, r);
  spread(b.restart, hold.startTick, Math.min(hold.anchorTick, until), r);
  if (hold.end === 'failed' && hold.repairTicks > 0) spread(b.down, stop, stop + hold.repairTicks, 1);
  const a = hold.anchorTick;
  if (until > a) {
    const writes = (t: number) => splitCycles(t - a, intervalTicks, writeTicks).writeTicks;
    const compute = (t: number) => t - a - writes(t);
    spread(b.checkpoint, a, until, r, writes);
    const last = splitCycles(until - a, intervalTicks, writeTicks);
    const lostTicks = hold.lostUncommitted ? last.uncommittedComputeTicks : 0;
    const cycleStart = Number.isFinite(intervalTicks) ? a + last.completedCheckpoints * (intervalTicks + writeTicks) : a;
    // Compute after the last completed checkpoint is contiguous from the cycle's start.
    spread(b.productive, a, until, r, (t) => compute(t) - Math.min(lostTicks, Math.max(0, t - cycleStart)));
    spread(b.lost, cycleStart, cycleStart + lostTicks, r);
    const keptTicks = compute(until) - lostTicks;
    if (keptTicks > 0) kept.push({ anchorTick: a, intervalTicks, writeTicks, racks: r, from: 0, to: keptTicks });
  }
  if (hold.rollbackTicks > 0) rollBack(b, spread, kept, hold.rollbackTicks);
}

/**
 * Silent data corruption found: the last `ticks` kept compute ticks (latest first, across holds)
 * become lost where they were computed, as the engine counted them.
 */
function rollBack(b: PoolBuckets, spread: Spread, kept: Kept[], ticks: number): void {
  let left = ticks;
  while (left > 0 && kept.length > 0) {
    const k = kept[kept.length - 1] as Kept;
    const n = Math.min(left, k.to - k.from);
    const from = k.anchorTick + wallTicksForCompute(k.to - n + 1, k.intervalTicks, k.writeTicks) - 1;
    const to = k.anchorTick + wallTicksForCompute(k.to, k.intervalTicks, k.writeTicks);
    const compute = (t: number) => t - k.anchorTick - splitCycles(t - k.anchorTick, k.intervalTicks, k.writeTicks).writeTicks;
    spread(b.productive, from, to, -k.racks, compute);
    spread(b.lost, from, to, k.racks, compute);
    k.to -= n;
    if (k.to <= k.from) kept.pop();
    left -= n;
  }
}

/** The pools as GPU-hours per hour or day: the time series of reports and CSV. */
export function poolSeries(record: RunRecord, resolution: Resolution): SeriesPoint[] {
  const s = record.scenario;
  const b = poolBuckets(record, resolution);
  const hours = (rackTicks: number) => gpuHours(rackTicks, s.rack.gpusPerRack, s.tickSeconds);
  return b.startTicks.map((tick, k) => {
    const installed = b.installed[k] ?? 0;
    const allocated = b.allocated[k] ?? 0;
    const down = b.down[k] ?? 0;
    return {
      start: tickToIso(s.startMinutes, s.tickSeconds, tick).replace(/^(\d{4}-\d{2}-\d{2})$/, '$1T00:00'),
      availableGpuHours: hours(installed),
      allocatedGpuHours: hours(allocated),
      productiveGpuHours: hours(b.productive[k] ?? 0),
      lostGpuHours: hours(b.lost[k] ?? 0),
      checkpointGpuHours: hours(b.checkpoint[k] ?? 0),
      restartGpuHours: hours(b.restart[k] ?? 0),
      downGpuHours: hours(down),
      idleGpuHours: hours(installed - allocated - down),
    };
  });
}
