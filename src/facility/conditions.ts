import type { FacilitySimState, FacilityState } from './facility-state.js';
import { cduCapacityMw, plantCapacityMw, plantOutdoorC } from './cooling.js';
import { facilityPerRackItMw } from './facility-power.js';
import { leaseSupply } from './campus-supply.js';

export interface HourConditions {
  dryBulbC: number;
  plantOutdoorC: number;
  /** Facility MW per MW of rack IT this hour (cooling and losses included). */
  facilityPerRackItMw: number;
  /** What the plant has left for the lease's heat (the other tenants' heat taken out). */
  plantCapacityMw: number;
  cduCapacityMw: number;
  /** Grid + turbines in service - curtailment, less the other tenants' draw, within a demand-response limit. */
  supplyMw: number;
  /** The two parts of supplyMw. */
  gridMw: number;
  turbinesMw: number;
  /** Grid the demand-response limit takes away this hour (0 outside an event). */
  drCutMw: number;
}

/** The outdoor and supply conditions of one hour of the horizon, computed once per hour. */
export function hourConditions(state: FacilitySimState, f: FacilityState, hour: number): HourConditions {
  const cached = f.conditions;
  if (cached && f.conditionsHour === hour && f.conditionsRacks === state.installedRacks && f.conditionsGridLimitMw === f.drGridLimitMw) return cached;
  f.conditions = computeConditions(state, f, hour);
  f.conditionsHour = hour;
  f.conditionsRacks = state.installedRacks;
  f.conditionsGridLimitMw = f.drGridLimitMw;
  return f.conditions;
}

function computeConditions(state: FacilitySimState, f: FacilityState, hour: number): HourConditions {
  const t = f.timeline;
  const h = Math.min(hour, t.hours - 1);
  const dryBulbC = t.dryBulbC[h] ?? 0;
  const outdoorC = plantOutdoorC(f.spec.cooling, dryBulbC, t.wetBulbC[h] ?? dryBulbC);
  const perRackIt = facilityPerRackItMw(f.spec.it, f.spec.cooling, outdoorC);
  const free = leaseSupply(f.spec, t, h, perRackIt);
  const limited = Math.min(free.gridMw, f.drGridLimitMw);
  return {
    dryBulbC,
    plantOutdoorC: outdoorC,
    facilityPerRackItMw: perRackIt,
    plantCapacityMw: Math.max(0, plantCapacityMw(f.spec.cooling, outdoorC) - free.othersItMw),
    cduCapacityMw: cduCapacityMw(f.spec.cooling, state.installedRacks),
    supplyMw: limited + free.turbinesMw,
    gridMw: limited,
    turbinesMw: free.turbinesMw,
    drCutMw: free.gridMw - limited,
  };
}
