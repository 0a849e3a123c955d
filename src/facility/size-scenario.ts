import type { Scenario } from '../scenario/scenario.js';
import { createRng } from '../random/rng.js';
import { parseIsoMinutes } from '../model/time.js';
import { synthesizeWeather, type WeatherSeries } from './weather.js';
import { percentileHour, sizeEnvelope, type SizingAnswer } from './size-envelope.js';
import { facilityDefaults } from './defaults.js';

export interface SizeOptions {
  envelopeMw: number | undefined;
  /** In (0, 1). */
  percentile: number;
  years: number;
  seed: number;
}

export type Sizing = ReturnType<typeof sizeScenario>;

/**
 * The sizing question for a scenario's facility: on the design day (its hottest hour is the
 * design dry-bulb and wet-bulb) and at a percentile hour of the site's weather, at the rack's
 * full (max) IT power and at the scenario's training draw. The answer carries its assumptions.
 */
export function sizeScenario(s: Scenario, options: SizeOptions) {
  const f = s.facility;
  if (!f) throw new Error('sizeScenario needs a facility');
  const firstGrid = f.supply.gridSteps[0]?.gridMw ?? 0;
  const turbinesMw = f.supply.turbines.units * f.supply.turbines.unitMw;
  const envelopeMw = options.envelopeMw ?? firstGrid + turbinesMw;
  const weather = weatherFor(s, options);
  const hour = percentileHour(weather, options.percentile);
  const design = { dryBulbC: f.site.designDryBulbC, wetBulbC: f.site.designWetBulbC };
  const pct = `${(options.percentile * 100).toFixed(1).replace(/\.0$/, '')}th-percentile hour`;
  const cases: SizingAnswer[] = [
    sizeEnvelope(f, s.rack, envelopeMw, { label: 'design day, full power', ...design, rackKw: s.rack.maxItKw }),
    sizeEnvelope(f, s.rack, envelopeMw, { label: `${pct}, full power`, ...hour, rackKw: s.rack.maxItKw }),
    sizeEnvelope(f, s.rack, envelopeMw, { label: 'design day, training draw', ...design, rackKw: f.it.trainingKw }),
    sizeEnvelope(f, s.rack, envelopeMw, { label: `${pct}, training draw`, ...hour, rackKw: f.it.trainingKw }),
  ];
  return {
    scenario: s.name,
    rack: s.rack.id,
    envelopeMw,
    answers: cases,
    assumptions: {
      envelope: options.envelopeMw === undefined ? `grid ${firstGrid} MW + ${f.supply.turbines.units} turbines x ${f.supply.turbines.unitMw} MW, all in service; battery excluded (it cannot sustain a design day)` : `${envelopeMw} MW given on the command line`,
      site: f.site.name,
      designDryBulbC: f.site.designDryBulbC,
      designWetBulbC: f.site.designWetBulbC,
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
      defaultsFrom: 'src/facility/defaults.ts (each number with its source or argued assumption)',
      referenceFigure: `${facilityDefaults.site === f.site.id ? 'reference/hardware.md: ~919 GB300 racks at 150 MW with PUE 1.2 and no campus overhead [D]' : 'none'}`,
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
