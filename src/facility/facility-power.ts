import type { CoolingSpec, ItPowerSpec } from './facility-spec.js';
import { plantKwPerKw } from './cooling.js';

export interface PowerBreakdown {
  itMw: number;
  coolingMw: number;
  lossesMw: number;
  facilityMw: number;
  /** Heat to reject: all IT power ends as heat. */
  heatMw: number;
  /** The share of that heat carried by liquid through the CDUs. */
  liquidHeatMw: number;
}

/**
 * Facility power from the racks' IT power at one outdoor temperature: IT = racks + campus
 * overhead; cooling = plant (per unit of heat) + CDU pumps (liquid heat) + fans (air heat);
 * losses = a share of what the electrical chain delivers. Linear in the racks' power, so a
 * stretch's energy follows from its mean power, and PUE = facility / IT is an output.
 */
export function facilityPower(rackItMw: number, it: ItPowerSpec, cooling: CoolingSpec, plantOutdoorC: number): PowerBreakdown {
  const itMw = rackItMw * (1 + it.overheadMwPerItMw);
  const liquidHeatMw = rackItMw * it.liquidShare;
  const airHeatMw = itMw - liquidHeatMw;
  const coolingMw = itMw * plantKwPerKw(cooling, plantOutdoorC) + liquidHeatMw * cooling.cduPumpKwPerKw + airHeatMw * cooling.airKwPerKw;
  const lossesMw = (itMw + coolingMw) * it.electricalLossShare;
  return { itMw, coolingMw, lossesMw, facilityMw: itMw + coolingMw + lossesMw, heatMw: itMw, liquidHeatMw };
}

/** Facility MW per MW of rack IT at one temperature: the slope of facilityPower. */
export function facilityPerRackItMw(it: ItPowerSpec, cooling: CoolingSpec, plantOutdoorC: number): number {
  return facilityPower(1, it, cooling, plantOutdoorC).facilityMw;
}

/** A rack's training draw under a GPU cap `capShare` of the uncapped GPU draw. */
export function trainingKwAtCap(it: ItPowerSpec, capShare: number): number {
  return it.nonGpuKw + capShare * (it.trainingKw - it.nonGpuKw);
}
