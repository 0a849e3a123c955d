import { preemptRun } from './preempt.js';
import { causeIndex, countInterruption } from './runs.js';
import type { RunState, SimState } from './state.js';

/** The interruption a lemon detector makes, as its cause is named in the report. */
export const slowRackCause = 'slow-rack-swap';

/**
 * A lemon detector found the run's slow rack: the run writes a checkpoint and restarts without
 * it (a preemption: no work is lost, the write and the restart are paid). The new hold draws its
 * racks' speed afresh.
 */
export function swapSlowRack(state: SimState, run: RunState): void {
  countInterruption(run, causeIndex(state, slowRackCause));
  preemptRun(state, run);
}
