import { sum } from 'simple-statistics';
import type { RunRecord } from '../simulation/record.js';
import { tickToIso } from '../model/time.js';
import type { FacilityRecord } from './facility-record.js';
import { energyMwh } from './facility-hours.js';
import { facilityEnergyCostByMonth } from './energy-cost.js';

const round2 = (usd: number) => Math.round(usd * 100) / 100;

/**
 * The lease on the grid, in the report: what its power costs under the tariff, what demand
 * response paid and took, its CO2 and water (totals, by month, by run), and its place in the campus.
 */
export function summarizeGrid(f: FacilityRecord, record: RunRecord, costPerAvailableGpuHourUsd: number | null) {
  const cost = facilityEnergyCostByMonth(record);
  const gridMwh = energyMwh(f, f.gridDrawMw);
  const turbineMwh = energyMwh(f, f.turbineDrawMw);
  const gridCarbonKg = sum(Array.from(f.gridCarbonKg));
  const turbineCarbonKg = sum(Array.from(f.turbineCarbonKg));
  const carbonKg = gridCarbonKg + turbineCarbonKg;
  const itMwh = energyMwh(f, f.itMw);
  const waterLiters = sum(Array.from(f.waterLiters));
  return {
    tariff: f.tariff,
    energyChargesUsd: round2(sum(cost.map((m) => m.energyChargeUsd))),
    demandChargesUsd: round2(sum(cost.map((m) => m.demandChargeUsd))),
    energyCostUsd: round2(sum(cost.map((m) => m.costUsd))),
    gridEnergyMwh: gridMwh,
    turbineEnergyMwh: turbineMwh,
    carbonT: carbonKg / 1000,
    gridCarbonT: gridCarbonKg / 1000,
    turbineCarbonT: turbineCarbonKg / 1000,
    carbonKgPerMwh: gridMwh + turbineMwh > 0 ? carbonKg / (gridMwh + turbineMwh) : null,
    gridCarbonSource: f.carbonSource,
    waterM3: waterLiters / 1000,
    waterLitersPerItKwh: itMwh > 0 ? waterLiters / (itMwh * 1000) : null,
    byRun: f.runLedgers.map((r) => ({ name: r.name, energyMwh: r.energyMwh, carbonT: r.carbonKg / 1000, waterM3: r.waterLiters / 1000 })),
    ...(f.demandResponse ? { demandResponse: demandResponse(f, record, costPerAvailableGpuHourUsd) } : {}),
    ...(f.campus ? { campus: campus(f) } : {}),
    monthCosts: cost,
  };
}

/**
 * Demand response: each event, what the lease gave back (its baseline grid draw less its mean
 * grid draw, within what was asked, hour by hour), what that earned, and the throughput it cost.
 */
function demandResponse(f: FacilityRecord, record: RunRecord, costPerAvailableGpuHourUsd: number | null) {
  const s = record.scenario;
  const gpuHours = (rackTicks: number) => (rackTicks * s.rack.gpusPerRack * s.tickSeconds) / 3600;
  const events = (f.demandResponse ?? []).map((e) => {
    let deliveredMwh = 0;
    if (e.status === 'accepted') {
      for (let h = Math.max(0, e.event.fromHour); h < Math.min(f.facilityMw.length, e.event.fromHour + e.event.hours); h += 1) {
        const hours = (f.hourTicks[h] ?? 0) / f.ticksPerHour;
        deliveredMwh += Math.min(e.event.mw, Math.max(0, e.baselineGridMw - (f.gridDrawMw[h] ?? 0))) * hours;
      }
    }
    const lost = gpuHours(e.lossRackTicks);
    return {
      from: tickToIso(s.startMinutes, s.tickSeconds, e.event.fromHour * f.ticksPerHour),
      hours: e.event.hours,
      mwAsked: e.event.mw,
      usdPerMwh: e.event.usdPerMwh,
      noticeMinutes: e.event.noticeMinutes,
      status: e.status,
      baselineGridMw: e.baselineGridMw,
      deliveredMwh,
      revenueUsd: round2(deliveredMwh * e.event.usdPerMwh),
      gpuHoursLost: lost,
      runDaysLost: e.gpusAtStart > 0 ? lost / e.gpusAtStart / 24 : 0,
      expectedLossUsd: round2(e.expectedLossUsd),
    };
  });
  const total = (key: 'deliveredMwh' | 'revenueUsd' | 'gpuHoursLost' | 'runDaysLost') => sum(events.map((e) => e[key]));
  const gpuHoursLost = total('gpuHoursLost');
  return {
    events: events.length,
    accepted: events.filter((e) => e.status === 'accepted').length,
    deliveredMwh: total('deliveredMwh'),
    revenueUsd: round2(total('revenueUsd')),
    gpuHoursLost,
    runDaysLost: total('runDaysLost'),
    costOfGpuHoursLostUsd: costPerAvailableGpuHourUsd === null ? null : round2(gpuHoursLost * costPerAvailableGpuHourUsd),
    eventList: events,
  };
}

/** The campus around the lease: the shares bought, the other tenants, and the whole campus's draw. */
function campus(f: FacilityRecord) {
  const c = f.campus;
  if (!c) return null;
  let peak = 0;
  for (let h = 0; h < f.facilityMw.length; h += 1) peak = Math.max(peak, (f.facilityMw[h] ?? 0) + (f.otherTenantsMw[h] ?? 0));
  const lease = energyMwh(f, f.facilityMw);
  const whole = lease + energyMwh(f, f.otherTenantsMw);
  return {
    supplyShare: c.supplyShare,
    plantShare: c.plantShare,
    campusSupplyMw: c.campusSupplyMw,
    campusPlantMw: c.campusPlantMw,
    otherTenants: c.otherTenants.map((t) => ({ name: t.name, itMw: t.itMw })),
    campusPeakFacilityMw: peak,
    campusEnergyMwh: whole,
    leaseShareOfEnergy: whole > 0 ? lease / whole : null,
  };
}
