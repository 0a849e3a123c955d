import type { RunState } from '../engine/state.js';
import { runningRuns } from '../engine/running.js';
import type { FacilitySimState, FacilityState } from './facility-state.js';
import { hourConditions } from './conditions.js';
import { trainingKwAtCap } from './facility-power.js';

/**
 * Integrate the facility from its last tick to `tick`, hour by hour. Between events the racks'
 * states are closed forms of time (restart, then compute/write cycles), so each run's ticks in
 * each phase over the stretch come from two evaluations of the cycle formula, and the cost is
 * O(runs holding racks) per stretch, never per tick.
 */
export function advanceFacility(state: FacilitySimState, tick: number): void {
  const f = state.facility;
  if (!f) return;
  while (f.lastTick < tick) {
    const hour = Math.floor(f.lastTick / f.ticksPerHour);
    const to = Math.min(tick, (hour + 1) * f.ticksPerHour);
    integrate(state, f, hour, f.lastTick, to);
    f.lastTick = to;
  }
}

/**
 * Ticks a run has spent restarting, computing and writing in its current hold up to `t`: the
 * closed form of model/checkpoint.ts splitCycles, inlined without allocation because it runs
 * twice per run per stretch.
 */
export function restartTicksUntil(run: RunState, t: number): number {
  return Math.max(0, Math.min(t, run.anchorTick) - run.holdStartTick);
}

export function computeTicksUntil(run: RunState, t: number): number {
  const elapsed = Math.max(0, t - run.anchorTick);
  const interval = run.spec.checkpointIntervalTicks;
  if (!Number.isFinite(interval)) return elapsed;
  const cycle = interval + run.spec.checkpointWriteTicks;
  const completed = Math.floor(elapsed / cycle);
  return completed * interval + Math.min(elapsed - completed * cycle, interval);
}

export function writeTicksUntil(run: RunState, t: number): number {
  const elapsed = Math.max(0, t - run.anchorTick);
  return elapsed - computeTicksUntil(run, t);
}

/** How many of first, first + period, first + 2 period, ... fall in [from, to). */
function countInRange(first: number, period: number, from: number, to: number): number {
  if (!Number.isFinite(period) || period <= 0) return first >= from && first < to ? 1 : 0;
  const k = (t: number) => Math.max(0, Math.ceil((t - first) / period));
  return k(to) - k(from);
}

function integrate(state: FacilitySimState, f: FacilityState, hour: number, from: number, to: number): void {
  const dt = to - from;
  const it = f.spec.it;
  const c = hourConditions(state, f, hour);
  const trainingKw = trainingKwAtCap(it, f.capShare);
  let rackKwTicks = 0;
  let heldRacks = 0;
  // Only runs holding racks draw more than idle power (O(running)).
  for (const run of runningRuns(state)) {
    if (run.status === 'preempting') {
      rackKwTicks += run.racksHeld * it.checkpointKw * dt;
      heldRacks += run.racksHeld;
      continue;
    }
    if (run.status !== 'active') continue;
    const racks = run.racksHeld;
    heldRacks += racks;
    const restart = restartTicksUntil(run, to) - restartTicksUntil(run, from);
    const compute = computeTicksUntil(run, to) - computeTicksUntil(run, from);
    const write = writeTicksUntil(run, to) - writeTicksUntil(run, from);
    rackKwTicks += racks * (restart * it.restartKw + compute * trainingKw + write * it.checkpointKw);
    const lost = compute * racks * (1 - f.speedFactor);
    f.cappedLossRackTicks += lost;
    if (lost > 0) f.runCappedLossRackTicks.set(run.spec.index, (f.runCappedLossRackTicks.get(run.spec.index) ?? 0) + lost);
    countSwings(f, run, hour, from, to, racks * Math.abs(trainingKw - it.checkpointKw) * c.facilityPerRackItMw / 1000, racks * Math.abs(trainingKw - it.restartKw) * c.facilityPerRackItMw / 1000);
  }
  const idleRacks = state.installedRacks - state.downRacks - heldRacks;
  rackKwTicks += Math.max(0, idleRacks) * it.idleKw * dt;
  const h = f.hourly;
  h.rackItMwTicks[hour] = (h.rackItMwTicks[hour] ?? 0) + rackKwTicks / 1000;
  if (f.capShare < 1) h.cappedTicks[hour] = (h.cappedTicks[hour] ?? 0) + dt;
  h.withheldRackTicks[hour] = (h.withheldRackTicks[hour] ?? 0) + f.withheldRacks * dt;
  f.withheldRackTicks += f.withheldRacks * dt;
  // Facility power is linear in rack IT at one temperature: the hour's slope gives it.
  settleBattery(f, hour, (rackKwTicks / dt / 1000) * c.facilityPerRackItMw, c.supplyMw, dt);
}

/**
 * Whole-run swings: every rack of a run steps between training and checkpoint (or restart)
 * power at once, at times the cycle formula gives. A swing larger than the supply can follow in
 * one tick counts as a ramp-rate violation.
 */
function countSwings(f: FacilityState, run: RunState, hour: number, from: number, to: number, writeSwingMw: number, restartSwingMw: number): void {
  const spec = run.spec;
  const limitMw = f.spec.supply.rampMwPerMinute * f.tickMinutes;
  let writeSwings = 0;
  if (spec.checkpointWriteTicks > 0 && Number.isFinite(spec.checkpointIntervalTicks)) {
    const cycle = spec.checkpointIntervalTicks + spec.checkpointWriteTicks;
    writeSwings += countInRange(run.anchorTick + spec.checkpointIntervalTicks, cycle, from, to);
    writeSwings += countInRange(run.anchorTick + cycle, cycle, from, to);
  }
  const restartEnds = run.anchorTick > run.holdStartTick && run.anchorTick >= from && run.anchorTick < to ? 1 : 0;
  const swingMw = Math.max(writeSwings > 0 ? writeSwingMw : 0, restartEnds > 0 ? restartSwingMw : 0);
  f.maxSwingMw = Math.max(f.maxSwingMw, swingMw);
  f.hourly.swingMw[hour] = Math.max(f.hourly.swingMw[hour] ?? 0, swingMw);
  if (writeSwingMw > limitMw) f.rampViolations += writeSwings;
  if (restartSwingMw > limitMw) f.rampViolations += restartEnds;
}

/** The battery covers what the supply cannot and charges from what is left over. */
function settleBattery(f: FacilityState, hour: number, demandMw: number, supplyMw: number, dt: number): void {
  const b = f.spec.supply.battery;
  const hours = dt / f.ticksPerHour;
  if (demandMw > supplyMw) {
    const dischargeMw = Math.min(demandMw - supplyMw, b.powerMw, f.batteryMwh / hours);
    f.batteryMwh -= dischargeMw * hours;
    f.unservedMwh += (demandMw - supplyMw - dischargeMw) * hours;
    f.hourly.batteryMwTicks[hour] = (f.hourly.batteryMwTicks[hour] ?? 0) + dischargeMw * dt;
  } else if (b.energyMwh > 0) {
    const chargeMw = Math.min(supplyMw - demandMw, b.powerMw, (b.energyMwh - f.batteryMwh) / hours / b.roundTripEfficiency);
    f.batteryMwh += chargeMw * hours * b.roundTripEfficiency;
    f.hourly.batteryMwTicks[hour] = (f.hourly.batteryMwTicks[hour] ?? 0) - chargeMw * dt;
  }
}
