import type { RunState } from './state.js';

/** Why a hold of racks ended. `stopped`: by a path that has not said why (a pause, a preemption). */
export type HoldEnd = 'completed' | 'failed' | 'horizon' | 'stopped';

/**
 * One uninterrupted hold of racks by a run: the timeline's bar. Restart overhead runs from
 * `startTick` to `anchorTick`; from the anchor the run cycles compute and checkpoint writes (a
 * closed form, see model/checkpoint.ts), so reports can place productive, checkpoint, restart and
 * lost ticks in time without the engine visiting a tick.
 */
export interface Hold {
  startTick: number;
  /** Where the compute/checkpoint cycles of this hold are counted from (rate changes keep the phase). */
  anchorTick: number;
  /** Exclusive; null while the hold is open. */
  stopTick: number | null;
  racks: number;
  /** The last checkpoint write of a preempted run: every tick of the hold is a checkpoint write. */
  finalWrite: boolean;
  /** Whether the compute since the last completed checkpoint was discarded when the hold ended. */
  lostUncommitted: boolean;
  end: HoldEnd;
  /** The root cause of a failure, and how long the failed rack was out of service. */
  cause: string | null;
  repairTicks: number;
}

export function openHold(run: RunState, startTick: number, anchorTick: number, racks: number, finalWrite = false): void {
  run.holds.push({ startTick, anchorTick, stopTick: null, racks, finalWrite, lostUncommitted: false, end: 'stopped', cause: null, repairTicks: 0 });
}

export function closeHold(run: RunState, stopTick: number, lostUncommitted: boolean): void {
  const hold = run.holds[run.holds.length - 1];
  if (!hold || hold.stopTick !== null) return;
  hold.stopTick = stopTick;
  hold.lostUncommitted = lostUncommitted;
}

/** Say why the last hold ended, once its stop path knows. */
export function markHoldEnd(run: RunState, end: HoldEnd, cause: string | null = null, repairTicks = 0): void {
  const hold = run.holds[run.holds.length - 1];
  if (!hold) return;
  hold.end = end;
  hold.cause = cause;
  hold.repairTicks = repairTicks;
}
