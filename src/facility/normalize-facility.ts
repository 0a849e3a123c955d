import { siteCatalog, type Site } from '../catalog/sites.js';
import type { RackType } from '../catalog/racks.js';
import { parseIsoMinutes } from '../model/time.js';
import { facilityDefaults as d } from './defaults.js';
import type { CampusSpec, CapLaw, CoolingSpec, FacilitySpec, ItPowerSpec, SupplySpec } from './facility-spec.js';
import { normalizeGrid } from './normalize-grid.js';
import type { WrittenFacility } from './schema.js';

export interface FacilityContext {
  startMinutes: number;
  rack: RackType;
  /** The lease's installed racks at most: its share of a campus written in racks. */
  racks: number;
}

/** WrittenFacility -> FacilitySpec: defaults applied, dates to hours of the horizon. Assumes the rules passed. */
export function normalizeFacility(w: WrittenFacility, ctx: FacilityContext): FacilitySpec {
  const hourOf = (iso: string) => Math.floor((parseIsoMinutes(iso) - ctx.startMinutes) / 60);
  const baseSite = siteCatalog[w.site ?? d.site];
  if (!baseSite) throw new Error(`unknown site ${w.site}`);
  const site: Site = {
    ...baseSite,
    designDryBulbC: w.cooling?.designDryBulbC ?? baseSite.designDryBulbC,
    designWetBulbC: w.cooling?.designWetBulbC ?? baseSite.designWetBulbC,
    designSource: w.cooling?.designDryBulbC === undefined && w.cooling?.designWetBulbC === undefined ? baseSite.designSource : 'given in the scenario (facility.cooling)',
  };
  const cooling = normalizeCooling(w.cooling ?? {}, site);
  const supply = normalizeSupply(w.supply, hourOf);
  const campus = normalizeCampus(w.campus, supply, cooling, hourOf, ctx.racks);
  const pricePerMwhUsd = w.pricePerMwhUsd ?? d.pricePerMwhUsd;
  return {
    site,
    weather: {
      file: w.weather?.file ?? null,
      typicalYear: null,
      seededHeatWaves: w.weather?.seededHeatWaves ?? true,
      heatWaves: (w.weather?.heatWaves ?? []).map((h) => ({ fromHour: hourOf(h.from), toHour: hourOf(h.from) + h.days * 24, extraC: h.extraC })),
    },
    supply: campus ? scaleSupply(supply, campus.supplyShare) : supply,
    it: normalizeIt(w.it ?? {}, ctx.rack),
    cooling: campus ? { ...cooling, plantCapacityMw: cooling.plantCapacityMw * campus.plantShare } : cooling,
    policy: w.policy ?? d.policy,
    capLaw: capLaw(w),
    minCapShare: w.minCapShare ?? d.minCapShare,
    pricePerMwhUsd,
    smoothing: w.smoothing ? { storeKjPerRack: w.smoothing.storeKjPerRack ?? d.smoothing.storeKjPerRack, rampKwPerSecond: w.smoothing.rampKwPerSecond ?? d.smoothing.rampKwPerSecond } : null,
    campus,
    ...normalizeGrid(w, site, pricePerMwhUsd, hourOf),
  };
}

/** The old power law when `capExponent` is written; otherwise the calibrated curve. */
function capLaw(w: WrittenFacility): CapLaw {
  if (w.capExponent !== undefined) return { kind: 'exponent', exponent: w.capExponent };
  const points = w.capCurve ?? d.capCurve;
  return { kind: 'curve', points: [...points].sort((a, b) => a[0] - b[0]) };
}

/** A lease's share of the campus: what it buys of the supply and the plant, or the others' load. */
function normalizeCampus(c: WrittenFacility['campus'], supply: SupplySpec, cooling: CoolingSpec, hourOf: (iso: string) => number, leaseRacks: number): CampusSpec | null {
  if (!c) return null;
  const turbines = supply.turbines.units * supply.turbines.unitMw;
  // A campus written in racks: the lease buys its racks' share of what the campus has.
  const byRacks = c.racks === undefined ? 1 : Math.min(1, leaseRacks / c.racks);
  return {
    supplyShare: c.supplyShare ?? byRacks,
    plantShare: c.plantShare ?? byRacks,
    campusSupplyMw: (supply.gridSteps[0]?.gridMw ?? 0) + turbines,
    campusPlantMw: cooling.plantCapacityMw,
    racks: c.racks ?? null,
    otherTenants: (c.otherTenants ?? []).map((t) => ({ name: t.name, itMw: t.itMw, fromHour: t.from === undefined ? 0 : Math.max(0, hourOf(t.from)) })),
  };
}

/** The lease's share of every source of supply: grid steps, turbine units, battery, curtailments. */
function scaleSupply(s: SupplySpec, share: number): SupplySpec {
  if (share === 1) return s;
  return {
    ...s,
    gridSteps: s.gridSteps.map((g) => ({ ...g, gridMw: g.gridMw * share })),
    turbines: { ...s.turbines, unitMw: s.turbines.unitMw * share },
    battery: { ...s.battery, energyMwh: s.battery.energyMwh * share, powerMw: s.battery.powerMw * share },
    curtailments: s.curtailments.map((k) => ({ ...k, mw: k.mw * share })),
    seededCurtailments: { ...s.seededCurtailments, mw: s.seededCurtailments.mw * share },
    rampMwPerMinute: s.rampMwPerMinute * share,
  };
}

function normalizeSupply(s: WrittenFacility['supply'], hourOf: (iso: string) => number): SupplySpec {
  const repair = s.turbines?.repairHours;
  return {
    gridSteps: [{ hour: 0, gridMw: s.gridMw }, ...(s.gridSteps ?? []).map((g) => ({ hour: hourOf(g.from), gridMw: g.gridMw }))],
    turbines: {
      units: s.turbines?.units ?? 0,
      unitMw: s.turbines?.unitMw ?? 0,
      mtbfHours: s.turbines?.mtbfHours ?? d.turbineMtbfHours,
      repairHours: repair === undefined ? d.turbineRepairHours : typeof repair === 'number' ? { distribution: 'fixed', value: repair } : repair,
    },
    battery: {
      energyMwh: s.battery?.energyMwh ?? 0,
      powerMw: s.battery?.powerMw ?? 0,
      roundTripEfficiency: s.battery?.roundTripEfficiency ?? d.battery.roundTripEfficiency,
    },
    curtailments: (s.curtailments ?? []).map((k) => ({ fromHour: hourOf(k.from), hours: k.hours, mw: k.mw })),
    seededCurtailments: s.seededCurtailments ?? { perYear: 0, hours: 1, mw: 0 },
    rampMwPerMinute: s.rampMwPerMinute ?? Infinity,
  };
}

function normalizeIt(it: NonNullable<WrittenFacility['it']>, rack: RackType): ItPowerSpec {
  const idleKw = rack.idleItKw;
  const trainingKw = (it.trainingShareOfMax ?? d.trainingShareOfMax) * rack.maxItKw;
  // What a GPU cap cannot remove: the rack's max less its GPUs at TDP ([D] GB300: 136 - 72 x
  // 1.4 = 35.2 kW), never more than the training draw.
  const nonGpuKw = Math.min(trainingKw, it.nonGpuKwPerRack ?? Math.max(0, rack.maxItKw - (rack.gpusPerRack * rack.gpu.tdpW) / 1000));
  return {
    trainingKw,
    checkpointKw: it.checkpointShareOfMax === undefined ? idleKw : it.checkpointShareOfMax * rack.maxItKw,
    restartKw: it.restartShareOfMax === undefined ? idleKw : it.restartShareOfMax * rack.maxItKw,
    idleKw,
    nonGpuKw,
    overheadMwPerItMw: it.overheadMwPerItMw ?? d.overheadMwPerItMw,
    electricalLossShare: it.electricalLossShare ?? d.electricalLossShare,
    liquidShare: rack.liquidShare,
  };
}

function normalizeCooling(c: NonNullable<WrittenFacility['cooling']>, site: Site): CoolingSpec {
  const plant = c.plant ?? 'air-chillers';
  const p = d.cooling[plant];
  return {
    plant,
    plantCapacityMw: c.plantCapacityMw ?? p.plantCapacityMw,
    designC: plant === 'air-chillers' ? site.designDryBulbC : site.designWetBulbC,
    capacityLossPerC: c.capacityLossPerC ?? p.capacityLossPerC,
    kwPerKwAtDesign: c.kwPerKwAtDesign ?? p.kwPerKwAtDesign,
    kwPerKwChangePerC: c.kwPerKwChangePerC ?? p.kwPerKwChangePerC,
    minKwPerKw: c.minKwPerKw ?? p.minKwPerKw,
    cduCapacityKw: c.cduCapacityKw ?? d.cduCapacityKw,
    racksPerCdu: c.racksPerCdu ?? d.racksPerCdu,
    cduPumpKwPerKw: c.cduPumpKwPerKw ?? d.cduPumpKwPerKw,
    airKwPerKw: c.airKwPerKw ?? d.airKwPerKw,
    water: { ...d.water, ...c.water },
  };
}
