import type { RunState } from '../engine/state.js';
import type { FacilitySimState } from './facility-state.js';
import type { CampusSpec, CapLaw, DemandResponseEvent } from './facility-spec.js';
import { facilityPerRackItMw } from './facility-power.js';
import { plantOutdoorC } from './cooling.js';
import { otherTenantsItMw } from './campus-supply.js';
import { hourFlows } from './hour-flows.js';
import { closeHour, hourInputs, type RunLedger } from './run-ledger.js';
import type { SwingTally } from './swings.js';
import type { RackRamp } from './smoothing.js';
import { describeTariff, hourlyTariff } from './tariff.js';

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
  /** 1 for an hour in which demand after the policy exceeded the supply at the same moment. */
  short: Float64Array;
  peakHeatMw: Float64Array;
  plantCapacityMw: Float64Array;
  peakRackKw: Float64Array;
  /** Largest whole-run step in facility power within the hour: the dips the hourly mean hides. */
  swingMw: Float64Array;
  /** Facility power that rack smoothing burned (ramping down slowly), part of facilityMw. */
  smoothingBurnMw: Float64Array;
  /** What the lease drew from the grid and the turbines, and what that emitted; tower water drawn. */
  gridDrawMw: Float64Array;
  turbineDrawMw: Float64Array;
  gridCarbonKg: Float64Array;
  turbineCarbonKg: Float64Array;
  waterLiters: Float64Array;
  /** The grid left for the lease before a demand-response limit, and the limit (Infinity: none). */
  leaseGridMw: Float64Array;
  gridLimitMw: Float64Array;
  /** The other tenants' facility power (campus with several tenants; zeros otherwise). */
  otherTenantsMw: Float64Array;
  /** The tariff's price of each hour, and whether the hour counts for the demand charge. */
  priceUsdPerMwh: Float64Array;
  demandHour: Uint8Array;
  demandUsdPerKwMonth: number;
  tariff: string;
  sheds: number;
  swings: SwingTally;
  /** Rack smoothing as resolved (an infinite ramp: none). */
  ramp: RackRamp;
  capLaw: CapLaw;
  campus: CampusSpec | null;
  carbonSource: string;
  /** Demand-response events in time order: what was asked, whether the facility took it, what it lost. */
  demandResponse: Array<{ event: DemandResponseEvent; status: string; baselineGridMw: number; gpusAtStart: number; lossRackTicks: number; expectedLossUsd: number }> | null;
  /** Each run's share of energy, CO2 and water, in run order (runs that drew). */
  runLedgers: Array<{ name: string; gpus: number } & RunLedger>;
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
  const scenario = state.scenario;
  closeHour(f, scenario.horizonTicks);
  const t = f.timeline;
  const h = f.hourly;
  const n = t.hours;
  const series = () => new Float64Array(n);
  const [hourTicks, itMw, coolingMw, lossesMw, facilityMw, batteryMw, pue, burnMw] = [series(), series(), series(), series(), series(), series(), series(), series()];
  const [gridDrawMw, turbineDrawMw, gridCarbonKg, turbineCarbonKg, waterLiters, otherTenantsMw] = [series(), series(), series(), series(), series(), series()];
  const { priceUsdPerMwh, demandHour } = hourlyTariff(f.spec, scenario.startMinutes, n);
  for (let i = 0; i < n; i += 1) {
    const ticks = Math.min(f.ticksPerHour, scenario.horizonTicks - i * f.ticksPerHour);
    const x = hourInputs(f, scenario.horizonTicks, i);
    const flows = hourFlows(f.spec, x);
    const p = flows.power;
    const perRackIt = facilityPerRackItMw(f.spec.it, f.spec.cooling, plantOutdoorC(f.spec.cooling, x.dryBulbC, x.wetBulbC));
    hourTicks[i] = ticks;
    itMw[i] = p.itMw;
    coolingMw[i] = p.coolingMw;
    lossesMw[i] = p.lossesMw;
    facilityMw[i] = p.facilityMw;
    batteryMw[i] = x.batteryMw;
    pue[i] = p.itMw > 0 ? p.facilityMw / p.itMw : 0;
    burnMw[i] = ((h.burnMwTicks[i] ?? 0) / ticks) * perRackIt;
    gridDrawMw[i] = flows.gridDrawMw;
    turbineDrawMw[i] = flows.turbineDrawMw;
    gridCarbonKg[i] = flows.gridCarbonKg;
    turbineCarbonKg[i] = flows.turbineCarbonKg;
    waterLiters[i] = flows.waterLiters;
    otherTenantsMw[i] = (otherTenantsItMw(f.spec.campus, i) * perRackIt) / (1 + f.spec.it.overheadMwPerItMw);
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
    supplyMw: Float64Array.from(h.leaseGridMw, (grid, i) => Math.min(grid, h.gridLimitMw[i] ?? Infinity) + (h.leaseTurbinesMw[i] ?? 0)),
    batteryMw,
    pue,
    capShare: h.minCapShare,
    cappedTicks: h.cappedTicks,
    withheldRackTicks: h.withheldRackTicks,
    peakDemandMw: h.peakDemandMw,
    availableMw: h.availableMw,
    short: h.short,
    peakHeatMw: h.peakHeatMw,
    plantCapacityMw: h.plantCapacityMw,
    peakRackKw: h.peakRackKw,
    swingMw: h.swingMw,
    smoothingBurnMw: burnMw,
    gridDrawMw,
    turbineDrawMw,
    gridCarbonKg,
    turbineCarbonKg,
    waterLiters,
    leaseGridMw: h.leaseGridMw,
    gridLimitMw: h.gridLimitMw,
    otherTenantsMw,
    priceUsdPerMwh,
    demandHour,
    demandUsdPerKwMonth: f.spec.tariff?.demandUsdPerKwMonth ?? 0,
    tariff: describeTariff(f.spec),
    sheds: f.sheds,
    swings: f.swings,
    ramp: f.ramp,
    capLaw: f.spec.capLaw,
    campus: f.spec.campus,
    carbonSource: f.spec.carbon.hourlyKgCo2PerMwh ? `hourly file ${f.spec.carbon.file}` : f.spec.carbon.source,
    demandResponse: f.dr ? f.dr.events.map((e) => ({ ...e })) : f.spec.demandResponse ? [] : null,
    runLedgers: state.runs.flatMap((r: RunState) => {
      const ledger = f.runLedger.get(r.spec.index);
      return ledger ? [{ name: r.spec.name, gpus: r.spec.gpus, ...ledger }] : [];
    }),
    cappedLossRackTicks: f.cappedLossRackTicks,
    heldBackRuns: state.runs
      .filter((r) => f.runCappedLossRackTicks.has(r.spec.index) || f.runSheds.has(r.spec.index))
      .map((r) => ({ name: r.spec.name, cappedLossRackTicks: f.runCappedLossRackTicks.get(r.spec.index) ?? 0, sheds: f.runSheds.get(r.spec.index) ?? 0 })),
    totalWithheldRackTicks: f.withheldRackTicks,
    unservedMwh: f.unservedMwh,
    pricePerMwhUsd: f.spec.pricePerMwhUsd,
  };
}
