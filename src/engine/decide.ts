import type { Policy, QueuedRequest } from './policy.js';
import { preemptRun } from './preempt.js';
import { placeRun, releasePods } from './pods.js';
import { startRun } from './runs.js';
import type { RunState, SimState } from './state.js';

/**
 * Ask the policy what to do now and apply its decisions, checking each. The policy sees the
 * queue (requests with the user's estimates) and the runs holding racks; never true work, speed
 * or failures to come.
 *
 * The engine calls it only after a tick whose events changed the queue or the racks, and does
 * nothing more than drop stopped runs when the queue is empty. The views are kept beside the
 * queue and the running list as runs join and leave them, so a call allocates nothing per
 * waiting or running run: its cost is the policy's own work, plus one pass over the running runs
 * when one of them stopped.
 */
export function decide(state: SimState, policy: Policy): void {
  state.dirty = false;
  if (state.runningChanged) compactRunning(state);
  if (state.queue.length === 0) return;
  const view = state.clusterView;
  view.nowTick = state.now;
  view.installedRacks = state.installedRacks;
  view.freeRacks = state.freeRacks;
  view.spareRacks = state.spareRacks;
  view.downRacks = state.downRacks;
  const decisions = policy(view, state.queue);
  for (let d = 0; d < decisions.length; d += 1) {
    const decision = decisions[d] as (typeof decisions)[number];
    const run = state.runs[decision.id];
    if (decision.kind === 'preempt') {
      if (!run || run.status !== 'active') throw new Error(`policy preempted run ${decision.id}, which is not running`);
      preemptRun(state, run);
      continue;
    }
    const at = queuedAt(state, decision.id);
    if (!run || at === -1) throw new Error(`policy started run ${decision.id}, which is not queued`);
    removeAt(state.queue, at);
    // Once started, a run queues again only as a restart: its request changes once.
    if (run.firstStartTick === null) run.requestView = undefined;
    if (state.pods) placeRun(state.pods, run, state.installedRacks);
    startRun(state, run, decision.useSpares);
    state.running.push(decision.id);
    state.runningViews.push(refreshRunningView(run));
  }
}

/**
 * Drop the runs that stopped holding racks, in place and in start order, and refresh the views
 * of the runs that still hold racks (one may have begun a preemption).
 */
function compactRunning(state: SimState): void {
  state.runningChanged = false;
  const running = state.running;
  const views = state.runningViews;
  let kept = 0;
  for (let k = 0; k < running.length; k += 1) {
    const i = running[k] as number;
    const run = state.runs[i] as RunState;
    if (run.status === 'active' || run.status === 'preempting') {
      running[kept] = i;
      views[kept] = refreshRunningView(run);
      kept += 1;
    } else if (state.pods) {
      releasePods(state.pods, i);
    }
  }
  // pop() rather than setting the length, which V8 makes a slow path.
  while (running.length > kept) {
    running.pop();
    views.pop();
  }
}

function queuedAt(state: SimState, id: number): number {
  const queue = state.queue;
  for (let i = 0; i < queue.length; i += 1) if ((queue[i] as QueuedRequest).id === id) return i;
  return -1;
}

/** Remove one request in place (splice would allocate the array of removed elements). */
function removeAt(queue: QueuedRequest[], at: number): void {
  for (let i = at; i < queue.length - 1; i += 1) queue[i] = queue[i + 1] as QueuedRequest;
  queue.pop();
}

function refreshRunningView(run: RunState): RunState['runningView'] {
  const view = run.runningView;
  view.racks = run.racksHeld;
  // The hold's own start: a speed change (a facility power cap) moves holdStartTick to the
  // start of the current checkpoint cycle, which is not when the run took its racks.
  view.startTick = run.status === 'active' ? run.lastHoldStartTick : run.holdStartTick;
  view.preempting = run.status === 'preempting';
  view.releaseTick = run.releaseTick;
  return view;
}
