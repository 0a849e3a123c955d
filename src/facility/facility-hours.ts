import { sum } from 'simple-statistics';
import type { FacilityRecord } from './facility-record.js';

/** Small sums over a facility record's hours [from, to), shared by the report's sections. */

/** Energy of an hourly mean-power series: sum of power x hour length (compensated summation). */
export function energyMwh(f: FacilityRecord, series: Float64Array, from = 0, to = series.length): number {
  const parts: number[] = [];
  for (let i = from; i < to; i += 1) parts.push(((series[i] ?? 0) * (f.hourTicks[i] ?? 0)) / f.ticksPerHour);
  return sum(parts);
}

export const isCapped = (f: FacilityRecord, hour: number) => (f.cappedTicks[hour] ?? 0) > 0;
export const isShed = (f: FacilityRecord, hour: number) => (f.withheldRackTicks[hour] ?? 0) > 0;

export function countHours(f: FacilityRecord, test: (f: FacilityRecord, hour: number) => boolean, from = 0, to = f.facilityMw.length): number {
  let count = 0;
  for (let i = from; i < to; i += 1) if (test(f, i)) count += 1;
  return count;
}

/** The least cooling headroom (plant capacity - peak heat) over the hours, and its hour. */
export function leastHeadroom(f: FacilityRecord): { headroomMw: number | null; hour: number } {
  let headroomMw = Infinity;
  let hour = 0;
  for (let i = 0; i < f.facilityMw.length; i += 1) {
    const room = (f.plantCapacityMw[i] ?? 0) - (f.peakHeatMw[i] ?? 0);
    if (room < headroomMw) [headroomMw, hour] = [room, i];
  }
  return { headroomMw: Number.isFinite(headroomMw) ? headroomMw : null, hour };
}

export function argMax(values: Float64Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i += 1) if ((values[i] ?? -Infinity) > (values[best] ?? -Infinity)) best = i;
  return best;
}
