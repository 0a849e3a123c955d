import { advance } from './accounting.js';
import { EventKind } from './events.js';
import { createState } from './create-state.js';
import { toRecord } from './to-record.js';
import { returnRacks } from './racks.js';
import { closeRun, completeRun, enqueue, failRun } from './runs.js';
import { decide } from './decide.js';
import { closePreempting, releaseRun } from './preempt.js';
import { changePhase } from './phase-change.js';
import { swapSlowRack } from './slow-rack.js';
import type { Participant } from './participant.js';
import { maintenanceParticipant } from './maintenance.js';
import type { Policy } from './policy.js';
import type { EngineScenario, PlacementSpec, RunSpec } from './spec.js';
import type { SimState } from './state.js';
import type { EngineRecord } from './record.js';
import { SimulationStopped } from './simulation-stopped.js';

export interface SimulateOptions {
  seed: number;
  replication: number;
  policy: Policy;
  /** Jobs besides the scenario's named runs (a workload's streams and traces), indexed after them. */
  jobs?: readonly RunSpec[];
  /** Ticks at which the policy must be asked again though no event falls there (a reservation's date). */
  wakeTicks?: readonly number[];
  /** Racks grouped into pods (see pods.ts). */
  placement?: PlacementSpec | null;
  /** The facility, an outside source of interruptions: see participant.ts. */
  participants?: readonly Participant[];
  /**
   * Record every hold of racks, for the runs' timelines (default true). A Monte Carlo summary
   * reads no timeline and turns it off: the main cost of memory per replication.
   */
  timeline?: boolean;
  /** Asked every 4,096 steps; true stops the simulation with SimulationStopped (Ctrl-C). */
  shouldStop?: () => boolean;
}

export { SimulationStopped };

/**
 * Simulate from the start to the end of the horizon. A loop over step(): take the events of the
 * next tick, handle them in (kind, insertion) order, then let the policy decide.
 */
export function simulate<S extends EngineScenario>(scenario: S, options: SimulateOptions): EngineRecord<S> {
  const { seed, replication, policy } = options;
  // Planned maintenance takes its racks before any other participant sees them.
  const maintenance = scenario.failures.maintenance.length > 0 ? [maintenanceParticipant(scenario.failures.maintenance)] : [];
  const state = createState(scenario, maintenance.length > 0 ? { ...options, participants: [...maintenance, ...(options.participants ?? [])] } : options);
  const participants = state.participants;
  participants.forEach((p, i) => p.attach?.(state, (tick, target) => state.events.push(tick, EventKind.participant, target, i)));
  for (const tick of options.wakeTicks ?? []) state.events.push(tick, EventKind.wake, -1);
  const horizon = scenario.horizonTicks;
  runUntil(state, policy, horizon, options.shouldStop);
  advanceAll(state, horizon);
  for (const run of state.runs) {
    closeRun(state, run);
    closePreempting(state, run);
  }
  for (const p of participants) p.finish?.(state);
  return toRecord(state, scenario, seed, replication);
}

/**
 * The event loop, in a function of its own: V8 optimises it while it runs, and code after a loop
 * in the same function (closing the runs, the record), whose first run comes only at the end,
 * made it throw that optimised code away at the end of every few replications.
 */
function runUntil(state: SimState, policy: Policy, horizon: number, shouldStop: (() => boolean) | undefined): void {
  for (let steps = 1; state.events.peekTick() < horizon; steps += 1) {
    if (steps % 4096 === 0 && shouldStop?.()) throw new SimulationStopped('simulation stopped');
    step(state, policy);
  }
}

function step(state: SimState, policy: Policy): void {
  const events = state.events;
  const tick = events.peekTick();
  const participants = state.participants;
  const n = participants.length;
  advanceAll(state, tick);
  while (events.peekTick() === tick) {
    events.pop();
    handle(state);
  }
  for (let i = 0; i < n; i += 1) participants[i]?.beforeDecide?.(state);
  if (state.dirty) decide(state, policy);
  for (let i = 0; i < n; i += 1) participants[i]?.afterDecide?.(state);
}

function advanceAll(state: SimState, tick: number): void {
  const participants = state.participants;
  for (let i = 0; i < participants.length; i += 1) participants[i]?.advance?.(state, tick);
  advance(state, tick);
}

/** Handle the event pop() left in the queue's fields; a stale one is dropped uncounted. */
function handle(state: SimState): void {
  const event = state.events;
  const target = event.target;
  const run = state.runs[target];
  switch (event.kind) {
    case EventKind.capacity: {
      const phase = state.scenario.cluster.phases[target];
      if (!phase) return;
      const added = phase.racks - state.installedRacks;
      state.installedRacks = phase.racks;
      returnRacks(state, added);
      break;
    }
    case EventKind.repair:
      state.downRacks -= 1;
      returnRacks(state, 1);
      break;
    case EventKind.submit:
      if (run) enqueue(state, run);
      break;
    case EventKind.complete:
      if (!run || run.pendingSeq !== event.seq) return;
      if (run.completionEndsPhase) changePhase(state, run);
      else completeRun(state, run);
      break;
    case EventKind.failure:
      if (!run || run.pendingSeq !== event.seq) return;
      if (event.seq === run.lemonSeq) swapSlowRack(state, run);
      else failRun(state, run);
      break;
    case EventKind.release:
      if (!run || run.epoch !== event.epoch) return;
      releaseRun(state, run);
      break;
    case EventKind.participant:
      state.participants[event.epoch]?.onEvent?.(state, target);
      break;
    case EventKind.wake:
      state.dirty = true;
      break;
  }
  event.handled += 1;
}
