import { siteCatalog, type Site } from '../catalog/sites.js';
import type { RackType } from '../catalog/racks.js';
import { parseIsoMinutes } from '../model/time.js';
import { facilityDefaults as d } from './defaults.js';
import type { CoolingSpec, FacilitySpec, ItPowerSpec, SupplySpec } from './facility-spec.js';
import type { WrittenFacility } from './schema.js';

export interface FacilityContext {
  startMinutes: number;
  rack: RackType;
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
  };
  return {
    site,
    weather: {
      file: w.weather?.file ?? null,
      typicalYear: null,
      seededHeatWaves: w.weather?.seededHeatWaves ?? true,
      heatWaves: (w.weather?.heatWaves ?? []).map((h) => ({ fromHour: hourOf(h.from), toHour: hourOf(h.from) + h.days * 24, extraC: h.extraC })),
    },
    supply: normalizeSupply(w.supply, hourOf),
    it: normalizeIt(w.it ?? {}, ctx.rack),
    cooling: normalizeCooling(w.cooling ?? {}, site),
    policy: w.policy ?? d.policy,
    capExponent: w.capExponent ?? d.capExponent,
    minCapShare: w.minCapShare ?? d.minCapShare,
    pricePerMwhUsd: w.pricePerMwhUsd ?? d.pricePerMwhUsd,
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
  };
}
