import { splitCycles, wallTicksForCompute, type CycleSplit } from '../model/checkpoint.js';
import { flopPerTick } from '../model/work.js';
import { hoursToTicks } from '../model/time.js';
import { EventKind } from './events.js';
import { returnRacks, takeRacks } from './racks.js';
import { closeHold, markHoldEnd, openHold } from './holds.js';
import { removeRunning } from './running.js';
import type { QueuedRequest } from './policy.js';
import type { RunState, SimState } from './state.js';

/**
 * A run's life: start (or restart) on racks, cycle compute and checkpoint writes in closed form,
 * and stop by completing or failing. Only starts, completions and failures are events, and a run
 * holding racks has one pending event: the earlier of its completion and its next failure.
 */

// Completion times are ceil(work / rate); a relative slack keeps 1000.0000000001 from costing
// a whole extra tick.
const ceilSlack = 1e-9;

export function startRun(state: SimState, run: RunState, useSpares: boolean): void {
  const t = state.now;
  const spec = run.spec;
  takeRacks(state, spec.racks, useSpares);
  const restart = run.firstStartTick !== null;
  run.firstStartTick ??= t;
  run.status = 'active';
  run.epoch += 1;
  run.racksHeld = spec.racks;
  run.holdStartTick = t;
  run.anchorTick = t + (restart ? spec.restartTicks : 0);
  run.bonusFlop = 0;
  run.flopPerTick = flopPerTick(spec.gpus, spec.tflopsPerGpu, state.scenario.tickSeconds);
  openHold(run, t, run.anchorTick, spec.racks);
  planCompletion(state, run);
  drawFailure(state, run);
  schedulePending(state, run);
}

/** Ticks of restart overhead in the current hold, up to now. */
function restartTicksSoFar(state: SimState, run: RunState): number {
  return Math.max(0, Math.min(state.now, run.anchorTick) - run.holdStartTick);
}

/** The current hold's compute/checkpoint cycles up to now, in the state's scratch split. */
function cyclesSoFar(state: SimState, run: RunState): CycleSplit {
  const spec = run.spec;
  return splitCycles(Math.max(0, state.now - run.anchorTick), spec.checkpointIntervalTicks, spec.checkpointWriteTicks, state.split);
}

/** Work made safe by the checkpoints completed since the anchor. */
function committedSinceAnchor(run: RunState, cycles: CycleSplit): number {
  if (cycles.completedCheckpoints === 0) return 0;
  return cycles.committedComputeTicks * run.flopPerTick + run.bonusFlop;
}

export function stopHold(state: SimState, run: RunState, keepUncommitted: boolean): void {
  const restartTicks = restartTicksSoFar(state, run);
  const cycles = cyclesSoFar(state, run);
  const racks = run.racksHeld;
  run.restartRackTicks += restartTicks * racks;
  run.checkpointRackTicks += cycles.writeTicks * racks;
  run.productiveRackTicks += cycles.committedComputeTicks * racks;
  run.committedFlop += committedSinceAnchor(run, cycles);
  if (keepUncommitted) {
    run.productiveRackTicks += cycles.uncommittedComputeTicks * racks;
    run.committedFlop += cycles.uncommittedComputeTicks * run.flopPerTick + (cycles.completedCheckpoints === 0 ? run.bonusFlop : 0);
  } else {
    run.lostRackTicks += cycles.uncommittedComputeTicks * racks;
  }
  state.allocatedRacks -= racks;
  closeHold(run, state.now, !keepUncommitted);
  run.racksHeld = 0;
  run.epoch += 1;
  run.pendingSeq = -1;
}

export function completeRun(state: SimState, run: RunState): void {
  stopHold(state, run, true);
  markHoldEnd(run, 'completed');
  run.committedFlop = run.spec.totalFlop;
  run.status = 'completed';
  run.endTick = state.now;
  removeRunning(state, run);
  returnRacks(state, run.spec.racks);
}

/** Count an interruption of `cause` (an index into `state.causeNames`). */
export function countInterruption(run: RunState, cause: number): void {
  run.interruptions += 1;
  run.causeCounts[cause] = (run.causeCounts[cause] ?? 0) + 1;
}

/** The index of a cause by name, adding it when it is new (an outside source's cause). */
export function causeIndex(state: SimState, name: string): number {
  const at = state.causeNames.indexOf(name);
  return at === -1 ? state.causeNames.push(name) - 1 : at;
}

/**
 * An interruption: work since the last completed checkpoint is lost, the rack goes to repair
 * when the cause needs it, and the run goes back to its place in the queue.
 */
export function failRun(state: SimState, run: RunState): void {
  const racks = run.racksHeld;
  stopHold(state, run, false);
  const causes = state.causes;
  let repairTicks = 0;
  let cause = -1;
  if (causes.length === 0) {
    run.interruptions += 1;
  } else {
    const u = run.causeRng();
    cause = 0;
    while (cause < causes.length - 1 && !(u < (causes[cause] as (typeof causes)[number]).cumulativeShare)) cause += 1;
    countInterruption(run, cause);
    repairTicks = hoursToTicks((causes[cause] as (typeof causes)[number]).sampleRepairHours(run.repairRng), state.scenario.tickSeconds);
  }
  markHoldEnd(run, 'failed', cause, repairTicks);
  removeRunning(state, run);
  if (repairTicks > 0) {
    state.downRacks += 1;
    state.events.push(state.now + repairTicks, EventKind.repair, run.spec.index);
    returnRacks(state, racks - 1);
  } else {
    returnRacks(state, racks);
  }
  enqueue(state, run);
}

/**
 * Change a running run's speed from now on (a power cap, say), keeping its place in the
 * checkpoint cycle: the anchor moves to the start of the current cycle and the ticks already
 * computed in it keep the work they did at the old rate.
 */
export function setRunRate(state: SimState, run: RunState, newFlopPerTick: number): void {
  if (run.status !== 'active' || newFlopPerTick === run.flopPerTick) return;
  const t = state.now;
  if (t > run.anchorTick) {
    const spec = run.spec;
    const restartTicks = restartTicksSoFar(state, run);
    const cycles = cyclesSoFar(state, run);
    const racks = run.racksHeld;
    const cycleTicks = spec.checkpointIntervalTicks + spec.checkpointWriteTicks;
    const n = cycles.completedCheckpoints;
    run.restartRackTicks += restartTicks * racks;
    run.productiveRackTicks += cycles.committedComputeTicks * racks;
    run.checkpointRackTicks += n * spec.checkpointWriteTicks * racks;
    run.committedFlop += committedSinceAnchor(run, cycles);
    run.bonusFlop = (n === 0 ? run.bonusFlop : 0) + cycles.uncommittedComputeTicks * (run.flopPerTick - newFlopPerTick);
    if (n > 0) run.anchorTick += n * cycleTicks;
    run.holdStartTick = run.anchorTick;
  }
  run.flopPerTick = newFlopPerTick;
  // The failure already drawn stands: failures do not depend on speed, and redrawing would
  // shift the run's failure stream between options that differ only in power.
  planCompletion(state, run);
  schedulePending(state, run);
}

/** When the run's work will be done at its current speed (Infinity at zero speed). */
function planCompletion(state: SimState, run: RunState): void {
  const spec = run.spec;
  if (run.flopPerTick <= 0) {
    run.completionTick = Infinity;
    run.completionSeq = -1;
    return;
  }
  const remaining = spec.totalFlop - run.committedFlop - run.bonusFlop;
  const computeTicks = Math.max(0, Math.ceil(remaining / run.flopPerTick - ceilSlack * Math.max(1, remaining / run.flopPerTick)));
  run.completionTick = Math.max(state.now, run.anchorTick + wallTicksForCompute(computeTicks, spec.checkpointIntervalTicks, spec.checkpointWriteTicks));
  run.completionSeq = state.events.reserveSeq();
}

/** The hold's failure: a memoryless wait at GPUs x rate from the run's own stream. */
function drawFailure(state: SimState, run: RunState): void {
  const perTick = (run.spec.gpus * state.scenario.failures.ratePerGpuHour * state.scenario.tickSeconds) / 3600;
  if (perTick <= 0) {
    run.failureTick = Infinity;
    run.failureSeq = -1;
    return;
  }
  const wait = -Math.log(1 - run.failureRng()) / perTick;
  run.failureTick = state.now + Math.max(1, Math.ceil(wait));
  run.failureSeq = state.events.reserveSeq();
}

/**
 * Queue the earlier of the completion and the failure (the completion on a tie: a run that
 * finishes on the tick it would fail has finished), unless it is queued already. Each keeps the
 * sequence number reserved when it was planned, so events fall in the same order as if both
 * had been queued.
 */
function schedulePending(state: SimState, run: RunState): void {
  const failureFirst = run.failureTick < run.completionTick;
  const seq = failureFirst ? run.failureSeq : run.completionSeq;
  if (seq === -1 || seq === run.pendingSeq) return;
  const tick = failureFirst ? run.failureTick : run.completionTick;
  state.events.push(tick, failureFirst ? EventKind.failure : EventKind.complete, run.spec.index, run.epoch, seq);
  run.pendingSeq = seq;
}

/** Insert a run into the queue at its place: by submit tick, then scenario order. */
export function enqueue(state: SimState, run: RunState): void {
  run.status = 'queued';
  const queue = state.queue;
  const submit = run.spec.submitTick;
  const index = run.spec.index;
  let at = queue.length;
  while (at > 0) {
    const other = queue[at - 1] as QueuedRequest;
    if (other.submitTick < submit || (other.submitTick === submit && other.id < index)) break;
    at -= 1;
  }
  // In place: splice would allocate the array of removed elements.
  const request = (run.requestView ??= requestOf(run));
  queue.push(request);
  for (let i = queue.length - 1; i > at; i -= 1) queue[i] = queue[i - 1] as QueuedRequest;
  queue[at] = request;
  state.dirty = true;
}

function requestOf(run: RunState) {
  const s = run.spec;
  return Object.freeze({
    id: s.index,
    name: s.name,
    team: s.team,
    racks: s.racks,
    priority: s.priority,
    submitTick: s.submitTick,
    estimatedTicks: s.estimatedTicks,
    restart: run.firstStartTick !== null,
  });
}

/** At the end of the horizon a run still active keeps the work it has done. */
export function closeRun(state: SimState, run: RunState): void {
  if (run.status !== 'active') return;
  stopHold(state, run, true);
  // A run whose completion falls exactly on the horizon's end computed whole ticks past its
  // work (completion is rounded up to the tick): it has done its work, not more.
  run.committedFlop = Math.min(run.committedFlop, run.spec.totalFlop);
  markHoldEnd(run, 'horizon');
}
