import type { FacilitySummary } from '../facility/summarize-facility.js';
import type { Doc } from './doc.js';
import { formatCount, formatDecimal, formatPercent, formatUsd } from './format.js';
import { renderGrid } from './render-grid.js';


/** The facility section of the terminal report: power, energy, PUE, what the facility cost. */
export function renderFacility(f: FacilitySummary, doc: Doc): string[] {
  const out: string[] = [];
  const mw = (v: number | null) => (v === null ? '–' : formatDecimal(v, 1));
  out.push(doc.heading('Facility'));
  out.push(
    doc.text(
      `power: peak ${mw(f.peakFacilityMw)} MW · p99 ${mw(f.p99FacilityMw)} MW · mean ${mw(f.meanFacilityMw)} MW · ` +
        `energy ${formatCount(f.energyMwh)} MWh (IT ${formatCount(f.itEnergyMwh)}, cooling ${formatCount(f.coolingEnergyMwh)}, losses ${formatCount(f.lossesEnergyMwh)}) · PUE ${formatDecimal(f.pue, 3)}`
    ),
  );
  out.push(
    doc.text(
      `hottest hour ${f.hottestHour} UTC at ${formatDecimal(f.hottestHourDryBulbC, 1)} °C: PUE ${formatDecimal(f.pueAtHottestHour, 3)} · ` +
        `cooling headroom ${mw(f.coolingHeadroomMw)} MW at its least (${f.coolingHeadroomHour}) · peak rack ${formatDecimal(f.peakRackKw, 1)} kW`
    ),
  );
  out.push(
    doc.text(
      `held back: ${formatCount(f.cappedHours)} hours capped (lowest cap ${formatPercent(f.lowestCapShare, 0)} of training power), ` +
        `${formatCount(f.shedHours)} hours with runs shed (${formatCount(f.sheds)} sheds) · GPU-hours lost to the facility ${formatCount(f.gpuHoursLostToFacility)} ` +
        `(capping ${formatCount(f.gpuHoursLostToCapping)}, racks withheld ${formatCount(f.gpuHoursWithheld)}), worth ${formatUsd(f.costOfLostGpuHoursUsd)} of lease`
    ),
  );
  if (f.heldBackRuns.length > 0) {
    out.push(doc.text(`runs held back: ${f.heldBackRuns.map((r) => `${r.name} ${formatCount(r.gpuHoursLostToCapping)} GPU-h to capping${r.sheds > 0 ? `, shed ${r.sheds} time${r.sheds === 1 ? '' : 's'}` : ''}`).join(' · ')}`));
  }
  // The deepest episodes (lowest cap, then longest), shown in time order.
  const shown = [...f.heldBackEpisodes]
    .sort((a, b) => Number(b.shed) - Number(a.shed) || a.lowestCapShare - b.lowestCapShare || b.hours - a.hours || a.from.localeCompare(b.from))
    .slice(0, 12)
    .sort((a, b) => a.from.localeCompare(b.from));
  if (shown.length > 0) {
    if (f.heldBackEpisodes.length > shown.length) out.push(doc.text(`the ${shown.length} deepest of ${f.heldBackEpisodes.length} episodes (all in --format json):`));
    out.push(
      doc.table(
        ['held back (UTC)', 'until', 'hours', 'lowest cap', 'shed'],
        shown.map((e) => [e.from, e.to, formatCount(e.hours), formatPercent(e.lowestCapShare, 0), e.shed ? 'yes' : 'no']),
      ),
    );
  }
  out.push(
    doc.text(
      `supply: battery discharged ${formatCount(f.batteryDischargeMwh)} MWh · ${formatCount(f.hoursShort)} hours short, ${formatDecimal(f.unservedMwh, 1)} MWh unserved · ` +
        `power at ${f.tariff}: ${formatUsd(f.energyCostUsd)} (if power is not included)`
    ),
  );
  for (const line of renderGrid(f, doc)) out.push(line);
  out.push(
    doc.table(
      ['month', 'energy MWh', 'peak MW', 'PUE', 'max °C', 'capped h', 'shed h', 'power bill', 'CO2 t', 'water m³'],
      f.months.map((m) => [
        m.month,
        formatCount(m.energyMwh),
        mw(m.peakFacilityMw),
        formatDecimal(m.pue, 3),
        formatDecimal(m.maxDryBulbC, 1),
        formatCount(m.cappedHours),
        formatCount(m.shedHours),
        formatUsd(m.energyCostUsd),
        formatCount(m.carbonT),
        formatCount(m.waterM3),
      ])
    ),
  );
  return out;
}
