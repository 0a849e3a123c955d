import type { WaterSpec } from './facility-spec.js';

/**
 * Litres a cooling tower draws per kWh of heat it rejects at a wet-bulb temperature: the share of
 * the heat it rejects by evaporation (rising with the wet-bulb, linear between 0 °C and 25 °C and
 * flat beyond) x litres evaporated per kWh x make-up per litre evaporated (blowdown included).
 */
export function towerLitersPerKwh(w: WaterSpec, wetBulbC: number): number {
  const x = Math.min(1, Math.max(0, wetBulbC / 25));
  const latentShare = w.latentShareAt0C + (w.latentShareAt25C - w.latentShareAt0C) * x;
  return latentShare * w.evaporationLitersPerKwh * w.makeupPerEvaporated;
}
