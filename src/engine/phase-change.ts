import { countHeld, enterNextPhase, markPhaseHeld } from './phases.js';
import { preemptRun } from './preempt.js';
import { rebaseRate, replan } from './runs.js';
import { flopPerTick } from '../model/work.js';
import type { RunSpec } from './spec.js';
import type { RunState, SimState } from './state.js';

/**
 * The run reached the end of its phase while holding racks. A next phase of the same size and
 * checkpoint cycle takes over where the run stands: the cycle under way keeps its ticks, the
 * speed changes (at the same share of full speed: a slow rack or a power cap still applies). A
 * phase of another size (or cycle): the run writes a checkpoint, gives its racks back and queues
 * for the new size, paying a restart when it starts again.
 */
export function changePhase(state: SimState, run: RunState): void {
  const next = nextSpec(run, state.now);
  if (!next) return;
  const now = run.spec;
  if (next.racks !== run.racksHeld || next.checkpointIntervalTicks !== now.checkpointIntervalTicks || next.checkpointWriteTicks !== now.checkpointWriteTicks) {
    preemptRun(state, run, () => enterNextPhase(state, run));
    return;
  }
  const tickSeconds = state.scenario.tickSeconds;
  const full = flopPerTick(now.gpus, now.tflopsPerGpu, tickSeconds);
  const share = full > 0 ? run.flopPerTick / full : 1;
  // A placement's penalty (the spec the run holds is its phase's slowed down) carries over.
  const placed = run.phaseSpec.tflopsPerGpu > 0 ? now.tflopsPerGpu / run.phaseSpec.tflopsPerGpu : 1;
  rebaseRate(state, run, run.flopPerTick);
  countHeld(state, run, run.racksHeld);
  enterNextPhase(state, run);
  markPhaseHeld(state, run);
  if (placed !== 1) run.spec = { ...run.spec, tflopsPerGpu: run.spec.tflopsPerGpu * placed };
  rebaseRate(state, run, flopPerTick(run.spec.gpus, run.spec.tflopsPerGpu, tickSeconds) * share);
  replan(state, run);
}

/** The specification of the phase the run moves to (skipping any already over), without moving it. */
function nextSpec(run: RunState, tick: number): RunSpec | undefined {
  const specs = run.phaseSpecs;
  const phases = run.spec.phases;
  if (!specs || !phases) return undefined;
  let p = run.phase + 1;
  while (p < specs.length - 1) {
    const phase = phases[p];
    if (!phase || !(run.committedFlop >= phase.untilFlop || tick >= phase.untilTick)) break;
    p += 1;
  }
  return specs[p];
}
