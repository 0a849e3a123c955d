import { formatCount, formatDecimal, formatUsd } from './format.js';

type Loose = Record<string, unknown>;
const isObject = (x: unknown): x is Loose => typeof x === 'object' && x !== null && !Array.isArray(x);
const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/**
 * The facility section's headline numbers as [label, formatted value], those present: for the HTML
 * page and the Markdown memo. Read by name, so a report without a facility lists none.
 */
export function facilityFigures(section: unknown): Array<[string, string]> {
  if (!isObject(section)) return [];
  const figures: Array<[string, string, (n: number) => string]> = [
    ['peakFacilityMw', 'peak facility power', (n) => `${formatDecimal(n)} MW`],
    ['meanFacilityMw', 'mean facility power', (n) => `${formatDecimal(n)} MW`],
    ['energyMwh', 'energy', (n) => `${formatCount(n)} MWh`],
    ['pue', 'PUE over the term', (n) => n.toFixed(3)],
    ['pueAtHottestHour', 'PUE at the hottest hour', (n) => n.toFixed(3)],
    ['cappedHours', 'hours capped', (n) => formatCount(n)],
    ['shedHours', 'hours shed', (n) => formatCount(n)],
    ['gpuHoursLostToFacility', 'GPU-hours lost to the facility', (n) => formatCount(n)],
    ['costOfLostGpuHoursUsd', 'their cost at the lease price', (n) => formatUsd(n)],
    ['rampViolations', 'ramp-rate violations left', (n) => formatCount(n)],
    ['energyCostUsd', 'power bill (if not in the lease)', (n) => formatUsd(n)],
    ['carbonT', 'CO2', (n) => `${formatCount(n)} t`],
    ['waterM3', 'cooling-tower water', (n) => `${formatCount(n)} m³`],
  ];
  return figures.flatMap(([key, label, format]): Array<[string, string]> => {
    const value = num(section[key]);
    return value === null ? [] : [[label, format(value)]];
  });
}
