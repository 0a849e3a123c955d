import { createRng } from '../random/rng.js';
import { createSampler } from '../random/distributions.js';
import { monthsOf } from '../model/time.js';
import type { Scenario } from '../scenario/scenario.js';
import type { Policy } from '../policies/policy.js';
import { policyFor, wakeTicks } from '../policies/registry.js';
import { workloadJobs } from '../workload/jobs.js';
import { advance } from './accounting.js';
import { EventKind, EventQueue, type SimEvent } from './events.js';
import { returnRacks } from './racks.js';
import { closeRun, completeRun, enqueue, failRun } from './runs.js';
import { decide } from './decide.js';
import { closePreempting, releaseRun } from './preempt.js';
import type { RunState, SimState } from './state.js';
import type { RunRecord } from './record.js';
import { attachInterruptions, interruptRun, type InterruptionSource } from './interruptions.js';
import { attachFacility, onEnvironment } from '../facility/attach-facility.js';
import { enforceFacility, holdBackRacks } from '../facility/enforce.js';
import { facilityRecord } from '../facility/facility-record.js';

export interface SimulateOptions {
  seed?: number;
  replication?: number;
  policy?: Policy;
  /** Interruptions at absolute ticks besides the scenario's failures (a cloud's, say). */
  interruptions?: InterruptionSource;
}

/**
 * Simulate a scenario from its start to the end of its horizon. A loop over step(): take the
 * events of the next tick, handle them in (kind, insertion) order, then let the policy decide.
 */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): RunRecord {
  const seed = options.seed ?? scenario.seed;
  const replication = options.replication ?? 0;
  const policy = options.policy ?? policyFor(scenario);
  const state = createState(scenario, seed, replication);
  if (options.interruptions) attachInterruptions(state, options.interruptions, seed, replication);
  if (scenario.facility) attachFacility(state, scenario.facility, seed, replication);
  for (const tick of wakeTicks(scenario)) state.events.push(tick, EventKind.wake, -1);
  while (state.events.peekTick() < scenario.horizonTicks) step(state, policy);
  advance(state, scenario.horizonTicks);
  for (const run of state.runs) {
    closeRun(state, run);
    closePreempting(state, run);
  }
  const record = toRecord(state, seed, replication);
  if (state.facility) record.facility = facilityRecord(state);
  return record;
}

function step(state: SimState, policy: Policy): void {
  const tick = state.events.peekTick();
  advance(state, tick);
  while (state.events.peekTick() === tick) {
    const event = state.events.pop();
    if (event) handle(state, event);
  }
  if (state.facility) holdBackRacks(state);
  if (state.dirty) decide(state, policy);
  if (state.facility) enforceFacility(state);
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
    case EventKind.interrupt:
      if (run) interruptRun(state, run);
      break;
    case EventKind.release:
      if (!run || run.epoch !== event.epoch) return;
      releaseRun(state, run);
      break;
    case EventKind.wake:
      state.dirty = true;
      break;
    case EventKind.environment:
      onEnvironment(state);
      break;
  }
  state.events.handled += 1;
}

function createState(scenario: Scenario, seed: number, replication: number): SimState {
  const events = new EventQueue();
  let cumulative = 0;
  const causes = scenario.failures.causes.map((c) => {
    cumulative += c.share;
    return { name: c.name, cumulativeShare: cumulative, sampleRepairHours: createSampler(c.repairHours) };
  });
  // Jobs of a workload stream or trace share one stream per process (`workload:<name>:failures`):
  // thousands of jobs would otherwise seed thousands of generators.
  const shared = new Map<string, ReturnType<typeof createRng>>();
  const sharedRng = (name: string) => shared.get(name) ?? shared.set(name, createRng(seed, replication, name)).get(name)!;
  const runs = [...scenario.runs, ...workloadJobs(scenario, seed, replication)].map((spec): RunState => {
    const stream = (purpose: string) =>
      spec.stream === undefined ? createRng(seed, replication, `run:${spec.name}:${purpose}`) : sharedRng(`workload:${spec.stream}:${purpose}`);
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
      releaseTick: null,
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
    running: [],
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
      stream: r.spec.stream,
      priority: r.spec.priority,
      estimatedTicks: r.spec.estimatedTicks,
      deadlineTick: r.spec.deadlineTick ?? null,
    })),
  };
}
