import type { RunRecord } from '../simulation/record.js';
import type { FacilityRecord } from './facility-record.js';
import { countHours, energyMwh, isCapped, isShed } from './facility-hours.js';
import type { MonthEnergyCost } from './energy-cost.js';

/** The facility by calendar month: energy, peak, PUE, hottest hour, hours capped or shed, cost, CO2, water. */
export function facilityMonths(f: FacilityRecord, record: RunRecord, costs: readonly MonthEnergyCost[]) {
  return record.months.map((m, i) => {
    const from = Math.floor(m.startTick / f.ticksPerHour);
    const to = Math.ceil(m.endTick / f.ticksPerHour);
    const monthEnergy = energyMwh(f, f.facilityMw, from, to);
    const monthIt = energyMwh(f, f.itMw, from, to);
    let peak = 0;
    let maxC = -Infinity;
    let carbonKg = 0;
    let waterLiters = 0;
    for (let h = from; h < to; h += 1) {
      peak = Math.max(peak, f.facilityMw[h] ?? 0);
      maxC = Math.max(maxC, f.dryBulbC[h] ?? -Infinity);
      carbonKg += (f.gridCarbonKg[h] ?? 0) + (f.turbineCarbonKg[h] ?? 0);
      waterLiters += f.waterLiters[h] ?? 0;
    }
    const cost = costs[i];
    return {
      month: m.label,
      energyMwh: monthEnergy,
      peakFacilityMw: peak,
      pue: monthIt > 0 ? monthEnergy / monthIt : null,
      maxDryBulbC: Number.isFinite(maxC) ? maxC : null,
      cappedHours: countHours(f, isCapped, from, to),
      shedHours: countHours(f, isShed, from, to),
      energyCostUsd: Math.round((cost?.costUsd ?? 0) * 100) / 100,
      demandChargeUsd: Math.round((cost?.demandChargeUsd ?? 0) * 100) / 100,
      billingDemandMw: cost?.billingDemandMw ?? 0,
      carbonT: carbonKg / 1000,
      waterM3: waterLiters / 1000,
    };
  });
}
