import { preemptRun } from '../engine/preempt.js';
import { returnRacks } from '../engine/racks.js';
import { setRunRate, uncappedFlopPerTick } from '../engine/runs.js';
import { runningRuns } from '../engine/running.js';
import type { RunState } from '../engine/state.js';
import type { FacilitySimState, FacilityState, Load } from './facility-state.js';
import { hourConditions, type HourConditions } from './conditions.js';
import { trainingKwAtCap } from './facility-power.js';
import { throughputAtCap } from './cap-law.js';
import { updateDemandResponse, type DrMeasure } from './demand-response.js';

/**
 * The facility's constraints at one moment: demand <= supply (grid, turbines, battery), heat <=
 * the plant's capacity, liquid heat <= the CDUs'. Demand is taken at its instantaneous peak,
 * every running rack training at once (checkpoint writes and restarts only lower it), so a
 * decision that fits holds at every tick until the next event.
 */
function currentHour(state: FacilitySimState, f: FacilityState): number {
  return Math.min(Math.floor(state.now / f.ticksPerHour), f.timeline.hours - 1);
}

/** Fills the facility's one Load (no allocation: this runs at every event tick). */
function load(state: FacilitySimState, f: FacilityState): Load {
  const it = f.spec.it;
  const c = hourConditions(state, f, currentHour(state, f));
  let activeRacks = 0;
  let preemptingRacks = 0;
  for (const run of runningRuns(state)) {
    if (run.status === 'active') activeRacks += run.racksHeld;
    else if (run.status === 'preempting') preemptingRacks += run.racksHeld;
  }
  const idleRacks = Math.max(0, state.installedRacks - state.downRacks - activeRacks - preemptingRacks);
  const l = f.load;
  l.fixedKw = idleRacks * it.idleKw + preemptingRacks * it.checkpointKw;
  l.activeRacks = activeRacks;
  l.limitKw = limitKw(f, c, 0);
  l.conditions = c;
  return l;
}

/** The most rack IT the constraints allow, with `extraSupplyMw` more supply than the hour has. */
function limitKw(f: FacilityState, c: HourConditions, extraSupplyMw: number): number {
  const it = f.spec.it;
  const limitMw = Math.min(
    (c.supplyMw + extraSupplyMw + f.batteryAllowanceMw) / c.facilityPerRackItMw,
    c.plantCapacityMw / (1 + it.overheadMwPerItMw),
    it.liquidShare > 0 ? c.cduCapacityMw / it.liquidShare : Infinity,
  );
  return limitMw * 1000;
}

/**
 * The load as demand response sees it when an event begins: every running rack training
 * uncapped (what the lease would draw without the event, even right after another one).
 */
function measure(state: FacilitySimState, f: FacilityState): DrMeasure {
  const l = load(state, f);
  const c = l.conditions as HourConditions;
  return {
    demandMw: (requiredKw(f, l, 1) / 1000) * c.facilityPerRackItMw,
    gridMw: c.gridMw,
    turbinesMw: c.turbinesMw,
    batteryMw: f.batteryAllowanceMw,
    activeRacks: l.activeRacks,
    activeGpus: runningRuns(state).reduce((n, r) => n + (r.status === 'active' ? r.spec.gpus : 0), 0),
    facilityPerRackItMw: c.facilityPerRackItMw,
  };
}

const requiredKw = (f: FacilityState, l: Load, capShare: number) => l.fixedKw + l.activeRacks * trainingKwAtCap(f.spec.it, capShare);

/** The highest cap, in steps of 1% (as GPU power limits are set), at which the load fits. */
function highestCap(f: FacilityState, l: Load): number {
  const it = f.spec.it;
  const gpuKw = l.activeRacks * (it.trainingKw - it.nonGpuKw);
  if (gpuKw <= 0) return 1;
  const share = (l.limitKw - l.fixedKw - l.activeRacks * it.nonGpuKw) / gpuKw;
  return Math.max(0, Math.min(1, Math.floor(share * 100 + 1e-9) / 100));
}

/**
 * Before the scheduler decides: keep shed racks from it, and give them back once they fit
 * again with a margin (3% of the limit, and under `cap` only while the cap would stay in the
 * upper half of its range), so that runs are not started only to be shed an hour later. They go
 * back all at once: the facility does not know which queued run would take them, and a few
 * racks back would start nothing.
 */
export function holdBackRacks(state: FacilitySimState): void {
  const f = state.facility;
  if (!f) return;
  f.batteryAllowanceMw = batteryAllowanceMw(f);
  if (f.dr) updateDemandResponse(state, f, () => measure(state, f));
  const take = Math.min(state.freeRacks, f.withheldTarget - f.withheldRacks);
  if (take > 0) {
    state.freeRacks -= take;
    f.withheldRacks += take;
  }
  if (f.withheldRacks === 0) return;
  const l = load(state, f);
  const releaseCap = f.spec.policy === 'shed' ? 1 : (1 + f.spec.minCapShare) / 2;
  const extraKw = trainingKwAtCap(f.spec.it, releaseCap) - f.spec.it.idleKw;
  const headroomKw = 0.97 * l.limitKw - requiredKw(f, l, releaseCap);
  const release = f.withheldRacks;
  if (headroomKw < release * extraKw) return;
  f.withheldRacks -= release;
  f.withheldTarget -= release;
  returnRacks(state, release);
}

/** After the scheduler decided: set the cap, shed runs if even the lowest cap does not fit. */
export function enforceFacility(state: FacilitySimState): void {
  const f = state.facility;
  if (!f) return;
  f.batteryAllowanceMw = batteryAllowanceMw(f);
  if (f.dr) updateDemandResponse(state, f, () => measure(state, f));
  if (unchangedWhileUncapped(state, f)) return;
  let l = load(state, f);
  const floor = f.spec.policy === 'cap' ? f.spec.minCapShare : 1;
  if (highestCap(f, l) < floor) {
    for (const run of shedOrder(state)) {
      if (requiredKw(f, l, floor) <= l.limitKw) break;
      f.withheldTarget += run.racksHeld;
      f.sheds += 1;
      f.runSheds.set(run.spec.index, (f.runSheds.get(run.spec.index) ?? 0) + 1);
      preemptRun(state, run);
      l = load(state, f);
    }
  }
  const cap = Math.max(floor, highestCap(f, l));
  applyCap(state, f, cap);
  // What the cap would have been without the demand-response limit: the event's own loss is the difference.
  const cut = l.conditions?.drCutMw ?? 0;
  f.drFreeSpeedFactor = cut > 0 && l.conditions ? throughputAtCap(f.spec.capLaw, Math.max(floor, highestCap(f, { ...l, limitKw: limitKw(f, l.conditions, cut) }))) : f.speedFactor;
  recordMoment(f, l, cap, currentHour(state, f));
}

/**
 * Most event ticks (a failure and its restart on a spare, say) leave the facility's inputs as
 * they were. While uncapped that decision stands: a run started at full speed is at the right
 * speed, and anything else only lowers demand. Capped, every tick is evaluated in full, since a
 * run restarted on the same racks must be capped again.
 */
function unchangedWhileUncapped(state: FacilitySimState, f: FacilityState): boolean {
  const key = f.lastKey;
  const hour = currentHour(state, f);
  const same =
    f.capShare === 1 &&
    key[0] === hour &&
    key[1] === state.installedRacks &&
    key[2] === state.downRacks &&
    key[3] === state.allocatedRacks &&
    key[4] === state.freeRacks &&
    key[5] === f.batteryAllowanceMw &&
    key[6] === f.drGridLimitMw;
  key[0] = hour;
  key[1] = state.installedRacks;
  key[2] = state.downRacks;
  key[3] = state.allocatedRacks;
  key[4] = state.freeRacks;
  key[5] = f.batteryAllowanceMw;
  key[6] = f.drGridLimitMw;
  return same;
}

/** Lowest priority first; among equals the run that started last (it has the least to lose). */
function shedOrder(state: FacilitySimState): RunState[] {
  return runningRuns(state)
    .filter((r) => r.status === 'active')
    .sort((a, b) => a.spec.priority - b.spec.priority || b.holdStartTick - a.holdStartTick || b.spec.index - a.spec.index);
}

function applyCap(state: FacilitySimState, f: FacilityState, cap: number): void {
  if (cap !== f.capShare) {
    f.capShare = cap;
    f.speedFactor = throughputAtCap(f.spec.capLaw, cap);
  }
  for (const run of runningRuns(state)) {
    if (run.status !== 'active') continue;
    const rate = uncappedFlopPerTick(state, run) * f.speedFactor;
    if (run.flopPerTick !== rate) setRunRate(state, run, rate);
  }
}

function recordMoment(f: FacilityState, l: Load, cap: number, hour: number): void {
  const h = f.hourly;
  const c = l.conditions;
  if (!c) return;
  const rackItMw = requiredKw(f, l, cap) / 1000;
  h.peakDemandMw[hour] = Math.max(h.peakDemandMw[hour] ?? 0, rackItMw * c.facilityPerRackItMw);
  h.availableMw[hour] = Math.min(h.availableMw[hour] ?? Infinity, c.supplyMw + f.batteryAllowanceMw);
  // Short at this moment: demand and supply compared at the same instant, not the hour's peak against its trough.
  if (rackItMw * c.facilityPerRackItMw > c.supplyMw + f.batteryAllowanceMw + 1e-9) h.short[hour] = 1;
  h.peakHeatMw[hour] = Math.max(h.peakHeatMw[hour] ?? 0, rackItMw * (1 + f.spec.it.overheadMwPerItMw));
  h.plantCapacityMw[hour] = c.plantCapacityMw;
  h.minCapShare[hour] = Math.min(h.minCapShare[hour] ?? 1, cap);
  const rackKw = l.activeRacks > 0 ? trainingKwAtCap(f.spec.it, cap) : f.spec.it.idleKw;
  h.peakRackKw[hour] = Math.max(h.peakRackKw[hour] ?? 0, rackKw);
}

/** The battery may cover a deficit it can sustain for a whole hour. */
function batteryAllowanceMw(f: FacilityState): number {
  return Math.max(0, Math.min(f.spec.supply.battery.powerMw, f.batteryMwh));
}
