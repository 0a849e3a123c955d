import { splitCycles, wallTicksForCompute, type CycleSplit } from '../model/checkpoint.js';
import { flopPerTick } from '../model/work.js';
import { EventKind } from './events.js';
import { returnRacks, takeRacks } from './racks.js';
import { closeHold, markHoldEnd, openHold } from './holds.js';
import type { RunState, SimState } from './state.js';

/**
 * A run's life: start (or restart) on racks, cycle compute and checkpoint writes in closed form,
 * and stop by completing or failing. Only starts, completions and failures are events.
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
  run.flopPerTick = flopPerTick(spec.gpus, spec.tflopsPerGpu, state.scenario.tickMinutes);
  openHold(run, t, run.anchorTick, spec.racks);
  scheduleCompletion(state, run);
  scheduleFailure(state, run);
}

/** The split of the current hold into restart ticks and compute/checkpoint cycles, up to now. */
function holdSplit(state: SimState, run: RunState): { restartTicks: number; cycles: CycleSplit } {
  const t = state.now;
  const spec = run.spec;
  return {
    restartTicks: Math.max(0, Math.min(t, run.anchorTick) - run.holdStartTick),
    cycles: splitCycles(Math.max(0, t - run.anchorTick), spec.checkpointIntervalTicks, spec.checkpointWriteTicks),
  };
}

/** Work made safe by the checkpoints completed since the anchor. */
function committedSinceAnchor(run: RunState, cycles: CycleSplit): number {
  if (cycles.completedCheckpoints === 0) return 0;
  return cycles.committedComputeTicks * run.flopPerTick + run.bonusFlop;
}

export function stopHold(state: SimState, run: RunState, keepUncommitted: boolean): void {
  const { restartTicks, cycles } = holdSplit(state, run);
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
}

export function completeRun(state: SimState, run: RunState): void {
  stopHold(state, run, true);
  markHoldEnd(run, 'completed');
  run.committedFlop = run.spec.totalFlop;
  run.status = 'completed';
  run.endTick = state.now;
  returnRacks(state, run.spec.racks);
}

/**
 * An interruption: work since the last completed checkpoint is lost, the rack goes to repair
 * when the cause needs it, and the run goes back to its place in the queue.
 */
export function failRun(state: SimState, run: RunState): void {
  const racks = run.racksHeld;
  stopHold(state, run, false);
  run.interruptions += 1;
  const u = run.causeRng();
  const cause = state.causes.find((c) => u < c.cumulativeShare) ?? state.causes[state.causes.length - 1];
  let repairTicks = 0;
  if (cause) {
    run.interruptionsByCause.set(cause.name, (run.interruptionsByCause.get(cause.name) ?? 0) + 1);
    repairTicks = Math.round((cause.sampleRepairHours(run.repairRng) * 60) / state.scenario.tickMinutes);
  }
  markHoldEnd(run, 'failed', cause?.name ?? null, repairTicks);
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
    const { restartTicks, cycles } = holdSplit(state, run);
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
  scheduleCompletion(state, run);
}

function scheduleCompletion(state: SimState, run: RunState): void {
  const spec = run.spec;
  if (run.flopPerTick <= 0) return;
  const remaining = spec.totalFlop - run.committedFlop - run.bonusFlop;
  const computeTicks = Math.max(0, Math.ceil(remaining / run.flopPerTick - ceilSlack * Math.max(1, remaining / run.flopPerTick)));
  const tick = Math.max(state.now, run.anchorTick + wallTicksForCompute(computeTicks, spec.checkpointIntervalTicks, spec.checkpointWriteTicks));
  run.completionSeq = state.events.push(tick, EventKind.complete, spec.index, run.epoch);
}

function scheduleFailure(state: SimState, run: RunState): void {
  const perTick = (run.spec.gpus * state.scenario.failures.ratePerGpuHour * state.scenario.tickMinutes) / 60;
  if (perTick <= 0) return;
  const wait = -Math.log(1 - run.failureRng()) / perTick;
  state.events.push(state.now + Math.max(1, Math.ceil(wait)), EventKind.failure, run.spec.index, run.epoch);
}

/** Insert a run into the queue at its place: by submit tick, then scenario order. */
export function enqueue(state: SimState, run: RunState): void {
  run.status = 'queued';
  const comesAfter = (i: number) => {
    const other = state.runs[i]?.spec;
    if (!other) return false;
    return other.submitTick > run.spec.submitTick || (other.submitTick === run.spec.submitTick && other.index > run.spec.index);
  };
  let at = state.queue.length;
  while (at > 0 && comesAfter(state.queue[at - 1] ?? -1)) at -= 1;
  state.queue.splice(at, 0, run.spec.index);
  state.dirty = true;
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
