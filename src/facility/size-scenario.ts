import type { Scenario } from '../scenario/scenario.js';
import { createRng } from '../random/rng.js';
import { parseIsoMinutes } from '../model/time.js';
import { synthesizeWeather, type WeatherSeries } from './weather.js';
import { percentileHour, sizeEnvelope, type EnvelopeBasis, type SizingAnswer, type SizingCase } from './size-envelope.js';
import { designConditions, designPoint } from './design-conditions.js';
import { otherTenantsItMw } from './campus-supply.js';
import { facilityDefaults } from './defaults.js';
import { describeCapLaw } from './cap-law.js';

export interface SizeOptions {
  envelopeMw: number | undefined;
  /** Whether the envelope is facility MW at the meter or IT (critical) MW. */
  basis: EnvelopeBasis;
  /** As a percentage of hours, in [50, 100): 99 = the hour warmer than 99% of hours. */
  percentile: number;
  years: number;
  seed: number;
  /** The uncertain inputs, each `path = value` at its median draw (nothing is drawn when sizing). */
  nominalInputs?: string[];
}

export type Sizing = ReturnType<typeof sizeScenario>;

/** "99.6th-percentile hour (exceeded by 0.4% of hours)". */
export function percentileLabel(percentile: number): string {
  const p = Number(percentile.toFixed(3));
  const exceeded = Number((100 - p).toFixed(3));
  const last = Number.isInteger(p) && Math.floor(p / 10) % 10 !== 1 ? p % 10 : 0;
  return `${p}${['th', 'st', 'nd', 'rd'][last] ?? 'th'}-percentile hour (exceeded by ${exceeded}% of hours)`;
}

/**
 * The sizing question for a scenario's facility, in the conventions planners use: the envelope
 * as facility MW or IT MW, with every source of supply (N) and with the largest turbine out (N-1,
 * firm capacity); on the design day (its hottest hour at the design dry- and wet-bulb) and at a
 * percentile hour of the site's weather; at the rack's full (max) IT power and at the scenario's
 * training draw. Each answer gives racks, GPUs, IT MW and facility MW; the answer carries the
 * design temperatures with their sources and every assumption.
 */
export function sizeScenario(s: Scenario, options: SizeOptions) {
  const f = s.facility;
  if (!f) throw new Error('sizeScenario needs a facility');
  const firstGrid = f.supply.gridSteps[0]?.gridMw ?? 0;
  const t = f.supply.turbines;
  // A campus share makes these fractions of the written megawatts: one decimal is a planner's precision.
  const mw = (x: number) => Number(x.toFixed(1));
  const envelopes: Array<{ supply: 'N' | 'N-1'; mw: number; description: string }> =
    options.envelopeMw !== undefined
      ? [{ supply: 'N', mw: options.envelopeMw, description: `${options.envelopeMw} MW ${options.basis === 'it' ? 'of IT (critical) load' : 'at the facility meter'}, given on the command line` }]
      : [
          { supply: 'N', mw: firstGrid + t.units * t.unitMw, description: `grid ${mw(firstGrid)} MW + ${t.units} turbines x ${mw(t.unitMw)} MW, all in service` },
          ...(t.units > 0 ? [{ supply: 'N-1' as const, mw: firstGrid + (t.units - 1) * t.unitMw, description: `grid ${mw(firstGrid)} MW + ${t.units - 1} of ${t.units} turbines: the largest unit out (firm capacity)` }] : []),
        ];
  const weather = weatherFor(s, options);
  const weatherName = f.weather.typicalYear ? `the weather file ${f.weather.file}` : `${options.years} years of the site's synthetic weather (seed ${options.seed})`;
  const hour = percentileHour(weather, options.percentile / 100);
  const design = { dryBulbC: f.site.designDryBulbC, wetBulbC: f.site.designWetBulbC };
  const pct = percentileLabel(options.percentile);
  const othersItMw = otherTenantsItMw(f.campus, Infinity);
  const cases: SizingCase[] = [];
  for (const e of envelopes) {
    for (const [draw, rackKw] of [
      ['full power', s.rack.maxItKw],
      ['training draw', f.it.trainingKw],
    ] as const) {
      cases.push({ label: `design day, ${draw}`, supply: e.supply, envelopeMw: e.mw, ...design, rackKw });
      cases.push({ label: `${pct}, ${draw}`, supply: e.supply, envelopeMw: e.mw, ...hour, rackKw });
    }
  }
  const answers: SizingAnswer[] = cases.map((c) => sizeEnvelope(f, s.rack, options.basis, othersItMw, c));
  return {
    scenario: s.name,
    rack: s.rack.id,
    envelopeMw: envelopes[0]?.mw ?? 0,
    envelopeBasis: options.basis,
    envelopes,
    percentile: options.percentile,
    designPoint: designPoint(f.site, weather),
    designConditions: designConditions(f.site, weather, weatherName),
    answers,
    assumptions: {
      envelope: envelopes.map((e) => `${e.supply}: ${e.description}`).join('; ') + '; battery excluded (it cannot sustain a design day)',
      basis: options.basis === 'it' ? 'IT (critical) MW: racks x rack draw x (1 + campus overhead); cooling and losses come on top' : 'facility MW at the meter: IT + cooling + losses',
      ...(f.campus
        ? {
            campus: f.campus.otherTenants.length > 0
              ? `other tenants take ${othersItMw} MW of IT (${f.campus.otherTenants.map((o) => o.name).join(', ')}) from the supply and the plant first`
              : `the lease buys ${mw(f.campus.supplyShare * 100)}% of the campus's ${mw(f.campus.campusSupplyMw)} MW of supply and ${mw(f.campus.plantShare * 100)}% of its ${mw(f.campus.campusPlantMw)} MW plant${f.campus.racks !== null ? ` (its ${s.cluster.maxRacks} racks of the ${f.campus.racks} the campus was built for)` : ''}`,
          }
        : {}),
      site: f.site.name,
      designDryBulbC: f.site.designDryBulbC,
      designWetBulbC: f.site.designWetBulbC,
      designSource: f.site.designSource,
      percentileWeather: f.weather.typicalYear ? `the weather file's ${f.weather.file} typical year` : `${options.years} years of synthetic ${f.site.id} weather, seed ${options.seed}${f.weather.seededHeatWaves ? ', heat waves included' : ''}`,
      rackMaxItKw: s.rack.maxItKw,
      rackTrainingKw: f.it.trainingKw,
      campusOverheadMwPerItMw: f.it.overheadMwPerItMw,
      electricalLossShare: f.it.electricalLossShare,
      plant: f.cooling.plant,
      plantCapacityMwAtDesign: f.cooling.plantCapacityMw,
      plantDesignC: f.cooling.designC,
      plantCapacityLossPerC: f.cooling.capacityLossPerC,
      plantKwPerKwAtDesign: f.cooling.kwPerKwAtDesign,
      plantKwPerKwChangePerC: f.cooling.kwPerKwChangePerC,
      cdu: `${f.cooling.racksPerCdu} racks per ${f.cooling.cduCapacityKw} kW CDU, pumps ${f.cooling.cduPumpKwPerKw} kW/kW; air share fans ${f.cooling.airKwPerKw} kW/kW`,
      liquidShare: f.it.liquidShare,
      capLaw: describeCapLaw(f.capLaw),
      defaultsFrom: 'src/facility/defaults.ts and src/catalog/sites.ts (each number with its source or argued assumption)',
      referenceFigure: `${facilityDefaults.site === f.site.id ? 'reference/hardware.md: ~919 GB300 racks at 150 MW with PUE 1.2 and no campus overhead [D]' : 'none'}`,

      ...(options.nominalInputs && options.nominalInputs.length > 0 ? { uncertainInputs: `each at its median draw: ${options.nominalInputs.join(', ')}` } : {}),
    },
  };
}

function weatherFor(s: Scenario, options: SizeOptions): WeatherSeries {
  const f = s.facility;
  if (!f) throw new Error('sizeScenario needs a facility');
  const year = f.weather.typicalYear;
  if (year) {
    const dry = year.dryBulbC.filter((t) => !Number.isNaN(t));
    const wet = year.wetBulbC.filter((t) => !Number.isNaN(t));
    return { startMinutes: 0, dryBulbC: dry, wetBulbC: wet };
  }
  const firstYear = Number(s.startIso.slice(0, 4));
  const start = parseIsoMinutes(`${firstYear}-01-01`);
  const hours = Math.round((parseIsoMinutes(`${firstYear + options.years}-01-01`) - start) / 60);
  const site = f.weather.seededHeatWaves ? f.site : { ...f.site, heatWaves: { ...f.site.heatWaves, perYear: 0 } };
  return synthesizeWeather(site, start, hours, {
    anomalies: createRng(options.seed, 0, 'facility:sizing:weather:anomalies'),
    heatWaves: createRng(options.seed, 0, 'facility:sizing:weather:heat-waves'),
  });
}
