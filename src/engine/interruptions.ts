import type { RunSpec } from '../scenario/scenario.js';
import { EventKind } from './events.js';
import { markHoldEnd } from './holds.js';
import { returnRacks } from './racks.js';
import { enqueue, stopHold } from './runs.js';
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

export interface ExternalInterruptions {
  streams: InterruptionStream[];
  pending: Array<Interruption | null>;
}

/** Give every run its stream and schedule its first interruption. */
export function attachInterruptions(state: SimState, source: InterruptionSource, seed: number, replication: number): void {
  const streams = state.runs.map((run) => source(run.spec, seed, replication));
  state.external = { streams, pending: state.runs.map(() => null) };
  for (const run of state.runs) scheduleNext(state, run);
}

function scheduleNext(state: SimState, run: RunState): void {
  const external = state.external;
  if (!external || run.status === 'completed') return;
  const stream = external.streams[run.spec.index];
  let next = stream?.() ?? null;
  while (next && next.tick < state.now) next = stream?.() ?? null;
  external.pending[run.spec.index] = next;
  if (next) state.events.push(next.tick, EventKind.interrupt, run.spec.index);
}

/**
 * An outside interruption strikes a run only while it holds racks. Nothing goes to repair: the
 * provider swaps the node. Work since the last checkpoint is lost unless the notice sufficed.
 */
export function interruptRun(state: SimState, run: RunState): void {
  const due = state.external?.pending[run.spec.index];
  scheduleNext(state, run);
  if (!due || run.status !== 'active') return;
  const racks = run.racksHeld;
  stopHold(state, run, due.savesWork);
  run.interruptions += 1;
  run.interruptionsByCause.set(due.cause, (run.interruptionsByCause.get(due.cause) ?? 0) + 1);
  markHoldEnd(run, due.savesWork ? 'stopped' : 'failed', due.cause, 0);
  returnRacks(state, racks);
  enqueue(state, run);
}
