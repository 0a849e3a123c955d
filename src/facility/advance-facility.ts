import { runningRuns } from '../engine/running.js';
import type { RunState } from '../engine/state.js';
import type { FacilitySimState, FacilityState } from './facility-state.js';
import { hourConditions, type HourConditions } from './conditions.js';
import { trainingKwAtCap } from './facility-power.js';
import { observeRun, observeStopped, smoothedWriteKw } from './swings.js';
import { bookRunKwTicks, closeHour } from './run-ledger.js';

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
    if (hour !== f.openHour) {
      closeHour(f, state.scenario.horizonTicks);
      f.openHour = hour;
    }
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

function integrate(state: FacilitySimState, f: FacilityState, hour: number, from: number, to: number): void {
  const dt = to - from;
  const it = f.spec.it;
  const c = hourConditions(state, f, hour);
  const trainingKw = trainingKwAtCap(it, f.capShare);
  const stretch = (f.stretch += 1);
  const drEvent = f.dr?.events[f.dr.active];
  let rackKwTicks = 0;
  let burnKwTicks = 0;
  // Ramp-downs that begin now, booked whole in this stretch though they spread over minutes.
  let rampDownKwTicks = 0;
  let heldRacks = 0;
  // Only runs holding racks draw more than idle power (O(running)).
  for (const run of runningRuns(state)) {
    if (run.status !== 'active' && run.status !== 'preempting') continue;
    const racks = run.racksHeld;
    heldRacks += racks;
    let kwTicks = observeRun(state, f, run, hour, from, to, trainingKw, c.facilityPerRackItMw, stretch);
    burnKwTicks += kwTicks;
    rampDownKwTicks += kwTicks;
    if (run.status === 'preempting') {
      kwTicks += racks * it.checkpointKw * dt;
    } else {
      const restart = restartTicksUntil(run, to) - restartTicksUntil(run, from);
      const compute = computeTicksUntil(run, to) - computeTicksUntil(run, from);
      const write = writeTicksUntil(run, to) - writeTicksUntil(run, from);
      const writeKw = smoothedWriteKw(f, run, trainingKw);
      kwTicks += racks * (restart * it.restartKw + compute * trainingKw + write * writeKw);
      burnKwTicks += racks * write * (writeKw - it.checkpointKw);
      const lost = compute * racks * (1 - f.speedFactor);
      f.cappedLossRackTicks += lost;
      if (lost > 0) f.runCappedLossRackTicks.set(run.spec.index, (f.runCappedLossRackTicks.get(run.spec.index) ?? 0) + lost);
      if (drEvent) drEvent.lossRackTicks += compute * racks * Math.max(0, f.drFreeSpeedFactor - f.speedFactor);
    }
    rackKwTicks += kwTicks;
    bookRunKwTicks(f, run.spec.index, kwTicks);
  }
  const stoppedBurnKwTicks = observeStopped(state, f, hour, trainingKw, c.facilityPerRackItMw, stretch);
  rackKwTicks += stoppedBurnKwTicks;
  burnKwTicks += stoppedBurnKwTicks;
  rampDownKwTicks += stoppedBurnKwTicks;
  const idleRacks = state.installedRacks - state.downRacks - heldRacks;
  rackKwTicks += Math.max(0, idleRacks) * it.idleKw * dt;
  const h = f.hourly;
  h.rackItMwTicks[hour] = (h.rackItMwTicks[hour] ?? 0) + rackKwTicks / 1000;
  h.burnMwTicks[hour] = (h.burnMwTicks[hour] ?? 0) + burnKwTicks / 1000;
  if (f.capShare < 1) h.cappedTicks[hour] = (h.cappedTicks[hour] ?? 0) + dt;
  h.withheldRackTicks[hour] = (h.withheldRackTicks[hour] ?? 0) + f.withheldRacks * dt;
  f.withheldRackTicks += f.withheldRacks * dt;
  if (drEvent) drEvent.lossRackTicks += f.withheldRacks * dt;
  recordSupply(f, hour, c);
  // Facility power is linear in rack IT at one temperature: the hour's slope gives it. A ramp-down
  // never draws more than the racks drew before it, so the battery settles without it.
  settleBattery(f, hour, ((rackKwTicks - rampDownKwTicks) / dt / 1000) * c.facilityPerRackItMw, c.supplyMw, dt);
}

/** The supply the lease had this hour, for the record's carbon and demand-response settlement. */
function recordSupply(f: FacilityState, hour: number, c: HourConditions): void {
  const h = f.hourly;
  h.leaseGridMw[hour] = c.gridMw + c.drCutMw;
  h.leaseTurbinesMw[hour] = c.turbinesMw;
  h.gridLimitMw[hour] = Math.min(h.gridLimitMw[hour] ?? Infinity, f.drGridLimitMw);
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
