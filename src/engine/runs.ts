import { splitCycles, wallTicksForCompute, type CycleSplit } from '../model/checkpoint.js';
import { flopPerTick } from '../model/work.js';
import { hoursToTicks } from '../model/time.js';
import { EventKind } from './events.js';
import { returnRacks, takeRacks } from './racks.js';
import { closeHold, markHoldEnd, openHold } from './holds.js';
import { removeRunning } from './running.js';
import { drawSpeedShare } from './stragglers.js';
import { countHeld, enterNextPhase, markPhaseHeld, phaseEndFlop, phaseEndTick, phaseOver } from './phases.js';
import type { QueuedRequest } from './policy.js';
import type { FailureCauseState, RunState, SimState } from './state.js';

/**
 * A run's life: start (or restart) on racks, cycle compute and checkpoint writes in closed form,
 * and stop by completing or failing. Only starts, completions and failures are events, and a run
 * holding racks has one pending event: the earliest of its completion (or the end of its phase),
 * its next failure and, with a slow rack, the lemon detector's finding.
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
  run.anchorTick = t + (restart ? restartTicks(state, run) : 0);
  run.restartCause = -1;
  run.bonusFlop = 0;
  run.hangTick = Infinity;
  const stragglers = state.scenario.failures.stragglers;
  run.slowShare = stragglers === null ? 1 : drawSpeedShare(stragglers, spec.racks, run.stragglerRng);
  // As uncappedFlopPerTick, inline: a double returned from a call would be boxed at every start.
  run.flopPerTick = flopPerTick(spec.gpus, spec.tflopsPerGpu, state.scenario.tickSeconds) * run.slowShare;
  if (run.phaseSpecs !== null) markPhaseHeld(state, run);
  openHold(run, t, run.anchorTick, spec.racks, false, spec.checkpointIntervalTicks);
  planCompletion(state, run);
  drawFailure(state, run);
  planDetection(state, run);
  schedulePending(state, run);
}

/** The run's speed with nothing capping it: its phase's, at its slowest rack's share. */
export function uncappedFlopPerTick(state: SimState, run: RunState): number {
  return flopPerTick(run.spec.gpus, run.spec.tflopsPerGpu, state.scenario.tickSeconds) * run.slowShare;
}

/**
 * The restart overhead of this start: the cause's own restart minutes (else the run's), plus the
 * swap of a hot spare when the cause needs one, each drawn from the run's own stream.
 */
function restartTicks(state: SimState, run: RunState): number {
  const cause = run.restartCause >= 0 ? state.causes[run.restartCause] : undefined;
  // The common case, a fixed restart of the run's own: no draw, no arithmetic.
  if (run.fixedRestartTicks >= 0 && (cause === undefined || (cause.sampleRestartMinutes === null && cause.recovery !== 'swap'))) return run.fixedRestartTicks;
  let minutes = (cause?.sampleRestartMinutes ?? run.sampleRestart)(run.restartRng);
  if (cause?.recovery === 'swap') minutes += cause.sampleSwapMinutes(run.swapRng);
  return Math.max(0, Math.round((minutes * 60) / state.scenario.tickSeconds));
}

/** Ticks of restart overhead in the current hold, up to `until`. */
function restartTicksUntil(run: RunState, until: number): number {
  return Math.max(0, Math.min(until, run.anchorTick) - run.holdStartTick);
}

/** The current hold's compute/checkpoint cycles up to `until`, in the state's scratch split. */
function cyclesUntil(state: SimState, run: RunState, until: number): CycleSplit {
  const spec = run.spec;
  return splitCycles(Math.max(0, until - run.anchorTick), spec.checkpointIntervalTicks, spec.checkpointWriteTicks, state.split);
}

/** Work made safe by the checkpoints completed since the anchor. */
function committedSinceAnchor(run: RunState, cycles: CycleSplit): number {
  if (cycles.completedCheckpoints === 0) return 0;
  return cycles.committedComputeTicks * run.flopPerTick + run.bonusFlop;
}

/** Compute ticks whose work is kept: productive time, in the phase too, and what slow racks cost. */
function keepCompute(run: RunState, computeTicks: number, racks: number): void {
  run.productiveRackTicks += computeTicks * racks;
  run.productiveTicks += computeTicks;
  run.phaseProductiveTicks += computeTicks;
  if (run.slowShare < 1) run.stragglerLossRackTicks += computeTicks * racks * (1 - run.slowShare);
}

/**
 * The hold ends now: its restart, writes and compute are counted. A hung run has computed
 * nothing since it hung and could write no checkpoint: everything since its last checkpoint is
 * lost, and so is the time it hung.
 */
export function stopHold(state: SimState, run: RunState, keepUncommitted: boolean): void {
  const t = state.now;
  const hung = run.hangTick <= t;
  const until = hung ? run.hangTick : t;
  const cycles = cyclesUntil(state, run, until);
  const racks = run.racksHeld;
  const keep = keepUncommitted && !hung;
  run.restartRackTicks += restartTicksUntil(run, until) * racks;
  run.checkpointRackTicks += cycles.writeTicks * racks;
  keepCompute(run, cycles.committedComputeTicks, racks);
  run.committedFlop += committedSinceAnchor(run, cycles);
  if (keep) {
    keepCompute(run, cycles.uncommittedComputeTicks, racks);
    run.committedFlop += cycles.uncommittedComputeTicks * run.flopPerTick + (cycles.completedCheckpoints === 0 ? run.bonusFlop : 0);
  } else {
    run.lostRackTicks += cycles.uncommittedComputeTicks * racks;
  }
  if (hung) {
    run.lostRackTicks += (t - until) * racks;
    run.hungRackTicks += (t - until) * racks;
  }
  if (run.phaseHeldRackTicks !== null) countHeld(state, run, racks);
  state.allocatedRacks -= racks;
  closeHold(run, t, !keep, hung ? until : -1);
  run.racksHeld = 0;
  run.epoch += 1;
  run.pendingSeq = -1;
  run.hangTick = Infinity;
  run.hangCause = -1;
}

export function completeRun(state: SimState, run: RunState): void {
  const racks = run.racksHeld;
  stopHold(state, run, true);
  markHoldEnd(run, 'completed');
  run.committedFlop = run.spec.totalFlop;
  run.status = 'completed';
  run.endTick = state.now;
  if (run.phaseEndedTick) run.phaseEndedTick[run.phase] = state.now;
  removeRunning(state, run);
  returnRacks(state, racks);
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
 * A failure event: a new failure strikes, or a hang is noticed. A cause that hangs stalls the run
 * where it stands: it keeps its racks, makes no progress and is interrupted when the watchdog
 * fires. Otherwise the run is interrupted now: work since its last completed checkpoint is lost
 * (and, for silent data corruption, the checkpoints it rolls back), the rack goes to repair when
 * the cause needs it, and the run goes back to its place in the queue.
 */
export function failRun(state: SimState, run: RunState): void {
  const causes = state.causes;
  let cause = run.hangCause;
  if (run.hangTick === Infinity) {
    // The root cause: one uniform draw against the causes' cumulative shares.
    cause = -1;
    if (causes.length > 0) {
      const u = run.causeRng();
      cause = 0;
      while (cause < causes.length - 1 && !(u < (causes[cause] as FailureCauseState).cumulativeShare)) cause += 1;
    }
    const hangTicks = cause === -1 ? 0 : (causes[cause] as FailureCauseState).hangTicks;
    if (hangTicks > 0) {
      beginHang(state, run, cause, hangTicks);
      return;
    }
  }
  const racks = run.racksHeld;
  stopHold(state, run, false);
  let repairTicks = 0;
  let rolledBack = 0;
  const c = causes[cause];
  if (c === undefined) {
    run.interruptions += 1;
  } else {
    countInterruption(run, cause);
    if (c.recovery === 'repair') repairTicks = hoursToTicks(c.sampleRepairHours(run.repairRng), state.scenario.tickSeconds);
    if (c.rollbackCheckpoints > 0) rolledBack = rollBack(state, run, c, racks);
  }
  run.restartCause = cause;
  markHoldEnd(run, 'failed', cause, repairTicks, rolledBack);
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

/** The run stalls now: no completion while hung, and its next event is the watchdog's. */
function beginHang(state: SimState, run: RunState, cause: number, hangTicks: number): void {
  run.hangTick = state.now;
  run.hangCause = cause;
  run.completionTick = Infinity;
  run.completionSeq = -1;
  run.lemonTick = Infinity;
  run.lemonSeq = -1;
  run.failureTick = state.now + hangTicks;
  run.failureSeq = state.events.reserveSeq();
  schedulePending(state, run);
}

/**
 * Silent data corruption found: the run goes back `rollbackCheckpoints` intervals beyond its last
 * checkpoint. Their compute becomes lost (at most what the run kept in its current phase: the
 * checkpoint written at a phase's start is taken as sound). Returns the compute ticks rolled back.
 */
function rollBack(state: SimState, run: RunState, cause: FailureCauseState, racks: number): number {
  const interval = run.spec.checkpointIntervalTicks;
  if (cause.rollbackCheckpoints <= 0 || !Number.isFinite(interval)) return 0;
  const ticks = Math.min(cause.rollbackCheckpoints * interval, run.phaseProductiveTicks);
  if (ticks <= 0) return 0;
  run.productiveRackTicks -= ticks * racks;
  run.lostRackTicks += ticks * racks;
  run.productiveTicks -= ticks;
  run.phaseProductiveTicks -= ticks;
  const full = flopPerTick(run.spec.gpus, run.spec.tflopsPerGpu, state.scenario.tickSeconds);
  run.committedFlop = Math.max(run.phaseStartFlop, run.committedFlop - ticks * full);
  return ticks;
}

/**
 * Change a running run's speed from now on (a power cap, say), keeping its place in the
 * checkpoint cycle: the anchor moves to the start of the current cycle and the ticks already
 * computed in it keep the work they did at the old rate. A hung run makes no progress to speed up.
 */
export function setRunRate(state: SimState, run: RunState, newFlopPerTick: number): void {
  if (run.status !== 'active' || newFlopPerTick === run.flopPerTick || run.hangTick <= state.now) return;
  rebaseRate(state, run, newFlopPerTick);
  // The failure already drawn stands: failures do not depend on speed, and redrawing would
  // shift the run's failure stream between options that differ only in power.
  replan(state, run);
}

/** Count the hold's completed cycles and move its anchor to the cycle under way, at a new speed. */
export function rebaseRate(state: SimState, run: RunState, newFlopPerTick: number): void {
  const t = state.now;
  if (t > run.anchorTick) {
    const spec = run.spec;
    const cycles = cyclesUntil(state, run, t);
    const racks = run.racksHeld;
    const cycleTicks = spec.checkpointIntervalTicks + spec.checkpointWriteTicks;
    const n = cycles.completedCheckpoints;
    run.restartRackTicks += restartTicksUntil(run, t) * racks;
    keepCompute(run, cycles.committedComputeTicks, racks);
    run.checkpointRackTicks += n * spec.checkpointWriteTicks * racks;
    run.committedFlop += committedSinceAnchor(run, cycles);
    run.bonusFlop = (n === 0 ? run.bonusFlop : 0) + cycles.uncommittedComputeTicks * (run.flopPerTick - newFlopPerTick);
    if (n > 0) run.anchorTick += n * cycleTicks;
    run.holdStartTick = run.anchorTick;
  }
  run.flopPerTick = newFlopPerTick;
}

/** Plan the completion again after a change of speed or phase, and queue what comes first. */
export function replan(state: SimState, run: RunState): void {
  planCompletion(state, run);
  schedulePending(state, run);
}

/**
 * When the run's work (of its phase) will be done at its current speed, or its phase ends by
 * date, whichever is first (Infinity at zero speed without a date).
 */
function planCompletion(state: SimState, run: RunState): void {
  const spec = run.spec;
  const phased = run.phaseSpecs !== null;
  const endFlop = phased ? phaseEndFlop(run) : spec.totalFlop;
  let workTick = Infinity;
  if (run.flopPerTick > 0) {
    const remaining = endFlop - run.committedFlop - run.bonusFlop;
    const computeTicks = Math.max(0, Math.ceil(remaining / run.flopPerTick - ceilSlack * Math.max(1, remaining / run.flopPerTick)));
    workTick = Math.max(state.now, run.anchorTick + wallTicksForCompute(computeTicks, spec.checkpointIntervalTicks, spec.checkpointWriteTicks));
  }
  const dateTick = phased ? Math.max(state.now, phaseEndTick(run)) : Infinity;
  if (workTick === Infinity && dateTick === Infinity) {
    run.completionTick = Infinity;
    run.completionSeq = -1;
    return;
  }
  run.completionEndsPhase = dateTick < workTick || endFlop < spec.totalFlop;
  run.completionTick = Math.min(workTick, dateTick);
  run.completionSeq = state.events.reserveSeq();
}

/**
 * The hold's failure: an Exp(1) draw from the run's own stream, turned into a tick by the
 * fleet's cumulative hazard (a memoryless wait at GPUs x rate when the rate is constant).
 */
function drawFailure(state: SimState, run: RunState): void {
  const hazard = state.hazard;
  const constant = hazard.constantPerGpuPerTick;
  if (constant !== null) {
    const perTick = run.spec.gpus * constant;
    if (perTick <= 0) {
      run.failureTick = Infinity;
      run.failureSeq = -1;
      return;
    }
    run.failureTick = state.now + Math.max(1, Math.ceil(-Math.log(1 - run.failureRng()) / perTick));
  } else {
    run.failureTick = hazard.next(state.now, -Math.log(1 - run.failureRng()), run.spec.gpus);
  }
  run.failureSeq = run.failureTick === Infinity ? -1 : state.events.reserveSeq();
}

/** With a slow rack and a lemon detector: the detector finds it this long after computing began. */
function planDetection(state: SimState, run: RunState): void {
  const detection = run.slowShare < 1 ? (state.scenario.failures.stragglers?.detectionTicks ?? null) : null;
  if (detection !== null) {
    run.lemonTick = run.anchorTick + detection;
    run.lemonSeq = state.events.reserveSeq();
  } else {
    run.lemonTick = Infinity;
    run.lemonSeq = -1;
  }
}

/**
 * Queue the earliest of the completion, the failure and the detection (the completion on a tie:
 * a run that finishes on the tick it would fail has finished), unless it is queued already. Each
 * keeps the sequence number reserved when it was planned, so events fall in the same order as if
 * all had been queued.
 */
function schedulePending(state: SimState, run: RunState): void {
  let tick = run.completionTick;
  let seq = run.completionSeq;
  let kind: EventKind = EventKind.complete;
  if (run.failureTick < tick) {
    tick = run.failureTick;
    seq = run.failureSeq;
    kind = EventKind.failure;
  }
  if (run.lemonTick < tick) {
    tick = run.lemonTick;
    seq = run.lemonSeq;
    kind = EventKind.failure;
  }
  if (seq === -1 || seq === run.pendingSeq) return;
  state.events.push(tick, kind, run.spec.index, run.epoch, seq);
  run.pendingSeq = seq;
}

/** Insert a run into the queue at its place: by submit tick, then scenario order. */
export function enqueue(state: SimState, run: RunState): void {
  run.status = 'queued';
  // A phase that ended by date while the run was away: it queues for the next one's size.
  if (run.phaseSpecs !== null && phaseOver(run, state.now)) enterNextPhase(state, run);
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
