import { quantileSorted, sum } from 'simple-statistics';
import type { RunRecord } from '../engine/record.js';
import { tickToIso } from '../model/time.js';
import type { FacilityRecord } from './facility-record.js';

export type FacilitySummary = ReturnType<typeof summarizeFacility>;

/**
 * The facility section of a report (defined in the README's Metrics). Energies are sums of
 * hourly mean power x the hour's length; peak and p99 are over hourly means, as utilities meter
 * demand over intervals.
 */
export function summarizeFacility(f: FacilityRecord, record: RunRecord, costPerAvailableGpuHourUsd: number | null) {
  const s = record.scenario;
  const n = f.facilityMw.length;
  const hoursOf = (i: number) => (f.hourTicks[i] ?? 0) / f.ticksPerHour;
  const energy = (series: Float64Array, from = 0, to = n) => {
    const parts: number[] = [];
    for (let i = from; i < to; i += 1) parts.push((series[i] ?? 0) * hoursOf(i));
    return sum(parts);
  };
  const gpuHours = (rackTicks: number) => (rackTicks * s.rack.gpusPerRack * s.tickMinutes) / 60;
  const sorted = Float64Array.from(f.facilityMw).sort();
  const hottest = argMax(f.dryBulbC);
  const energyMwh = energy(f.facilityMw);
  const itEnergyMwh = energy(f.itMw);
  const capped = (i: number) => (f.cappedTicks[i] ?? 0) > 0;
  const shed = (i: number) => (f.withheldRackTicks[i] ?? 0) > 0;
  const countHours = (test: (i: number) => boolean, from = 0, to = n) => {
    let count = 0;
    for (let i = from; i < to; i += 1) if (test(i)) count += 1;
    return count;
  };
  let headroomMw = Infinity;
  let headroomHour = 0;
  for (let i = 0; i < n; i += 1) {
    const room = (f.plantCapacityMw[i] ?? 0) - (f.peakHeatMw[i] ?? 0);
    if (room < headroomMw) [headroomMw, headroomHour] = [room, i];
  }
  const lostToCapping = gpuHours(f.cappedLossRackTicks);
  const withheld = gpuHours(f.totalWithheldRackTicks);
  const hourIso = (i: number) => tickToIso(s.startMinutes, s.tickMinutes, i * f.ticksPerHour);
  return {
    peakFacilityMw: sorted[n - 1] ?? 0,
    p99FacilityMw: n > 0 ? quantileSorted(Array.from(sorted), 0.99) : 0,
    meanFacilityMw: energyMwh / sum(Array.from(f.hourTicks)) * f.ticksPerHour,
    energyMwh,
    itEnergyMwh,
    coolingEnergyMwh: energy(f.coolingMw),
    lossesEnergyMwh: energy(f.lossesMw),
    pue: itEnergyMwh > 0 ? energyMwh / itEnergyMwh : null,
    hottestHour: hourIso(hottest),
    hottestHourDryBulbC: f.dryBulbC[hottest] ?? null,
    pueAtHottestHour: f.pue[hottest] ?? null,
    cappedHours: countHours(capped),
    shedHours: countHours(shed),
    sheds: f.sheds,
    lowestCapShare: f.capShare.reduce((m, v) => Math.min(m, v), 1),
    gpuHoursLostToCapping: lostToCapping,
    gpuHoursWithheld: withheld,
    gpuHoursLostToFacility: lostToCapping + withheld,
    costOfLostGpuHoursUsd: costPerAvailableGpuHourUsd === null ? null : Math.round((lostToCapping + withheld) * costPerAvailableGpuHourUsd * 100) / 100,
    heldBackEpisodes: episodes(f, hourIso),
    coolingHeadroomMw: Number.isFinite(headroomMw) ? headroomMw : null,
    coolingHeadroomHour: hourIso(headroomHour),
    peakRackKw: f.peakRackKw.reduce((m, v) => Math.max(m, v), 0),
    rampViolations: f.rampViolations,
    maxSwingMw: f.maxSwingMw,
    batteryDischargeMwh: energy(f.batteryMw.map((mw) => Math.max(0, mw))),
    hoursShort: countHours((i) => (f.peakDemandMw[i] ?? 0) > (f.availableMw[i] ?? Infinity) + 1e-9),
    unservedMwh: f.unservedMwh,
    pricePerMwhUsd: f.pricePerMwhUsd,
    energyCostUsd: Math.round(energyMwh * f.pricePerMwhUsd * 100) / 100,
    months: record.months.map((m) => {
      const from = Math.floor(m.startTick / f.ticksPerHour);
      const to = Math.ceil(m.endTick / f.ticksPerHour);
      const monthEnergy = energy(f.facilityMw, from, to);
      const monthIt = energy(f.itMw, from, to);
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
        cappedHours: countHours(capped, from, to),
        shedHours: countHours(shed, from, to),
      };
    }),
  };
}

function argMax(values: Float64Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i += 1) if ((values[i] ?? -Infinity) > (values[best] ?? -Infinity)) best = i;
  return best;
}

/** Stretches of consecutive hours in which the facility capped or shed, in time order. */
function episodes(f: FacilityRecord, hourIso: (hour: number) => string) {
  const out: Array<{ from: string; to: string; hours: number; lowestCapShare: number; shed: boolean }> = [];
  let start = -1;
  let lowest = 1;
  let shed = false;
  const n = f.capShare.length;
  for (let i = 0; i <= n; i += 1) {
    const held = i < n && ((f.cappedTicks[i] ?? 0) > 0 || (f.withheldRackTicks[i] ?? 0) > 0);
    if (held) {
      if (start === -1) [start, lowest, shed] = [i, 1, false];
      lowest = Math.min(lowest, f.capShare[i] ?? 1);
      shed ||= (f.withheldRackTicks[i] ?? 0) > 0;
    } else if (start !== -1) {
      out.push({ from: hourIso(start), to: hourIso(i), hours: i - start, lowestCapShare: lowest, shed });
      start = -1;
    }
  }
  return out;
}
