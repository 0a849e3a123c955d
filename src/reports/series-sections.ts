import type { RunRecord } from '../simulation/record.js';
import { facilityHourRows, type FacilityHourRow } from '../facility/facility-hour-rows.js';
import { poolSeries, type Resolution, type SeriesPoint } from './series.js';

/**
 * The time series a JSON report carries when asked (`--series`): the cluster's pools at a
 * resolution, as the CSV's series table, and a facility's hours, as its facility-hour table.
 */
export function seriesSections(record: RunRecord, resolution: Resolution): { series: { resolution: Resolution; pools: SeriesPoint[] }; facilityHours?: FacilityHourRow[] } {
  const series = { resolution, pools: poolSeries(record, resolution) };
  if (!record.facility) return { series };
  return { series, facilityHours: facilityHourRows(record.facility, record.scenario.startMinutes, record.scenario.tickSeconds) };
}
