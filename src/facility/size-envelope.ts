import { quantileSorted } from 'simple-statistics';
import type { RackType } from '../catalog/racks.js';
import type { FacilitySpec } from './facility-spec.js';
import { plantCapacityMw, plantOutdoorC } from './cooling.js';
import { facilityPerRackItMw } from './facility-power.js';
import type { WeatherSeries } from './weather.js';

/**
 * How many racks an envelope runs at a given rack power and outdoor temperature: the smaller
 * of what the supply can feed and what the heat-rejection plant can carry at that temperature.
 * The envelope is facility MW at the meter (cooling and losses included) or IT MW (critical load:
 * racks plus campus IT), as deals are quoted either way. Other tenants on the campus take their
 * share of the supply and the plant first. The CDUs are a per-rack check: one CDU serves a fixed
 * number of racks, so they either carry a rack's liquid heat or bind at any count.
 */
export interface SizingCase {
  label: string;
  /** Which supply the envelope counts: every source (N) or the largest turbine out (N-1). */
  supply: 'N' | 'N-1';
  envelopeMw: number;
  dryBulbC: number;
  wetBulbC: number;
  rackKw: number;
}

export type EnvelopeBasis = 'facility' | 'it';

export interface SizingAnswer extends SizingCase {
  racks: number;
  gpus: number;
  bindingConstraint: 'power' | 'cooling' | 'cdu';
  racksByPowerSupply: number;
  racksByCoolingPlant: number;
  facilityKwPerRack: number;
  pue: number;
  plantCapacityMw: number;
  /** IT (critical) MW of the racks answered: rack draw x (1 + campus overhead). */
  itMw: number;
  /** Facility MW at the meter of the racks answered. */
  facilityMw: number;
}

export function sizeEnvelope(f: FacilitySpec, rack: RackType, basis: EnvelopeBasis, othersItMw: number, c: SizingCase): SizingAnswer {
  const outdoorC = plantOutdoorC(f.cooling, c.dryBulbC, c.wetBulbC);
  const perRackIt = facilityPerRackItMw(f.it, f.cooling, outdoorC);
  const facilityKwPerRack = c.rackKw * perRackIt;
  const heatKwPerRack = c.rackKw * (1 + f.it.overheadMwPerItMw);
  const othersFacilityMw = (othersItMw * perRackIt) / (1 + f.it.overheadMwPerItMw);
  const plantMw = Math.max(0, plantCapacityMw(f.cooling, outdoorC) - othersItMw);
  const available = basis === 'it' ? Math.max(0, c.envelopeMw - othersItMw) : Math.max(0, c.envelopeMw - othersFacilityMw);
  const byPower = Math.floor((available * 1000) / (basis === 'it' ? heatKwPerRack : facilityKwPerRack) + 1e-9);
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

/** The hour of a weather series at percentile `p` of dry-bulb (0.99: warmer than 99% of hours), and of wet-bulb. */
export function percentileHour(weather: WeatherSeries, p: number): { dryBulbC: number; wetBulbC: number } {
  const dry = Float64Array.from(weather.dryBulbC).sort();
  const wet = Float64Array.from(weather.wetBulbC).sort();
  return { dryBulbC: quantileSorted(Array.from(dry), p), wetBulbC: quantileSorted(Array.from(wet), p) };
}

/** Share of a series' hours warmer than `c` (dry-bulb). */
export function shareOfHoursAbove(weather: WeatherSeries, c: number): number {
  let above = 0;
  for (const t of weather.dryBulbC) if (t > c) above += 1;
  return weather.dryBulbC.length > 0 ? above / weather.dryBulbC.length : 0;
}
