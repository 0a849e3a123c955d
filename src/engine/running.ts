import type { RunningView } from './policy.js';
import { releasePods } from './pods.js';
import type { RunState, SimState } from './state.js';

/**
 * The runs holding racks (active, or writing a last checkpoint after a preemption), in the order
 * they took them: a list linked through the runs, so a start or a stop costs O(1) whatever the
 * number of runs. The arrays readers want (the facility's walk, the policy's running views) are
 * built when read after a change, so a policy that never looks at the running runs (FIFO) never
 * pays for them.
 */
export function addRunning(state: SimState, run: RunState): void {
  const index = run.spec.index;
  run.prevRunning = state.runningTail;
  run.nextRunning = -1;
  if (state.runningTail === -1) state.runningHead = index;
  else (state.runs[state.runningTail] as RunState).nextRunning = index;
  state.runningTail = index;
  run.isRunning = true;
  state.runningValid = false;
}

/** The run gave its racks back: off the list, and out of its pods. */
export function removeRunning(state: SimState, run: RunState): void {
  if (!run.isRunning) return;
  const { prevRunning: prev, nextRunning: next } = run;
  if (prev === -1) state.runningHead = next;
  else (state.runs[prev] as RunState).nextRunning = next;
  if (next === -1) state.runningTail = prev;
  else (state.runs[next] as RunState).prevRunning = prev;
  run.prevRunning = -1;
  run.nextRunning = -1;
  run.isRunning = false;
  state.runningValid = false;
  if (state.pods) releasePods(state.pods, run.spec.index);
}

/** A running run's view changed (it began a preemption). */
export function runningChanged(state: SimState): void {
  state.runningValid = false;
}

/** The runs holding racks, in start order. Read-only; valid until the next start or stop. */
export function runningRuns(state: SimState): readonly RunState[] {
  if (!state.runningValid) rebuild(state);
  return state.runningList;
}

/** The policy's views of the runs holding racks, in start order. */
export function runningViews(state: SimState): readonly RunningView[] {
  if (!state.runningValid) rebuild(state);
  return state.runningViewList;
}

function rebuild(state: SimState): void {
  const list = state.runningList;
  const views = state.runningViewList;
  let n = 0;
  for (let i = state.runningHead; i !== -1; ) {
    const run = state.runs[i] as RunState;
    list[n] = run;
    views[n] = refreshView(run);
    n += 1;
    i = run.nextRunning;
  }
  // pop() rather than setting the length, which V8 makes a slow path.
  while (list.length > n) {
    list.pop();
    views.pop();
  }
  state.runningValid = true;
}

function refreshView(run: RunState): RunningView {
  const view = run.runningView;
  view.racks = run.racksHeld;
  // The hold's own start: a speed change (a facility power cap) moves holdStartTick to the
  // start of the current checkpoint cycle, which is not when the run took its racks.
  view.startTick = run.status === 'active' ? run.lastHoldStartTick : run.holdStartTick;
  view.preempting = run.status === 'preempting';
  view.releaseTick = run.releaseTick;
  return view;
}
