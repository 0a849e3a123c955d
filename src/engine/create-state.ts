import { createLazyRng, createRng, type Rng } from '../random/rng.js';
import { createSampler } from '../random/distributions.js';
import { monthsOf, type Month } from '../model/time.js';
import { EventKind, EventQueue } from './events.js';
import { createHazard } from './hazard.js';
import { phaseSpecsOf } from './phases.js';
import { createPodTracker } from './pods.js';
import { runningViews } from './running.js';
import type { SimulateOptions } from './simulate.js';
import type { EngineScenario } from './spec.js';
import type { RunState, SimState } from './state.js';

// A run's timeline before its first hold: empty, shared (openHold replaces it before writing).
const noHolds = new Float64Array(0);

// The calendar months of the last horizon simulated: every replication of a scenario has the same
// ones, and working them out (dates, labels) was a tenth of setting up a replication. Frozen: the
// engine reads them only.
let lastMonths: { key: string; months: readonly Month[] } | null = null;

function horizonMonths(startMinutes: number, tickSeconds: number, horizonTicks: number): readonly Month[] {
  const key = `${startMinutes}:${tickSeconds}:${horizonTicks}`;
  if (lastMonths?.key !== key) lastMonths = { key, months: Object.freeze(monthsOf(startMinutes, tickSeconds, horizonTicks).map((m) => Object.freeze(m))) };
  return lastMonths.months;
}

/**
 * A simulation's state before its first event: every run pending with its own random streams,
 * the capacity phases and submissions queued as events.
 */
export function createState(scenario: EngineScenario, options: SimulateOptions): SimState {
  const { seed, replication } = options;
  const events = new EventQueue();
  let cumulative = 0;
  const tickSeconds = scenario.tickSeconds;
  const causes = scenario.failures.causes.map((c) => {
    cumulative += c.share;
    return {
      cumulativeShare: cumulative,
      recovery: c.recovery,
      sampleRepairHours: createSampler(c.repairHours),
      sampleSwapMinutes: createSampler(c.swapMinutes),
      sampleRestartMinutes: c.restartMinutes ? createSampler(c.restartMinutes) : null,
      hangTicks: c.hangDetectionMinutes === null ? 0 : Math.max(1, Math.round((c.hangDetectionMinutes * 60) / tickSeconds)),
      rollbackCheckpoints: c.rollbackCheckpoints,
    };
  });
  // Jobs of a workload stream or trace share one stream per process (`workload:<name>:failures`):
  // thousands of jobs would otherwise seed thousands of generators.
  const shared = new Map<string, Rng>();
  const sharedRng = (name: string) => shared.get(name) ?? shared.set(name, createLazyRng(seed, replication, name)).get(name)!;
  const specs = options.jobs && options.jobs.length > 0 ? [...scenario.runs, ...options.jobs] : scenario.runs;
  const runs = specs.map((spec): RunState => {
    const stream = (purpose: string) =>
      spec.stream === undefined ? createRng(seed, replication, `run:${spec.name}:${purpose}`) : sharedRng(`workload:${spec.stream}:${purpose}`);
    // Streams that many runs never draw from are seeded at their first draw.
    const lazyStream = (purpose: string) =>
      spec.stream === undefined ? createLazyRng(seed, replication, `run:${spec.name}:${purpose}`) : sharedRng(`workload:${spec.stream}:${purpose}`);
    const phaseSpecs = spec.phases && spec.phases.length > 1 ? phaseSpecsOf(spec) : null;
    const first = phaseSpecs?.[0] ?? spec;
    const phases = phaseSpecs?.length ?? 0;
    return {
      spec: first,
      status: 'pending',
      epoch: 0,
      pendingSeq: -1,
      completionTick: Infinity,
      completionSeq: -1,
      failureTick: Infinity,
      failureSeq: -1,
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
      causeCounts: [],
      productiveRackTicks: 0,
      lostRackTicks: 0,
      checkpointRackTicks: 0,
      restartRackTicks: 0,
      holdData: noHolds,
      holdSlots: 0,
      recordHolds: options.timeline ?? true,
      lastHoldStartTick: 0,
      isRunning: false,
      prevRunning: -1,
      nextRunning: -1,
      requestView: undefined,
      runningView: { id: spec.index, team: spec.team, racks: 0, priority: spec.priority, startTick: 0, estimatedTicks: spec.estimatedTicks, preempting: false, releaseTick: null },
      failureRng: stream('failures'),
      causeRng: stream('causes'),
      repairRng: stream('repairs'),
      restartRng: lazyStream('restarts'),
      swapRng: lazyStream('swaps'),
      stragglerRng: lazyStream('stragglers'),
      sampleRestart: createSampler(spec.restartMinutes),
      fixedRestartTicks: spec.restartMinutes.distribution === 'fixed' ? Math.max(0, Math.round((spec.restartMinutes.value * 60) / tickSeconds)) : -1,
      restartCause: -1,
      hangTick: Infinity,
      hangCause: -1,
      lemonTick: Infinity,
      lemonSeq: -1,
      slowShare: 1,
      completionEndsPhase: false,
      productiveTicks: 0,
      hungRackTicks: 0,
      stragglerLossRackTicks: 0,
      phase: 0,
      phaseSpecs,
      phaseSpec: first,
      phaseStartFlop: 0,
      phaseProductiveTicks: 0,
      heldSinceTick: 0,
      phaseHeldRackTicks: phaseSpecs ? new Array<number>(phases).fill(0) : null,
      phaseFirstTick: phaseSpecs ? new Array<number>(phases).fill(-1) : null,
      phaseEndedTick: phaseSpecs ? new Array<number>(phases).fill(-1) : null,
    };
  });
  scenario.cluster.phases.forEach((phase, i) => events.push(phase.tick, EventKind.capacity, i));
  for (const run of runs) events.push(run.spec.submitTick, EventKind.submit, run.spec.index);
  const months = horizonMonths(scenario.startMinutes, tickSeconds, scenario.horizonTicks);
  const placement = options.placement;
  const state: SimState = {
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
    causeNames: scenario.failures.causes.map((c) => c.name),
    months,
    monthIndex: 0,
    monthTotals: months.map(() => ({ installedRackTicks: 0, allocatedRackTicks: 0, downRackTicks: 0 })),
    dirty: false,
    runningHead: -1,
    runningTail: -1,
    runningValid: true,
    runningList: [],
    runningViewList: [],
    clusterView: {
      nowTick: 0,
      installedRacks: 0,
      freeRacks: 0,
      spareRacks: 0,
      downRacks: 0,
      // Built when the policy reads it (FIFO never does).
      get running() {
        return runningViews(state);
      },
    },
    pods: placement ? createPodTracker(placement.podRacks, placement.crossPodMfuPenalty) : undefined,
    participants: options.participants ?? [],
    maintenanceDown: [],
    hazard: createHazard(scenario.failures, tickSeconds),
    split: { committedComputeTicks: 0, uncommittedComputeTicks: 0, writeTicks: 0, completedCheckpoints: 0 },
  };
  return state;
}
