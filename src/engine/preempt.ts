import { splitCycles } from '../model/checkpoint.js';
import { EventKind } from './events.js';
import { closeHold, markHoldEnd, openHold } from './holds.js';
import { returnRacks } from './racks.js';
import { enqueue, stopHold } from './runs.js';
import { removeRunning, runningChanged } from './running.js';
import type { RunState, SimState } from './state.js';

/**
 * Preemption: the run writes a checkpoint now (or finishes the write it is in), keeps every tick
 * it computed, pays the write on its racks, then gives them back and returns to its place in the
 * queue. It restarts later like an interrupted run, paying the restart overhead. A run still in
 * its restart overhead has nothing to save and yields at once; so does a hung run, which can
 * write nothing (it loses what a failure would).
 *
 * The write tail is one more hold on the timeline ([now, release)); the run's accounting counts
 * it as checkpoint time. Failures during the tail are not drawn: the run is no longer training.
 * `beforeQueue` changes the run once its hold is counted (a new phase, which it queues for).
 */
export function preemptRun(state: SimState, run: RunState, beforeQueue?: () => void): void {
  if (run.status !== 'active') return;
  const t = state.now;
  const racks = run.racksHeld;
  const releaseTick = run.hangTick <= t ? t : t + remainingWriteTicks(run, t);
  stopHold(state, run, true);
  markHoldEnd(run, 'stopped');
  const paidTicks = Math.min(releaseTick, state.scenario.horizonTicks) - t;
  run.checkpointRackTicks += paidTicks * racks;
  if (run.phaseHeldRackTicks) run.phaseHeldRackTicks[run.phase] = (run.phaseHeldRackTicks[run.phase] ?? 0) + paidTicks * racks;
  beforeQueue?.();
  if (releaseTick === t) {
    removeRunning(state, run);
    returnRacks(state, racks);
    enqueue(state, run);
    return;
  }
  state.allocatedRacks += racks;
  run.racksHeld = racks;
  run.status = 'preempting';
  run.releaseTick = releaseTick;
  openHold(run, t, releaseTick, racks, true, run.spec.checkpointIntervalTicks);
  // The policy's view of this run must say it is preempting, or a policy would preempt it again.
  runningChanged(state);
  state.events.push(releaseTick, EventKind.release, run.spec.index, run.epoch);
}

/** The write tail is over: the racks come back and the run queues to restart. */
export function releaseRun(state: SimState, run: RunState): void {
  if (run.status !== 'preempting') return;
  const racks = run.racksHeld;
  closeHold(run, state.now, false);
  markHoldEnd(run, 'stopped');
  state.allocatedRacks -= racks;
  run.racksHeld = 0;
  run.releaseTick = null;
  removeRunning(state, run);
  returnRacks(state, racks);
  enqueue(state, run);
}

/** At the horizon a run still writing its last checkpoint has already paid for it. */
export function closePreempting(state: SimState, run: RunState): void {
  if (run.status !== 'preempting') return;
  closeHold(run, state.now, false);
  markHoldEnd(run, 'horizon');
  state.allocatedRacks -= run.racksHeld;
  run.racksHeld = 0;
  run.status = 'queued';
  removeRunning(state, run);
}

/** Ticks until a checkpoint written from `t` completes: a whole write, or the rest of the one under way. */
function remainingWriteTicks(run: RunState, t: number): number {
  const spec = run.spec;
  if (t < run.anchorTick) return 0;
  const cycles = splitCycles(t - run.anchorTick, spec.checkpointIntervalTicks, spec.checkpointWriteTicks);
  const uncommitted = cycles.uncommittedComputeTicks;
  if (!Number.isFinite(spec.checkpointIntervalTicks)) return uncommitted > 0 ? spec.checkpointWriteTicks : 0;
  const offset = (t - run.anchorTick) % (spec.checkpointIntervalTicks + spec.checkpointWriteTicks);
  if (offset > spec.checkpointIntervalTicks) return spec.checkpointIntervalTicks + spec.checkpointWriteTicks - offset;
  return uncommitted > 0 ? spec.checkpointWriteTicks : 0;
}
