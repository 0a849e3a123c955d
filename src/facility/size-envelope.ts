import { quantileSorted } from 'simple-statistics';
import type { RackType } from '../catalog/racks.js';
import type { FacilitySpec } from './facility-spec.js';
import { plantCapacityMw, plantOutdoorC } from './cooling.js';
import { facilityPerRackItMw } from './facility-power.js';
import type { WeatherSeries } from './weather.js';

/**
 * How many racks an envelope runs at a given rack power and outdoor temperature: the smaller
 * of what the supply can feed (facility power per rack, cooling and losses included) and what
 * the heat-rejection plant can carry at that temperature. The CDUs are a per-rack check: one CDU
 * serves a fixed number of racks, so they either carry a rack's liquid heat or bind at any count.
 */
export interface SizingCase {
  label: string;
  dryBulbC: number;
  wetBulbC: number;
  rackKw: number;
}

export interface SizingAnswer extends SizingCase {
  racks: number;
  gpus: number;
  bindingConstraint: 'power' | 'cooling' | 'cdu';
  racksByPowerSupply: number;
  racksByCoolingPlant: number;
  facilityKwPerRack: number;
  pue: number;
  plantCapacityMw: number;
  itMw: number;
  facilityMw: number;
}

export function sizeEnvelope(f: FacilitySpec, rack: RackType, envelopeMw: number, c: SizingCase): SizingAnswer {
  const outdoorC = plantOutdoorC(f.cooling, c.dryBulbC, c.wetBulbC);
  const perRackIt = facilityPerRackItMw(f.it, f.cooling, outdoorC);
  const facilityKwPerRack = c.rackKw * perRackIt;
  const heatKwPerRack = c.rackKw * (1 + f.it.overheadMwPerItMw);
  const plantMw = plantCapacityMw(f.cooling, outdoorC);
  const byPower = Math.floor((envelopeMw * 1000) / facilityKwPerRack + 1e-9);
  const byCooling = Math.floor((plantMw * 1000) / heatKwPerRack + 1e-9);
  const cduOk = c.rackKw * f.it.liquidShare * f.cooling.racksPerCdu <= f.cooling.cduCapacityKw;
  const racks = cduOk ? Math.min(byPower, byCooling) : 0;
  return {
    ...c,
    racks,
    gpus: racks * rack.gpusPerRack,
    bindingConstraint: !cduOk ? 'cdu' : byPower <= byCooling ? 'power' : 'cooling',
    racksByPowerSupply: byPower,
    racksByCoolingPlant: byCooling,
    facilityKwPerRack,
    pue: perRackIt / (1 + f.it.overheadMwPerItMw),
    plantCapacityMw: plantMw,
    itMw: (racks * heatKwPerRack) / 1000,
    facilityMw: (racks * facilityKwPerRack) / 1000,
  };
}

/** The hour of a weather series at percentile `p` of dry-bulb (0.99: warmer than 99% of hours). */
export function percentileHour(weather: WeatherSeries, p: number): { dryBulbC: number; wetBulbC: number } {
  const dry = Float64Array.from(weather.dryBulbC).sort();
  const wet = Float64Array.from(weather.wetBulbC).sort();
  return { dryBulbC: quantileSorted(Array.from(dry), p), wetBulbC: quantileSorted(Array.from(wet), p) };
}
