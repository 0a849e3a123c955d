import type { FacilityState } from './facility-state.js';
import { hourFlows, type HourInputs } from './hour-flows.js';

/** A run's share of the facility: energy at the meter, CO2 and water, summed over the hours it drew. */
export interface RunLedger {
  energyMwh: number;
  carbonKg: number;
  waterLiters: number;
}

/** The inputs of hour `h` as the facility settled it (the record reads the same). */
export function hourInputs(f: FacilityState, horizonTicks: number, h: number): HourInputs {
  const t = f.timeline;
  const ticks = Math.min(f.ticksPerHour, horizonTicks - h * f.ticksPerHour);
  const hourly = f.hourly;
  return {
    hours: ticks / f.ticksPerHour,
    rackItMw: (hourly.rackItMwTicks[h] ?? 0) / ticks,
    batteryMw: (hourly.batteryMwTicks[h] ?? 0) / ticks,
    dryBulbC: t.dryBulbC[h] ?? 0,
    wetBulbC: t.wetBulbC[h] ?? 0,
    gridMw: hourly.leaseGridMw[h] ?? 0,
    turbinesMw: hourly.leaseTurbinesMw[h] ?? 0,
    gridLimitMw: hourly.gridLimitMw[h] ?? Infinity,
    gridKgCo2PerMwh: f.gridKgCo2PerMwh[h] ?? 0,
  };
}

/** A run drew `kwTicks` of rack IT in the open hour. */
export function bookRunKwTicks(f: FacilityState, index: number, kwTicks: number): void {
  if (kwTicks !== 0) f.openRunKwTicks.set(index, (f.openRunKwTicks.get(index) ?? 0) + kwTicks);
}

/**
 * Settle the open hour once the clock has left it: each run that drew in it takes its share of
 * rack IT of the hour's energy, CO2 and water (cost O(runs that drew), once per hour).
 */
export function closeHour(f: FacilityState, horizonTicks: number): void {
  const h = f.openHour;
  if (f.openRunKwTicks.size === 0) return;
  const x = hourInputs(f, horizonTicks, h);
  const flows = hourFlows(f.spec, x);
  const totalKwTicks = (f.hourly.rackItMwTicks[h] ?? 0) * 1000;
  f.openRunKwTicks.forEach((kwTicks, index) => {
    const share = totalKwTicks > 0 ? kwTicks / totalKwTicks : 0;
    const ledger = f.runLedger.get(index) ?? f.runLedger.set(index, { energyMwh: 0, carbonKg: 0, waterLiters: 0 }).get(index)!;
    ledger.energyMwh += share * flows.power.facilityMw * x.hours;
    ledger.carbonKg += share * (flows.gridCarbonKg + flows.turbineCarbonKg);
    ledger.waterLiters += share * flows.waterLiters;
  });
  f.openRunKwTicks.clear();
}
