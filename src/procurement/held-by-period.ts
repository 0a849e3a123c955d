import type { Hold } from '../engine/holds.js';

/**
 * Rack-ticks of `holds` inside each period [boundaries[k], boundaries[k + 1]); an open hold runs
 * to `endTick`. O(holds x periods a hold spans).
 */
export function heldRackTicksByPeriod(holds: readonly Hold[], boundaries: readonly number[], endTick: number): number[] {
  const out = new Array<number>(Math.max(0, boundaries.length - 1)).fill(0);
  for (const hold of holds) {
    const stop = Math.min(hold.stopTick ?? endTick, endTick);
    let k = periodOf(boundaries, hold.startTick);
    while (k < out.length && (boundaries[k] ?? Infinity) < stop) {
      const from = Math.max(hold.startTick, boundaries[k] ?? 0);
      const to = Math.min(stop, boundaries[k + 1] ?? stop);
      if (to > from) out[k] = (out[k] ?? 0) + (to - from) * hold.racks;
      k += 1;
    }
  }
  return out;
}

/**
 * Rack-ticks held above a level that changes at given ticks, inside each period: the integral of
 * max(0, allocated(t) - level(t)) over [boundaries[k], boundaries[k + 1]), swept over all holds.
 * `level` is a step function: from each step's tick on, its racks (0 before the first step).
 */
export function rackTicksAboveByPeriod(
  holds: readonly Hold[],
  level: ReadonlyArray<{ tick: number; racks: number }>,
  boundaries: readonly number[],
  endTick: number,
): number[] {
  const changes: Array<{ tick: number; held: number; level: number }> = [];
  for (const hold of holds) {
    changes.push({ tick: hold.startTick, held: hold.racks, level: 0 });
    changes.push({ tick: Math.min(hold.stopTick ?? endTick, endTick), held: -hold.racks, level: 0 });
  }
  let previousLevel = 0;
  for (const step of level) {
    changes.push({ tick: step.tick, held: 0, level: step.racks - previousLevel });
    previousLevel = step.racks;
  }
  for (const b of boundaries) changes.push({ tick: b, held: 0, level: 0 });
  changes.sort((a, b) => a.tick - b.tick);
  const out = new Array<number>(Math.max(0, boundaries.length - 1)).fill(0);
  let held = 0;
  let at = 0;
  let previous = changes[0]?.tick ?? 0;
  for (const change of changes) {
    if (change.tick > previous) {
      const k = periodOf(boundaries, previous);
      if (k < out.length) out[k] = (out[k] ?? 0) + Math.max(0, held - at) * (change.tick - previous);
      previous = change.tick;
    }
    held += change.held;
    at += change.level;
  }
  return out;
}

/** The period [boundaries[k], boundaries[k + 1]) that holds `tick`. */
function periodOf(boundaries: readonly number[], tick: number): number {
  let lo = 0;
  let hi = boundaries.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((boundaries[mid] ?? Infinity) <= tick) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
