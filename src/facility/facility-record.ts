import type { FacilitySimState } from './facility-state.js';
import { plantOutdoorC } from './cooling.js';
import { facilityPower } from './facility-power.js';

/**
 * What the facility produced in one simulation: an hourly series (means over each hour, MW)
 * and totals. Hour h covers ticks [h x ticksPerHour, (h + 1) x ticksPerHour) of the horizon.
 * Within an hour the temperature is constant and facility power is linear in rack IT, so the
 * hour's mean IT gives its mean cooling, losses and facility power exactly.
 */
export interface FacilityRecord {
  ticksPerHour: number;
  /** Ticks of each hour inside the horizon (the last may be short). */
  hourTicks: Float64Array;
  dryBulbC: Float64Array;
  wetBulbC: Float64Array;
  itMw: Float64Array;
  coolingMw: Float64Array;
  lossesMw: Float64Array;
  facilityMw: Float64Array;
  supplyMw: Float64Array;
  /** Mean battery discharge (negative: charging). */
  batteryMw: Float64Array;
  /** Facility energy / IT energy of the hour. */
  pue: Float64Array;
  /** Lowest GPU cap share of the hour (1 = uncapped). */
  capShare: Float64Array;
  cappedTicks: Float64Array;
  withheldRackTicks: Float64Array;
  /** Conservative instantaneous demand after the policy acted, max over the hour. */
  peakDemandMw: Float64Array;
  /** Supply the policy fitted demand into (grid, turbines, battery allowance), min over the hour. */
  availableMw: Float64Array;
  peakHeatMw: Float64Array;
  plantCapacityMw: Float64Array;
  peakRackKw: Float64Array;
  /** Largest whole-run step in facility power within the hour: the dips the hourly mean hides. */
  swingMw: Float64Array;
  sheds: number;
  rampViolations: number;
  maxSwingMw: number;
  cappedLossRackTicks: number;
  /** Runs the facility held back, in run order: capping loss (rack-ticks) and sheds. */
  heldBackRuns: Array<{ name: string; cappedLossRackTicks: number; sheds: number }>;
  totalWithheldRackTicks: number;
  unservedMwh: number;
  pricePerMwhUsd: number;
}

/** Typed arrays: a 42-month horizon has ~30,000 hours per series. */
export function facilityRecord(state: FacilitySimState): FacilityRecord | undefined {
  const f = state.facility;
  if (!f) return undefined;
  const t = f.timeline;
  const h = f.hourly;
  const n = t.hours;
  const series = () => new Float64Array(n);
  const [hourTicks, itMw, coolingMw, lossesMw, facilityMw, batteryMw, pue] = [series(), series(), series(), series(), series(), series(), series()];
  for (let i = 0; i < n; i += 1) {
    const ticks = Math.min(f.ticksPerHour, state.scenario.horizonTicks - i * f.ticksPerHour);
    const p = facilityPower((h.rackItMwTicks[i] ?? 0) / ticks, f.spec.it, f.spec.cooling, plantOutdoorC(f.spec.cooling, t.dryBulbC[i] ?? 0, t.wetBulbC[i] ?? 0));
    hourTicks[i] = ticks;
    itMw[i] = p.itMw;
    coolingMw[i] = p.coolingMw;
    lossesMw[i] = p.lossesMw;
    facilityMw[i] = p.facilityMw;
    batteryMw[i] = (h.batteryMwTicks[i] ?? 0) / ticks;
    pue[i] = p.itMw > 0 ? p.facilityMw / p.itMw : 0;
  }
  return {
    ticksPerHour: f.ticksPerHour,
    hourTicks,
    dryBulbC: t.dryBulbC,
    wetBulbC: t.wetBulbC,
    itMw,
    coolingMw,
    lossesMw,
    facilityMw,
    supplyMw: t.supplyMw,
    batteryMw,
    pue,
    capShare: h.minCapShare,
    cappedTicks: h.cappedTicks,
    withheldRackTicks: h.withheldRackTicks,
    peakDemandMw: h.peakDemandMw,
    availableMw: h.availableMw,
    peakHeatMw: h.peakHeatMw,
    plantCapacityMw: h.plantCapacityMw,
    peakRackKw: h.peakRackKw,
    swingMw: h.swingMw,
    sheds: f.sheds,
    rampViolations: f.rampViolations,
    maxSwingMw: f.maxSwingMw,
    cappedLossRackTicks: f.cappedLossRackTicks,
    heldBackRuns: state.runs
      .filter((r) => f.runCappedLossRackTicks.has(r.spec.index) || f.runSheds.has(r.spec.index))
      .map((r) => ({ name: r.spec.name, cappedLossRackTicks: f.runCappedLossRackTicks.get(r.spec.index) ?? 0, sheds: f.runSheds.get(r.spec.index) ?? 0 })),
    totalWithheldRackTicks: f.withheldRackTicks,
    unservedMwh: f.unservedMwh,
    pricePerMwhUsd: f.spec.pricePerMwhUsd,
  };
}
