import type { Participant, ScheduleEvent } from './participant.js';
import { markHoldEnd } from './holds.js';
import { returnRacks } from './racks.js';
import { causeIndex, countInterruption, enqueue, stopHold } from './runs.js';
import { removeRunning } from './running.js';
import type { RunSpec } from './spec.js';
import type { RunState, SimState } from './state.js';

/**
 * Interruptions given from outside, at absolute ticks (a cloud's hardware failures and spot
 * preemptions, say), besides the engine's own failures, which are drawn afresh at every start.
 * An absolute timeline makes two options that differ in one rate comparable path by path: with
 * the same streams, a higher rate adds interruptions and moves none.
 */
export interface Interruption {
  tick: number;
  cause: string;
  /** Notice long enough to write a checkpoint: nothing since the last one is lost. */
  savesWork: boolean;
}

/** One run's interruptions, ascending in tick; null when there are no more. */
export type InterruptionStream = () => Interruption | null;

export type InterruptionSource = (spec: RunSpec, seed: number, replication: number) => InterruptionStream;

/**
 * A source of interruptions as a participant: every run gets its stream, and each run's next
 * interruption is queued one at a time.
 */
export function interruptionParticipant(source: InterruptionSource, seed: number, replication: number): Participant {
  let streams: InterruptionStream[] = [];
  let pending: Array<Interruption | null> = [];
  let schedule: ScheduleEvent = () => undefined;

  const scheduleNext = (state: SimState, run: RunState) => {
    if (run.status === 'completed') return;
    const stream = streams[run.spec.index];
    let next = stream?.() ?? null;
    while (next && next.tick < state.now) next = stream?.() ?? null;
    pending[run.spec.index] = next;
    if (next) schedule(next.tick, run.spec.index);
  };

  return {
    attach(state, scheduleEvent) {
      schedule = scheduleEvent;
      streams = state.runs.map((run) => source(run.spec, seed, replication));
      pending = state.runs.map(() => null);
      for (const run of state.runs) scheduleNext(state, run);
    },
    onEvent(state, target) {
      const run = state.runs[target];
      if (!run) return;
      const due = pending[target];
      scheduleNext(state, run);
      if (due && run.status === 'active') interruptRun(state, run, due);
    },
  };
}

/**
 * An outside interruption strikes a run only while it holds racks. Nothing goes to repair: the
 * provider swaps the node. Work since the last checkpoint is lost unless the notice sufficed.
 */
function interruptRun(state: SimState, run: RunState, due: Interruption): void {
  const racks = run.racksHeld;
  stopHold(state, run, due.savesWork);
  const cause = causeIndex(state, due.cause);
  countInterruption(run, cause);
  markHoldEnd(run, due.savesWork ? 'stopped' : 'failed', cause, 0);
  removeRunning(state, run);
  returnRacks(state, racks);
  enqueue(state, run);
}
