import { siteCatalog } from '../catalog/sites.js';
import type { RackType } from '../catalog/racks.js';
import { parseIsoMinutes } from '../model/time.js';
import { facilityDefaults as d } from './defaults.js';
import type { FacilitySpec } from './facility-spec.js';
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
  const c = w.cooling ?? {};
  const plant = c.plant ?? 'air-chillers';
  const plantDefaults = d.cooling[plant];
  const site = {
    ...baseSite,
    designDryBulbC: c.designDryBulbC ?? baseSite.designDryBulbC,
    designWetBulbC: c.designWetBulbC ?? baseSite.designWetBulbC,
  };
  const rack = ctx.rack;
  const it = w.it ?? {};
  const idleKw = rack.idleItKw;
  const trainingKw = (it.trainingShareOfMax ?? d.trainingShareOfMax) * rack.maxItKw;
  // What a GPU cap cannot remove: the rack's max less its GPUs at TDP ([D] GB300: 136 - 72 x
  // 1.4 = 35.2 kW), never more than the training draw.
  const nonGpuKw = Math.min(trainingKw, it.nonGpuKwPerRack ?? Math.max(0, rack.maxItKw - (rack.gpusPerRack * rack.gpu.tdpW) / 1000));
  const s = w.supply;
  const gridSteps = [{ hour: 0, gridMw: s.gridMw }, ...(s.gridSteps ?? []).map((g) => ({ hour: hourOf(g.from), gridMw: g.gridMw }))];
  return {
    site,
    weather: {
      file: w.weather?.file ?? null,
      typicalYear: null,
      seededHeatWaves: w.weather?.seededHeatWaves ?? true,
      heatWaves: (w.weather?.heatWaves ?? []).map((h) => ({ fromHour: hourOf(h.from), toHour: hourOf(h.from) + h.days * 24, extraC: h.extraC })),
    },
    supply: {
      gridSteps,
      turbines: {
        units: s.turbines?.units ?? 0,
        unitMw: s.turbines?.unitMw ?? 0,
        mtbfHours: s.turbines?.mtbfHours ?? d.turbineMtbfHours,
        repairHours: toHours(s.turbines?.repairHours) ?? d.turbineRepairHours,
      },
      battery: {
        energyMwh: s.battery?.energyMwh ?? 0,
        powerMw: s.battery?.powerMw ?? 0,
        roundTripEfficiency: s.battery?.roundTripEfficiency ?? d.battery.roundTripEfficiency,
      },
      curtailments: (s.curtailments ?? []).map((k) => ({ fromHour: hourOf(k.from), hours: k.hours, mw: k.mw })),
      seededCurtailments: s.seededCurtailments ?? { perYear: 0, hours: 1, mw: 0 },
      rampMwPerMinute: s.rampMwPerMinute ?? Infinity,
    },
    it: {
      trainingKw,
      checkpointKw: it.checkpointShareOfMax === undefined ? idleKw : it.checkpointShareOfMax * rack.maxItKw,
      restartKw: it.restartShareOfMax === undefined ? idleKw : it.restartShareOfMax * rack.maxItKw,
      idleKw,
      nonGpuKw,
      overheadMwPerItMw: it.overheadMwPerItMw ?? d.overheadMwPerItMw,
      electricalLossShare: it.electricalLossShare ?? d.electricalLossShare,
      liquidShare: rack.liquidShare,
    },
    cooling: {
      plant,
      plantCapacityMw: c.plantCapacityMw ?? plantDefaults.plantCapacityMw,
      designC: plant === 'air-chillers' ? site.designDryBulbC : site.designWetBulbC,
      capacityLossPerC: c.capacityLossPerC ?? plantDefaults.capacityLossPerC,
      kwPerKwAtDesign: c.kwPerKwAtDesign ?? plantDefaults.kwPerKwAtDesign,
      kwPerKwChangePerC: c.kwPerKwChangePerC ?? plantDefaults.kwPerKwChangePerC,
      minKwPerKw: c.minKwPerKw ?? plantDefaults.minKwPerKw,
      cduCapacityKw: c.cduCapacityKw ?? d.cduCapacityKw,
      racksPerCdu: c.racksPerCdu ?? d.racksPerCdu,
      cduPumpKwPerKw: c.cduPumpKwPerKw ?? d.cduPumpKwPerKw,
      airKwPerKw: c.airKwPerKw ?? d.airKwPerKw,
    },
    policy: w.policy ?? d.policy,
    capExponent: w.capExponent ?? d.capExponent,
    minCapShare: w.minCapShare ?? d.minCapShare,
    pricePerMwhUsd: w.pricePerMwhUsd ?? d.pricePerMwhUsd,
  };
}

function toHours(h: NonNullable<WrittenFacility['supply']['turbines']>['repairHours']) {
  if (h === undefined) return undefined;
  if (typeof h === 'number') return { distribution: 'fixed' as const, value: h };
  return h;
}
