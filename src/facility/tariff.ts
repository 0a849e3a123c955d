import type { FacilitySpec, TariffPeriod } from './facility-spec.js';
import { typicalYearHour } from './timeline.js';

/**
 * The tariff hour by hour. Periods are in the site's local standard time (no daylight saving):
 * the first period whose months, days and hours hold the hour sets its price; other hours pay
 * `offPeakUsdPerMwh`. A price file gives each hour of a typical year instead. Without a tariff every
 * hour costs the flat `pricePerMwhUsd`, and no demand is charged.
 */
export function hourlyTariff(spec: FacilitySpec, startMinutes: number, hours: number): { priceUsdPerMwh: Float64Array; demandHour: Uint8Array } {
  const priceUsdPerMwh = new Float64Array(hours);
  const demandHour = new Uint8Array(hours);
  const t = spec.tariff;
  for (let h = 0; h < hours; h += 1) {
    if (!t) {
      priceUsdPerMwh[h] = spec.pricePerMwhUsd;
      continue;
    }
    const local = new Date((startMinutes + spec.site.utcOffsetHours * 60 + h * 60) * 60_000);
    const period = t.periods.find((p) => inPeriod(p, local));
    priceUsdPerMwh[h] = t.hourlyUsdPerMwh ? (t.hourlyUsdPerMwh.values[typicalYearHour(t.hourlyUsdPerMwh, startMinutes, h)] ?? 0) : (period?.usdPerMwh ?? t.offPeakUsdPerMwh);
    demandHour[h] = t.demandUsdPerKwMonth > 0 && (t.demandPeriod === null || t.periods.some((p) => p.name === t.demandPeriod && inPeriod(p, local))) ? 1 : 0;
  }
  return { priceUsdPerMwh, demandHour };
}

function inPeriod(p: TariffPeriod, local: Date): boolean {
  const day = local.getUTCDay();
  const weekday = day >= 1 && day <= 5;
  const hour = local.getUTCHours();
  return (p.months[local.getUTCMonth()] ?? false) && (p.days === 'all' || (p.days === 'weekdays') === weekday) && hour >= p.fromHour && hour < p.toHour;
}

/** The tariff as one line of text, for the report. */
export function describeTariff(spec: FacilitySpec): string {
  const t = spec.tariff;
  if (!t) return `flat $${spec.pricePerMwhUsd}/MWh`;
  const energy = t.hourlyUsdPerMwh
    ? `hourly prices from ${t.file}`
    : [...t.periods.map((p) => `${p.name} $${p.usdPerMwh}/MWh (${p.days}, ${p.fromHour}-${p.toHour} h local)`), `other hours $${t.offPeakUsdPerMwh}/MWh`].join(', ');
  const demand = t.demandUsdPerKwMonth > 0 ? `; demand $${t.demandUsdPerKwMonth}/kW-month on the ${t.demandPeriod === null ? "month's" : `${t.demandPeriod}`} highest hourly mean` : '';
  return `${energy}${demand}`;
}
