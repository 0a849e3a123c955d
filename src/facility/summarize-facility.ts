import { quantileSorted, sum } from 'simple-statistics';
import type { RunRecord } from '../simulation/record.js';
import { tickToIso } from '../model/time.js';
import type { FacilityRecord } from './facility-record.js';
import { argMax, countHours, energyMwh, isCapped, isShed, leastHeadroom } from './facility-hours.js';
import { facilityMonths } from './facility-months.js';
import { summarizeSwings } from './summarize-swings.js';
import { summarizeGrid } from './summarize-grid.js';

export type FacilitySummary = ReturnType<typeof summarizeFacility>;

/**
 * The facility section of a report (defined in the README's Metrics). Energies are sums of
 * hourly mean power x the hour's length; peak and p99 are over hourly means, as utilities meter
 * demand over intervals.
 */
export function summarizeFacility(f: FacilityRecord, record: RunRecord, costPerAvailableGpuHourUsd: number | null) {
  const s = record.scenario;
  const n = f.facilityMw.length;
  const gpuHours = (rackTicks: number) => (rackTicks * s.rack.gpusPerRack * s.tickSeconds) / 3600;
  const hourIso = (i: number) => tickToIso(s.startMinutes, s.tickSeconds, i * f.ticksPerHour);
  const sorted = Float64Array.from(f.facilityMw).sort();
  const hottest = argMax(f.dryBulbC);
  const total = energyMwh(f, f.facilityMw);
  const it = energyMwh(f, f.itMw);
  const headroom = leastHeadroom(f);
  const lostToCapping = gpuHours(f.cappedLossRackTicks);
  const withheld = gpuHours(f.totalWithheldRackTicks);
  const { monthCosts, ...grid } = summarizeGrid(f, record, costPerAvailableGpuHourUsd);
  return {
    peakFacilityMw: sorted[n - 1] ?? 0,
    p99FacilityMw: n > 0 ? quantileSorted(Array.from(sorted), 0.99) : 0,
    meanFacilityMw: (total / sum(Array.from(f.hourTicks))) * f.ticksPerHour,
    energyMwh: total,
    itEnergyMwh: it,
    coolingEnergyMwh: energyMwh(f, f.coolingMw),
    lossesEnergyMwh: energyMwh(f, f.lossesMw),
    pue: it > 0 ? total / it : null,
    hottestHour: hourIso(hottest),
    hottestHourDryBulbC: f.dryBulbC[hottest] ?? null,
    pueAtHottestHour: f.pue[hottest] ?? null,
    cappedHours: countHours(f, isCapped),
    shedHours: countHours(f, isShed),
    sheds: f.sheds,
    lowestCapShare: f.capShare.reduce((m, v) => Math.min(m, v), 1),
    gpuHoursLostToCapping: lostToCapping,
    gpuHoursWithheld: withheld,
    gpuHoursLostToFacility: lostToCapping + withheld,
    costOfLostGpuHoursUsd: costPerAvailableGpuHourUsd === null ? null : Math.round((lostToCapping + withheld) * costPerAvailableGpuHourUsd * 100) / 100,
    heldBackEpisodes: episodes(f, hourIso),
    heldBackRuns: f.heldBackRuns.map((r) => ({ name: r.name, gpuHoursLostToCapping: gpuHours(r.cappedLossRackTicks), sheds: r.sheds })),
    coolingHeadroomMw: headroom.headroomMw,
    coolingHeadroomHour: hourIso(headroom.hour),
    peakRackKw: f.peakRackKw.reduce((m, v) => Math.max(m, v), 0),
    ...summarizeSwings(f),
    batteryDischargeMwh: energyMwh(f, f.batteryMw.map((mw) => Math.max(0, mw))),
    hoursShort: countHours(f, (r, i) => (r.short[i] ?? 0) > 0),
    unservedMwh: f.unservedMwh,
    pricePerMwhUsd: f.pricePerMwhUsd,
    ...grid,
    months: facilityMonths(f, record, monthCosts),
  };
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
