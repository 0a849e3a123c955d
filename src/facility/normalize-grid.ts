import type { Site } from '../catalog/sites.js';
import { facilityDefaults as d } from './defaults.js';
import type { CarbonSpec, DemandResponseSpec, TariffSpec } from './facility-spec.js';
import type { WrittenFacility } from './schema.js';

/**
 * The facility's dealings with the grid, written -> normalized: the tariff, demand response and
 * carbon. Assumes the rules passed (facility-rules.ts).
 */
export function normalizeGrid(w: WrittenFacility, site: Site, pricePerMwhUsd: number, hourOf: (iso: string) => number) {
  return { tariff: normalizeTariff(w.tariff, pricePerMwhUsd), demandResponse: normalizeDemandResponse(w.demandResponse, hourOf), carbon: normalizeCarbon(w, site) };
}

function normalizeTariff(t: WrittenFacility['tariff'], pricePerMwhUsd: number): TariffSpec | null {
  if (!t) return null;
  return {
    periods: (t.periods ?? []).map((p) => ({
      name: p.name,
      months: Array.from({ length: 12 }, (_, m) => p.months === undefined || p.months.includes(m + 1)),
      days: p.days ?? 'all',
      fromHour: p.fromHour,
      toHour: p.toHour,
      usdPerMwh: p.usdPerMwh,
    })),
    offPeakUsdPerMwh: t.offPeakUsdPerMwh ?? pricePerMwhUsd,
    file: t.file ?? null,
    hourlyUsdPerMwh: null,
    demandUsdPerKwMonth: t.demandUsdPerKwMonth ?? 0,
    demandPeriod: t.demandPeriod ?? null,
  };
}

function normalizeDemandResponse(r: WrittenFacility['demandResponse'], hourOf: (iso: string) => number): DemandResponseSpec | null {
  if (!r) return null;
  const notice = d.demandResponseNoticeMinutes;
  return {
    events: (r.events ?? []).map((e) => ({ fromHour: hourOf(e.from), hours: e.hours, mw: e.mw, usdPerMwh: e.usdPerMwh, noticeMinutes: e.noticeMinutes ?? notice })),
    seeded: r.seeded ? { ...r.seeded, noticeMinutes: r.seeded.noticeMinutes ?? notice } : { perYear: 0, hours: 1, mw: 0, usdPerMwh: 0, noticeMinutes: notice },
    accept: r.accept ?? 'always',
    gpuHourValueUsd: r.gpuHourValueUsd ?? 0,
  };
}

function normalizeCarbon(w: WrittenFacility, site: Site): CarbonSpec {
  const flat = w.carbon?.gridKgCo2PerMwh;
  return {
    gridKgCo2PerMwhByMonth: flat === undefined ? site.gridCarbon.kgCo2PerMwhByMonth : Array.from({ length: 12 }, () => flat),
    source: flat === undefined ? site.gridCarbon.source : 'given in the scenario',
    file: w.carbon?.file ?? null,
    hourlyKgCo2PerMwh: null,
    turbineKgCo2PerMwh: w.supply.turbines?.kgCo2PerMwh ?? d.turbineKgCo2PerMwh,
  };
}
