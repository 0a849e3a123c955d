import { flopPerTick } from '../model/work.js';
import type { RunSpec } from './spec.js';
import type { RunState, SimState } from './state.js';

/**
 * A run's phases (a warm-up at a lower speed, a stage at another MFU, precision or size). Each
 * phase ends once the run's work reaches its `untilFlop` or the clock its `untilTick`. While the
 * run holds racks, the end of its phase is its planned completion (see runs.ts planCompletion).
 * A phase of the same size changes the run's speed where it stands, keeping its place in the
 * checkpoint cycle; a phase of another size makes the run write a checkpoint, give its racks back
 * and queue for the new size (see preempt.ts).
 */

/** The run's specification in each phase: its own, with the phase's size, speed and interval. */
export function phaseSpecsOf(spec: RunSpec): RunSpec[] {
  return (spec.phases ?? []).map((p) => ({
    ...spec,
    racks: p.racks,
    gpus: p.gpus,
    precision: p.precision,
    tflopsPerGpu: p.tflopsPerGpu,
    checkpointIntervalTicks: p.checkpointIntervalTicks,
  }));
}

/** Work at which the current phase ends (the run's total in its last, or with no phases). */
export function phaseEndFlop(run: RunState): number {
  const p = run.spec.phases?.[run.phase];
  return p && run.phaseSpecs ? Math.min(p.untilFlop, run.spec.totalFlop) : run.spec.totalFlop;
}

/** The tick at which the current phase ends by date (Infinity: none). */
export function phaseEndTick(run: RunState): number {
  return run.phaseSpecs ? (run.spec.phases?.[run.phase]?.untilTick ?? Infinity) : Infinity;
}

/** Whether the current phase is over at `tick` with the run's work as it stands. */
export function phaseOver(run: RunState, tick: number): boolean {
  if (!run.phaseSpecs || run.phase >= run.phaseSpecs.length - 1) return false;
  return run.committedFlop >= phaseEndFlop(run) || tick >= phaseEndTick(run);
}

/** Count the rack-ticks held since the last count to the current phase. */
export function countHeld(state: SimState, run: RunState, racks: number): void {
  const held = run.phaseHeldRackTicks;
  if (held) held[run.phase] = (held[run.phase] ?? 0) + (state.now - run.heldSinceTick) * racks;
  run.heldSinceTick = state.now;
}

/** The run holds racks in its current phase from now on (its first tick there, if none yet). */
export function markPhaseHeld(state: SimState, run: RunState): void {
  run.heldSinceTick = state.now;
  const first = run.phaseFirstTick;
  if (first && first[run.phase] === -1) first[run.phase] = state.now;
}

/**
 * Move the run to its next phase whose end is still ahead (a phase already over is skipped).
 * Returns whether the run's size changed, in which case its request to the policy is rebuilt.
 */
export function enterNextPhase(state: SimState, run: RunState): boolean {
  const specs = run.phaseSpecs;
  if (!specs) return false;
  const racksBefore = run.phaseSpec.racks;
  do {
    const ended = run.phaseEndedTick;
    if (ended && run.phaseFirstTick?.[run.phase] !== -1) ended[run.phase] = state.now;
    run.phase += 1;
  } while (phaseOver(run, state.now));
  const next = specs[run.phase] as RunSpec;
  run.phaseSpec = next;
  run.spec = next;
  run.phaseStartFlop = run.committedFlop;
  run.phaseProductiveTicks = 0;
  const resized = next.racks !== racksBefore;
  if (resized) run.requestView = undefined;
  return resized;
}

/** The FLOPs per tick of the run's current phase at full speed (no slow node, no power cap). */
export function phaseFlopPerTick(state: SimState, run: RunState): number {
  return flopPerTick(run.spec.gpus, run.spec.tflopsPerGpu, state.scenario.tickSeconds);
}
