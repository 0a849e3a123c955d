import type { Policy, QueuedRequest } from './policy.js';
import { preemptRun } from './preempt.js';
import { placeRun } from './pods.js';
import { startRun } from './runs.js';
import { addRunning } from './running.js';
import type { SimState } from './state.js';

/**
 * Ask the policy what to do now and apply its decisions, checking each. The policy sees the
 * queue (requests with the user's estimates) and the runs holding racks; never true work, speed
 * or failures to come.
 *
 * The engine calls it only after a tick whose events changed the queue or the racks, and not at
 * all when the queue is empty. The queue is kept in place as runs join and leave it, and the
 * running views are built only when the policy reads them after a change (running.ts), so a call
 * allocates nothing per waiting or running run: its cost is the policy's own work.
 */
export function decide(state: SimState, policy: Policy): void {
  state.dirty = false;
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
    addRunning(state, run);
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
