import { createRng } from '../random/rng.js';
import { createSampler } from '../random/distributions.js';
import { monthsOf } from '../model/time.js';
import type { Scenario } from '../scenario/scenario.js';
import type { ClusterView, Policy, QueuedRequest } from '../policies/policy.js';
import { fifo } from '../policies/fifo.js';
import { advance } from './accounting.js';
import { EventKind, EventQueue, type SimEvent } from './events.js';
import { returnRacks } from './racks.js';
import { closeRun, completeRun, enqueue, failRun, startRun } from './runs.js';
import type { RunState, SimState } from './state.js';
import type { RunRecord } from './record.js';

export interface SimulateOptions {
  seed?: number;
  replication?: number;
  policy?: Policy;
}

/**
 * Simulate a scenario from its start to the end of its horizon. A loop over step(): take the
 * events of the next tick, handle them in (kind, insertion) order, then let the policy decide.
 */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): RunRecord {
  const seed = options.seed ?? scenario.seed;
  const replication = options.replication ?? 0;
  const policy = options.policy ?? fifo;
  const state = createState(scenario, seed, replication);
  while (state.events.peekTick() < scenario.horizonTicks) step(state, policy);
  advance(state, scenario.horizonTicks);
  for (const run of state.runs) closeRun(state, run);
  return toRecord(state, seed, replication);
}

function step(state: SimState, policy: Policy): void {
  const tick = state.events.peekTick();
  advance(state, tick);
  while (state.events.peekTick() === tick) {
    const event = state.events.pop();
    if (event) handle(state, event);
  }
  if (state.dirty) decide(state, policy);
}

function handle(state: SimState, event: SimEvent): void {
  const run = state.runs[event.target];
  switch (event.kind) {
    case EventKind.capacity: {
      const phase = state.scenario.cluster.phases[event.target];
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
      if (!run || run.epoch !== event.epoch || run.completionSeq !== event.seq) return;
      completeRun(state, run);
      break;
    case EventKind.failure:
      if (!run || run.epoch !== event.epoch || run.status !== 'active') return;
      failRun(state, run);
      break;
  }
  state.events.handled += 1;
}

function decide(state: SimState, policy: Policy): void {
  state.dirty = false;
  if (state.queue.length === 0) return;
  const queue: QueuedRequest[] = state.queue.map((i) => requestOf(state.runs[i] as RunState));
  const view: ClusterView = {
    nowTick: state.now,
    installedRacks: state.installedRacks,
    freeRacks: state.freeRacks,
    spareRacks: state.spareRacks,
    downRacks: state.downRacks,
    running: state.runs
      .filter((r) => r.status === 'active')
      .map((r) => ({
        id: r.spec.index,
        team: r.spec.team,
        racks: r.racksHeld,
        priority: r.spec.priority,
        startTick: r.holdStartTick,
        estimatedTicks: r.spec.estimatedTicks,
      })),
  };
  for (const decision of policy(Object.freeze(view), Object.freeze(queue))) {
    const run = state.runs[decision.id];
    const at = state.queue.indexOf(decision.id);
    if (!run || at === -1) throw new Error(`policy started run ${decision.id}, which is not queued`);
    state.queue.splice(at, 1);
    startRun(state, run, decision.useSpares);
  }
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

function createState(scenario: Scenario, seed: number, replication: number): SimState {
  const events = new EventQueue();
  let cumulative = 0;
  const causes = scenario.failures.causes.map((c) => {
    cumulative += c.share;
    return { name: c.name, cumulativeShare: cumulative, sampleRepairHours: createSampler(c.repairHours) };
  });
  const runs = scenario.runs.map((spec): RunState => {
    const stream = (purpose: string) => createRng(seed, replication, `run:${spec.name}:${purpose}`);
    return {
      spec,
      status: 'pending',
      epoch: 0,
      completionSeq: -1,
      firstStartTick: null,
      endTick: null,
      holdStartTick: 0,
      anchorTick: 0,
      committedFlop: 0,
      bonusFlop: 0,
      flopPerTick: 0,
      racksHeld: 0,
      interruptions: 0,
      interruptionsByCause: new Map(),
      productiveRackTicks: 0,
      lostRackTicks: 0,
      checkpointRackTicks: 0,
      restartRackTicks: 0,
      holds: [],
      failureRng: stream('failures'),
      causeRng: stream('causes'),
      repairRng: stream('repairs'),
    };
  });
  scenario.cluster.phases.forEach((phase, i) => events.push(phase.tick, EventKind.capacity, i));
  for (const run of runs) events.push(run.spec.submitTick, EventKind.submit, run.spec.index);
  const months = monthsOf(scenario.startMinutes, scenario.tickMinutes, scenario.horizonTicks);
  return {
    scenario,
    now: 0,
    events,
    runs,
    queue: [],
    installedRacks: 0,
    freeRacks: 0,
    spareRacks: 0,
    downRacks: 0,
    allocatedRacks: 0,
    causes,
    months,
    monthIndex: 0,
    monthTotals: months.map(() => ({ installedRackTicks: 0, allocatedRackTicks: 0, downRackTicks: 0 })),
    dirty: false,
  };
}

function toRecord(state: SimState, seed: number, replication: number): RunRecord {
  return {
    scenario: state.scenario,
    seed,
    replication,
    events: state.events.handled,
    months: state.months.map((m, i) => ({ ...m, ...(state.monthTotals[i] ?? { installedRackTicks: 0, allocatedRackTicks: 0, downRackTicks: 0 }) })),
    runs: state.runs.map((r) => ({
      name: r.spec.name,
      team: r.spec.team,
      racks: r.spec.racks,
      gpus: r.spec.gpus,
      status: r.status,
      submitTick: r.spec.submitTick,
      firstStartTick: r.firstStartTick,
      endTick: r.endTick,
      totalFlop: r.spec.totalFlop,
      doneFlop: r.committedFlop,
      interruptions: r.interruptions,
      interruptionsByCause: Object.fromEntries([...r.interruptionsByCause].sort(([a], [b]) => a.localeCompare(b))),
      productiveRackTicks: r.productiveRackTicks,
      lostRackTicks: r.lostRackTicks,
      checkpointRackTicks: r.checkpointRackTicks,
      restartRackTicks: r.restartRackTicks,
      checkpointIntervalTicks: r.spec.checkpointIntervalTicks,
      checkpointWriteTicks: r.spec.checkpointWriteTicks,
      holds: r.holds,
    })),
  };
}
