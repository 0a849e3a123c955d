import type { FacilitySpec } from './facility-spec.js';
import { typicalYearHour } from './timeline.js';

/** Grid carbon intensity of each hour of the horizon (kg CO2 per MWh): the hourly file's, or the site's month's (local time). */
export function gridKgCo2PerMwhByHour(spec: FacilitySpec, startMinutes: number, hours: number): Float64Array {
  const c = spec.carbon;
  const file = c.hourlyKgCo2PerMwh;
  return Float64Array.from({ length: hours }, (_, h) =>
    file ? (file.values[typicalYearHour(file, startMinutes, h)] ?? 0) : (c.gridKgCo2PerMwhByMonth[new Date((startMinutes + spec.site.utcOffsetHours * 60 + h * 60) * 60_000).getUTCMonth()] ?? 0),
  );
}
