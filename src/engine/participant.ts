import type { SimState } from './state.js';

/**
 * Something that takes part in a simulation besides the runs and the policy: the facility
 * (power, cooling, weather), or a source of interruptions given from outside (a cloud's). The
 * engine calls each hook at a fixed point of its loop and knows nothing else of the participant,
 * which acts through the engine's own functions (runs.ts, preempt.ts, racks.ts).
 *
 * One step of the loop: `advance` (the clock is about to move from `state.now` to `tick`), the
 * events of the tick (a participant's own events, pushed with `schedule`, come back through
 * `onEvent`), `beforeDecide`, the policy if the queue or the racks changed, `afterDecide`. At the
 * horizon: `advance` to it, then `finish`.
 */
export interface Participant {
  /** Set up: called once the state exists, before any event. */
  attach?(state: SimState, schedule: ScheduleEvent): void;
  advance?(state: SimState, tick: number): void;
  /** One of this participant's events fell due; `target` is what it was scheduled with. */
  onEvent?(state: SimState, target: number): void;
  beforeDecide?(state: SimState): void;
  afterDecide?(state: SimState): void;
  finish?(state: SimState): void;
}

/** Queue one of the participant's own events at `tick`; it comes back to `onEvent` with `target`. */
export type ScheduleEvent = (tick: number, target: number) => void;
