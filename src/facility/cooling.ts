import type { CoolingSpec } from './facility-spec.js';

/**
 * The heat-rejection plant. Air-cooled chillers follow the outdoor dry-bulb, cooling towers the
 * wet-bulb; above the design point a plant loses capacity, and its power per unit of heat rises
 * (or falls, in cooler air, down to a floor) by a fixed share per °C.
 */
export function plantOutdoorC(c: CoolingSpec, dryBulbC: number, wetBulbC: number): number {
  return c.plant === 'air-chillers' ? dryBulbC : wetBulbC;
}

export function plantCapacityMw(c: CoolingSpec, outdoorC: number): number {
  return c.plantCapacityMw * Math.max(0, 1 - c.capacityLossPerC * Math.max(0, outdoorC - c.designC));
}

export function plantKwPerKw(c: CoolingSpec, outdoorC: number): number {
  return Math.max(c.minKwPerKw, c.kwPerKwAtDesign * (1 + c.kwPerKwChangePerC * (outdoorC - c.designC)));
}

/** Liquid heat the CDUs can carry: one CDU per `racksPerCdu` installed racks. */
export function cduCapacityMw(c: CoolingSpec, installedRacks: number): number {
  return (Math.ceil(installedRacks / c.racksPerCdu) * c.cduCapacityKw) / 1000;
}
