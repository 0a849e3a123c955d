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
  /** Compute ticks between checkpoints in this hold (its phase's). */
  checkpointIntervalTicks: number;
  /** When the run hung, if it did: from here to the stop it held its racks and computed nothing. */
  hangTick: number | null;
  /** Compute ticks of earlier checkpoints taken back by silent data corruption found at the stop. */
  rollbackTicks: number;
}

// While simulating, a run's holds are numbers in one flat typed array (no object per start; the
// timeline outlives the young generation, and objects there would be copied at every scavenge).
// Slots of a hold, in order:
const start = 0;
const anchor = 1;
const stop = 2; // -1 while open
const racksSlot = 3;
const flags = 4; // 1: final write, 2: lost uncommitted
const endSlot = 5;
const causeSlot = 6; // index into the simulation's cause names, -1: none
const repair = 7;
const interval = 8;
const hang = 9; // -1: none
const rollback = 10;
const slots = 11;
const ends: readonly HoldEnd[] = ['completed', 'failed', 'horizon', 'stopped'];

export function openHold(run: RunState, startTick: number, anchorTick: number, racks: number, finalWrite: boolean, intervalTicks: number): void {
  run.lastHoldStartTick = startTick;
  if (!run.recordHolds) return;
  let data = run.holdData;
  const at = run.holdSlots;
  if (at + slots > data.length) {
    data = new Float64Array(Math.max(4 * slots, data.length * 2));
    data.set(run.holdData);
    run.holdData = data;
  }
  data[at + start] = startTick;
  data[at + anchor] = anchorTick;
  data[at + stop] = -1;
  data[at + racksSlot] = racks;
  data[at + flags] = finalWrite ? 1 : 0;
  data[at + endSlot] = 3;
  data[at + causeSlot] = -1;
  data[at + repair] = 0;
  data[at + interval] = intervalTicks;
  data[at + hang] = -1;
  data[at + rollback] = 0;
  run.holdSlots = at + slots;
}

export function closeHold(run: RunState, stopTick: number, lostUncommitted: boolean, hangTick = -1): void {
  const data = run.holdData;
  const at = run.holdSlots - slots;
  if (at < 0 || data[at + stop] !== -1) return;
  data[at + stop] = stopTick;
  data[at + hang] = hangTick;
  if (lostUncommitted) data[at + flags] = (data[at + flags] as number) | 2;
}

/** Say why the last hold ended, once its stop path knows; `cause` indexes the simulation's cause names. */
export function markHoldEnd(run: RunState, end: HoldEnd, cause = -1, repairTicks = 0, rollbackTicks = 0): void {
  const data = run.holdData;
  const at = run.holdSlots - slots;
  if (at < 0) return;
  data[at + endSlot] = ends.indexOf(end);
  data[at + causeSlot] = cause;
  data[at + repair] = repairTicks;
  data[at + rollback] = rollbackTicks;
}

/** The holds of a run as objects, for reports. */
export function holdsOf(data: Float64Array, used: number, causeNames: readonly string[]): Hold[] {
  const holds: Hold[] = [];
  for (let at = 0; at < used; at += slots) {
    const stopTick = data[at + stop] as number;
    const f = data[at + flags] as number;
    const cause = data[at + causeSlot] as number;
    holds.push({
      startTick: data[at + start] as number,
      anchorTick: data[at + anchor] as number,
      stopTick: stopTick === -1 ? null : stopTick,
      racks: data[at + racksSlot] as number,
      finalWrite: (f & 1) !== 0,
      lostUncommitted: (f & 2) !== 0,
      end: ends[data[at + endSlot] as number] ?? 'stopped',
      cause: cause === -1 ? null : (causeNames[cause] ?? null),
      repairTicks: data[at + repair] as number,
      checkpointIntervalTicks: data[at + interval] as number,
      hangTick: data[at + hang] === -1 ? null : (data[at + hang] as number),
      rollbackTicks: data[at + rollback] as number,
    });
  }
  return holds;
}
