import type { FacilitySummary } from '../facility/summarize-facility.js';
import type { Doc } from './doc.js';
import { formatCount, formatDecimal, formatUsd } from './format.js';


/** Power dynamics, the bill, demand response, CO2 and water, and the campus: the facility report's second half. */
export function renderGrid(f: FacilitySummary, doc: Doc): string[] {
  const out: string[] = [];
  const mw = (v: number | null) => (v === null ? '–' : formatDecimal(v, 1));
  const smoothing =
    f.rackRampKwPerSecond === null
      ? 'no rack smoothing'
      : `rack smoothing at ${formatDecimal(f.rackRampKwPerSecond, 3)} kW/s per rack with ${formatCount(f.rackStoreKj)} kJ stores burned ${formatCount(f.smoothingEnergyMwh)} MWh and cycled ${formatDecimal(f.smoothingStoreMwh, 1)} MWh`;
  out.push(
    doc.text(
      `swings: ${formatCount(f.swings)} whole-run steps (largest ${mw(f.maxSwingMw)} MW), ${formatCount(f.swingsOverLimit)} over the ramp limit: ${formatCount(f.swingsSmoothed)} smoothed, ` +
        `${formatCount(f.swingsRiddenByBattery)} ridden through by the battery, ${formatCount(f.rampViolations)} left as ramp-rate violations${f.rampViolations > 0 ? ` (largest ${mw(f.maxSwingLeftMw)} MW)` : ''} · ${smoothing}`
    ),
  );
  out.push(doc.table(['swing cause', 'swings', 'over limit', 'smoothed', 'battery', 'left'], f.swingsByCause.map((c) => [c.cause, ...[c.swings, c.overLimit, c.smoothed, c.battery, c.left].map(formatCount)])));
  out.push(doc.text(`cap law: ${f.capLaw}`));
  out.push(
    doc.text(
      `power bill: energy ${formatUsd(f.energyChargesUsd)} + demand charges ${formatUsd(f.demandChargesUsd)} · ` +
        `CO2 ${formatCount(f.carbonT)} t (grid ${formatCount(f.gridCarbonT)} t from ${formatCount(f.gridEnergyMwh)} MWh, turbines ${formatCount(f.turbineCarbonT)} t from ${formatCount(f.turbineEnergyMwh)} MWh; ${f.gridCarbonSource}) · ` +
        `water ${formatCount(f.waterM3)} m³ (${formatDecimal(f.waterLitersPerItKwh, 2)} L per IT kWh)`
    ),
  );
  const dr = f.demandResponse;
  if (dr) {
    out.push(
      doc.text(
        `demand response: ${dr.accepted} of ${dr.events} events taken, ${formatCount(dr.deliveredMwh)} MWh given back for ${formatUsd(dr.revenueUsd)}, ` +
          `against ${formatCount(dr.gpuHoursLost)} GPU-hours lost (${formatDecimal(dr.runDaysLost, 3)} run-days${dr.costOfGpuHoursLostUsd === null ? '' : `, worth ${formatUsd(dr.costOfGpuHoursLostUsd)} of lease`})`,
      ),
    );
    if (dr.eventList.length > 0) {
      out.push(
        doc.table(
          ['event (UTC)', 'hours', 'MW asked', '$/MWh', 'status', 'baseline MW', 'MWh given', 'revenue', 'GPU-h lost', 'run-days'],
          dr.eventList.map((e) => [e.from, formatCount(e.hours), mw(e.mwAsked), formatCount(e.usdPerMwh), e.status, mw(e.baselineGridMw), formatCount(e.deliveredMwh), formatUsd(e.revenueUsd), formatCount(e.gpuHoursLost), formatDecimal(e.runDaysLost, 3)]),
        ),
      );
    }
  }
  const c = f.campus;
  if (c) {
    const others = c.otherTenants.map((t) => `${t.name} ${mw(t.itMw)} MW IT`).join(', ');
    out.push(
      doc.text(
        `campus: ${mw(c.campusSupplyMw)} MW of supply and ${mw(c.campusPlantMw)} MW of plant; the lease buys ${formatDecimal(c.supplyShare * 100, 0)}% of the supply and ${formatDecimal(c.plantShare * 100, 0)}% of the plant` +
          `${others ? `, beside ${others}` : ''} · campus peak ${mw(c.campusPeakFacilityMw)} MW, energy ${formatCount(c.campusEnergyMwh)} MWh, the lease's share ${formatDecimal((c.leaseShareOfEnergy ?? 0) * 100, 1)}%`,
      ),
    );
  }
  if (f.byRun.length > 0) {
    out.push(doc.table(['run', 'energy MWh', 'CO2 t', 'water m³'], f.byRun.map((r) => [r.name, formatCount(r.energyMwh), formatCount(r.carbonT), formatCount(r.waterM3)])));
  }
  return out;
}
