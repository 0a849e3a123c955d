import type { ClusterView, Policy, QueuedRequest, RunningView } from '../policies/policy.js';
import { preemptRun } from './preempt.js';
import { createPodTracker, placeRun, releasePods } from './pods.js';
import { startRun } from './runs.js';
import type { RunState, SimState } from './state.js';

/**
 * The frozen views handed to policies, by run index, so that asking the policy allocates
 * nothing per waiting run. A request's view is dropped when the run starts (it comes back as a
 * restart); a running view when the run is preempted or stops holding racks.
 */
export interface ViewCache {
  requests: Array<QueuedRequest | undefined>;
  running: Array<RunningView | undefined>;
}

/**
 * Ask the policy what to do now and apply its decisions, checking each. The policy sees the
 * queue (requests with the user's estimates) and the runs holding racks; never true work, speed
 * or failures to come.
 *
 * Cost per call: O(queue + running) to list the views, plus the policy's own work. It is called
 * at most once per tick with events, and only when the queue or the racks changed.
 */
export function decide(state: SimState, policy: Policy): void {
  state.dirty = false;
  const cache = (state.views ??= { requests: [], running: [] });
  const placement = state.scenario.scheduler?.placement;
  const pods = placement ? (state.pods ??= createPodTracker(placement.podRacks, placement.crossPodMfuPenalty)) : undefined;
  state.running = state.running.filter((i) => {
    if (isHolding(state.runs[i])) return true;
    cache.running[i] = undefined;
    if (pods) releasePods(pods, i);
    return false;
  });
  if (state.queue.length === 0) return;
  const queue = state.queue.map((i) => (cache.requests[i] ??= requestOf(state.runs[i] as RunState)));
  const view: ClusterView = {
    nowTick: state.now,
    installedRacks: state.installedRacks,
    freeRacks: state.freeRacks,
    spareRacks: state.spareRacks,
    downRacks: state.downRacks,
    running: state.running.map((i) => (cache.running[i] ??= runningOf(state.runs[i] as RunState))),
  };
  for (const decision of policy(Object.freeze(view), Object.freeze(queue))) {
    const run = state.runs[decision.id];
    if (decision.kind === 'preempt') {
      if (!run || run.status !== 'active') throw new Error(`policy preempted run ${decision.id}, which is not running`);
      preemptRun(state, run);
      cache.running[decision.id] = undefined;
      continue;
    }
    const at = state.queue.indexOf(decision.id);
    if (!run || at === -1) throw new Error(`policy started run ${decision.id}, which is not queued`);
    state.queue.splice(at, 1);
    cache.requests[decision.id] = undefined;
    if (pods) placeRun(pods, run, state.installedRacks);
    startRun(state, run, decision.useSpares);
    state.running.push(decision.id);
  }
}

function isHolding(run: RunState | undefined): boolean {
  return run !== undefined && (run.status === 'active' || run.status === 'preempting');
}

function requestOf(run: RunState): QueuedRequest {
  const s = run.spec;
  return Object.freeze({
    id: s.index,
    name: s.name,
    team: s.team,
    racks: s.racks,
    priority: s.priority,
    submitTick: s.submitTick,
    estimatedTicks: s.estimatedTicks,
    restart: run.firstStartTick !== null,
  });
}

function runningOf(run: RunState): RunningView {
  const s = run.spec;
  return Object.freeze({
    id: s.index,
    team: s.team,
    racks: run.racksHeld,
    priority: s.priority,
    // The hold's own start: a speed change (a facility power cap) moves holdStartTick to the
    // start of the current checkpoint cycle, which is not when the run took its racks.
    startTick: run.status === 'active' ? (run.holds[run.holds.length - 1]?.startTick ?? run.holdStartTick) : run.holdStartTick,
    estimatedTicks: s.estimatedTicks,
    preempting: run.status === 'preempting',
    releaseTick: run.releaseTick,
  });
}
