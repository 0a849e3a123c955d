import type { RunRecord } from '../simulation/record.js';

/**
 * Rack-ticks held above `level` racks at once: the integral of max(0, allocated(t) - level), swept
 * over the runs' holds (an open hold runs to the horizon). O(holds log holds).
 */
export function rackTicksAbove(record: RunRecord, level: number): number {
  const changes: Array<{ tick: number; racks: number }> = [];
  for (const run of record.runs) {
    for (const hold of run.holds ?? []) {
      changes.push({ tick: hold.startTick, racks: hold.racks });
      changes.push({ tick: Math.min(hold.stopTick ?? record.scenario.horizonTicks, record.scenario.horizonTicks), racks: -hold.racks });
    }
  }
  changes.sort((a, b) => a.tick - b.tick);
  let allocated = 0;
  let previous = 0;
  let above = 0;
  for (const change of changes) {
    above += Math.max(0, allocated - level) * (change.tick - previous);
    allocated += change.racks;
    previous = change.tick;
  }
  return above;
}
