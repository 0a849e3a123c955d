import type { FacilitySpec } from './facility-spec.js';
import { plantOutdoorC } from './cooling.js';
import { facilityPower, type PowerBreakdown } from './facility-power.js';
import { towerLitersPerKwh } from './water.js';

/** One hour of the lease as the facility settles it: means over the hour, except `hours`. */
export interface HourInputs {
  /** The hour's length inside the horizon, in hours (the last may be short). */
  hours: number;
  rackItMw: number;
  /** Battery discharge (negative: charging). */
  batteryMw: number;
  dryBulbC: number;
  wetBulbC: number;
  /** Grid and turbines left for the lease, and the demand-response limit on its grid draw. */
  gridMw: number;
  turbinesMw: number;
  gridLimitMw: number;
  gridKgCo2PerMwh: number;
}

export interface HourFlows {
  power: PowerBreakdown;
  /** What the lease drew from the grid and from the turbines (grid first: turbines firm it up). */
  gridDrawMw: number;
  turbineDrawMw: number;
  gridCarbonKg: number;
  turbineCarbonKg: number;
  waterLiters: number;
}

/**
 * Where an hour's energy came from and what it emitted and evaporated. The lease draws its facility
 * power less the battery's discharge (plus its charging), the grid first up to what is left of it
 * and the turbines for the rest; CO2 = grid MWh x the hour's grid intensity + turbine MWh x the
 * turbines' rate; water = heat rejected by cooling towers x litres per kWh at the wet-bulb (air
 * chillers use none on site).
 */
export function hourFlows(spec: FacilitySpec, x: HourInputs): HourFlows {
  const power = facilityPower(x.rackItMw, spec.it, spec.cooling, plantOutdoorC(spec.cooling, x.dryBulbC, x.wetBulbC));
  const drawMw = Math.max(0, power.facilityMw - x.batteryMw);
  const gridDrawMw = Math.min(drawMw, x.gridMw, x.gridLimitMw);
  const turbineDrawMw = drawMw - gridDrawMw;
  const gridCarbonKg = gridDrawMw * x.gridKgCo2PerMwh * x.hours;
  const turbineCarbonKg = turbineDrawMw * spec.carbon.turbineKgCo2PerMwh * x.hours;
  const waterLiters = spec.cooling.plant === 'cooling-towers' ? power.heatMw * x.hours * 1000 * towerLitersPerKwh(spec.cooling.water, x.wetBulbC) : 0;
  return { power, gridDrawMw, turbineDrawMw, gridCarbonKg, turbineCarbonKg, waterLiters };
}
