import type { RunRecord } from '../simulation/record.js';
import type { FacilityRecord } from './facility-record.js';
import { countHours, energyMwh, isCapped, isShed } from './facility-hours.js';

/** The facility by calendar month: energy, peak, PUE, hottest hour, hours capped or shed. */
export function facilityMonths(f: FacilityRecord, record: RunRecord) {
  return record.months.map((m) => {
    const from = Math.floor(m.startTick / f.ticksPerHour);
    const to = Math.ceil(m.endTick / f.ticksPerHour);
    const monthEnergy = energyMwh(f, f.facilityMw, from, to);
    const monthIt = energyMwh(f, f.itMw, from, to);
    let peak = 0;
    let maxC = -Infinity;
    for (let i = from; i < to; i += 1) {
      peak = Math.max(peak, f.facilityMw[i] ?? 0);
      maxC = Math.max(maxC, f.dryBulbC[i] ?? -Infinity);
    }
    return {
      month: m.label,
      energyMwh: monthEnergy,
      peakFacilityMw: peak,
      pue: monthIt > 0 ? monthEnergy / monthIt : null,
      maxDryBulbC: Number.isFinite(maxC) ? maxC : null,
      cappedHours: countHours(f, isCapped, from, to),
      shedHours: countHours(f, isShed, from, to),
    };
  });
}
