import type { FacilitySimState, FacilityState } from './facility-state.js';
import { cduCapacityMw, plantCapacityMw, plantOutdoorC } from './cooling.js';
import { facilityPerRackItMw } from './facility-power.js';

export interface HourConditions {
  dryBulbC: number;
  plantOutdoorC: number;
  /** Facility MW per MW of rack IT this hour (cooling and losses included). */
  facilityPerRackItMw: number;
  plantCapacityMw: number;
  cduCapacityMw: number;
  /** Grid + turbines in service - curtailment. */
  supplyMw: number;
}

/** The outdoor and supply conditions of one hour of the horizon, computed once per hour. */
export function hourConditions(state: FacilitySimState, f: FacilityState, hour: number): HourConditions {
  const cached = f.conditions;
  if (cached && f.conditionsHour === hour && f.conditionsRacks === state.installedRacks) return cached;
  f.conditions = computeConditions(state, f, hour);
  f.conditionsHour = hour;
  f.conditionsRacks = state.installedRacks;
  return f.conditions;
}

function computeConditions(state: FacilitySimState, f: FacilityState, hour: number): HourConditions {
  const t = f.timeline;
  const h = Math.min(hour, t.hours - 1);
  const dryBulbC = t.dryBulbC[h] ?? 0;
  const outdoorC = plantOutdoorC(f.spec.cooling, dryBulbC, t.wetBulbC[h] ?? dryBulbC);
  return {
    dryBulbC,
    plantOutdoorC: outdoorC,
    facilityPerRackItMw: facilityPerRackItMw(f.spec.it, f.spec.cooling, outdoorC),
    plantCapacityMw: plantCapacityMw(f.spec.cooling, outdoorC),
    cduCapacityMw: cduCapacityMw(f.spec.cooling, state.installedRacks),
    supplyMw: t.supplyMw[h] ?? 0,
  };
}
