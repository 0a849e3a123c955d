import { tickToIso } from '../model/time.js';
import type { FacilityRecord } from './facility-record.js';

/** One hour of the facility, as the CSV and JSON exports write it (units in the names). */
export interface FacilityHourRow {
  /** The hour's start, UTC. */
  hour: string;
  dryBulbC: number;
  wetBulbC: number;
  itMw: number;
  coolingMw: number;
  lossesMw: number;
  facilityMw: number;
  supplyMw: number;
  batteryMw: number;
  pue: number;
  capShare: number;
  cappedHours: number;
  withheldRackHours: number;
  peakDemandMw: number;
  availableMw: number;
  short: boolean;
  swingMw: number;
  smoothingBurnMw: number;
  gridDrawMw: number;
  turbineDrawMw: number;
  carbonKg: number;
  waterLiters: number;
  priceUsdPerMwh: number;
}

/**
 * The facility's hourly series as rows: every hour of the horizon (the last may be short), its
 * weather, power flows, cap, supply and what it emitted and drew. Tick counts become hours.
 */
export function facilityHourRows(f: FacilityRecord, startMinutes: number, tickSeconds: number): FacilityHourRow[] {
  const hours = (ticks: number) => ticks / f.ticksPerHour;
  return Array.from(f.facilityMw, (_, i) => ({
    hour: tickToIso(startMinutes, tickSeconds, i * f.ticksPerHour),
    dryBulbC: f.dryBulbC[i] ?? 0,
    wetBulbC: f.wetBulbC[i] ?? 0,
    itMw: f.itMw[i] ?? 0,
    coolingMw: f.coolingMw[i] ?? 0,
    lossesMw: f.lossesMw[i] ?? 0,
    facilityMw: f.facilityMw[i] ?? 0,
    supplyMw: f.supplyMw[i] ?? 0,
    batteryMw: f.batteryMw[i] ?? 0,
    pue: f.pue[i] ?? 0,
    capShare: f.capShare[i] ?? 1,
    cappedHours: hours(f.cappedTicks[i] ?? 0),
    withheldRackHours: hours(f.withheldRackTicks[i] ?? 0),
    peakDemandMw: f.peakDemandMw[i] ?? 0,
    availableMw: f.availableMw[i] ?? 0,
    short: (f.short[i] ?? 0) > 0,
    swingMw: f.swingMw[i] ?? 0,
    smoothingBurnMw: f.smoothingBurnMw[i] ?? 0,
    gridDrawMw: f.gridDrawMw[i] ?? 0,
    turbineDrawMw: f.turbineDrawMw[i] ?? 0,
    carbonKg: (f.gridCarbonKg[i] ?? 0) + (f.turbineCarbonKg[i] ?? 0),
    waterLiters: f.waterLiters[i] ?? 0,
    priceUsdPerMwh: f.priceUsdPerMwh[i] ?? 0,
  }));
}
