import type { RunOutcome } from '../simulation/record.js';

/**
 * Metric definitions, each a small pure function. The README lists every metric with the same
 * formula and unit.
 */

/** GPU-hours of `rackTicks` rack-ticks: rack-ticks x GPUs per rack x tick seconds / 3,600. */
export function gpuHours(rackTicks: number, gpusPerRack: number, tickSeconds: number): number {
  return (rackTicks * gpusPerRack * tickSeconds) / 3600;
}

/** Rack-ticks a run held racks: productive + lost + checkpoint + restart. */
export function heldRackTicks(run: RunOutcome): number {
  return run.productiveRackTicks + run.lostRackTicks + run.checkpointRackTicks + run.restartRackTicks;
}

/** Wall-clock ticks from a run's first start to its end (or to the horizon if unfinished). */
export function wallClockTicks(run: RunOutcome, horizonTicks: number): number {
  if (run.firstStartTick === null) return 0;
  return (run.endTick ?? horizonTicks) - run.firstStartTick;
}

/**
 * Effective training time ratio: productive time / wall-clock time since first start, where
 * productive time is the compute ticks whose work was kept (productive rack-ticks / racks for a
 * run of one size).
 */
export function ettr(run: RunOutcome, horizonTicks: number): number | null {
  const wall = wallClockTicks(run, horizonTicks);
  return wall > 0 ? (run.productiveTicks ?? run.productiveRackTicks / run.racks) / wall : null;
}

/** Ticks a run waited in the queue before its first start. */
export function queueWaitTicks(run: RunOutcome, horizonTicks: number): number {
  return (run.firstStartTick ?? horizonTicks) - run.submitTick;
}

/** A ratio, or null when the denominator is zero. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}
