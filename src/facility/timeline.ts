import { createRng } from '../random/rng.js';
import { createSampler } from '../random/distributions.js';
import type { FacilitySpec } from './facility-spec.js';
import { synthesizeWeather, type WeatherSeries } from './weather.js';
import { typicalYearIndex, type TypicalYear } from './weather-file.js';
import { wetBulbFromDewPointC } from './psychrometrics.js';
import type { DemandResponseEvent } from './facility-spec.js';
import { drawHotAfternoons } from './hot-afternoons.js';

/**
 * Everything outside the cluster, hour by hour over the horizon, drawn once before the run:
 * outdoor conditions, grid contract, turbines in service, curtailments. Each stochastic process
 * has its own stream (`facility:weather:*`, `facility:turbine:<i>`, `facility:curtailments`), so
 * adding a turbine does not move the weather.
 */
export interface FacilityTimeline {
  hours: number;
  dryBulbC: Float64Array;
  wetBulbC: Float64Array;
  /** Grid + turbines in service - curtailment, before the battery. */
  supplyMw: Float64Array;
  /** The grid contract less curtailment, and the turbines in service: the two parts of supplyMw. */
  gridMw: Float64Array;
  turbinesMw: Float64Array;
  turbinesDown: Int32Array;
  curtailedMw: Float64Array;
  /** Demand-response events, given and drawn, in time order. */
  demandResponse: DemandResponseEvent[];
}

export function buildTimeline(f: FacilitySpec, startMinutes: number, hours: number, seed: number, replication: number): FacilityTimeline {
  const stream = (name: string) => createRng(seed, replication, `facility:${name}`);
  const weather = f.weather.typicalYear
    ? fromTypicalYear(f.weather.typicalYear, startMinutes, hours)
    : synthesizeWeather(f.weather.seededHeatWaves ? f.site : { ...f.site, heatWaves: { ...f.site.heatWaves, perYear: 0 } }, startMinutes, hours, {
        anomalies: stream('weather:anomalies'),
        heatWaves: stream('weather:heat-waves'),
      });
  const { dryBulbC, wetBulbC } = weather;
  for (const wave of f.weather.heatWaves) {
    for (let h = Math.max(0, wave.fromHour); h < Math.min(hours, wave.toHour); h += 1) {
      dryBulbC[h] = (dryBulbC[h] ?? 0) + wave.extraC;
      // A heat wave's air mass is humid too: the wet-bulb follows half the rise.
      wetBulbC[h] = Math.min(dryBulbC[h] ?? 0, (wetBulbC[h] ?? 0) + wave.extraC / 2);
    }
  }
  const turbinesDown = turbineOutages(f, hours, stream);
  const curtailedMw = curtailments(f, dryBulbC, hours, startMinutes, stream('curtailments'));
  const [supplyMw, gridMw, turbinesMw] = [new Float64Array(hours), new Float64Array(hours), new Float64Array(hours)];
  let step = 0;
  const steps = f.supply.gridSteps;
  const t = f.supply.turbines;
  for (let h = 0; h < hours; h += 1) {
    while (step + 1 < steps.length && (steps[step + 1]?.hour ?? Infinity) <= h) step += 1;
    gridMw[h] = Math.max(0, (steps[step]?.gridMw ?? 0) - (curtailedMw[h] ?? 0));
    turbinesMw[h] = (t.units - (turbinesDown[h] ?? 0)) * t.unitMw;
    supplyMw[h] = (gridMw[h] ?? 0) + (turbinesMw[h] ?? 0);
  }
  const demandResponse = demandResponseEvents(f, dryBulbC, hours, startMinutes, stream('demand-response'));
  return { hours, dryBulbC, wetBulbC, supplyMw, gridMw, turbinesMw, turbinesDown, curtailedMw, demandResponse };
}

/**
 * Events given, plus a Poisson number each year on hot afternoons (grid peaks are when operators
 * call them); two draws of the same afternoon make one event.
 */
function demandResponseEvents(f: FacilitySpec, dryBulbC: Float64Array, hours: number, startMinutes: number, rng: () => number): DemandResponseEvent[] {
  const dr = f.demandResponse;
  if (!dr) return [];
  const s = dr.seeded;
  const seeded =
    s.perYear > 0 ? [...new Set(drawHotAfternoons(dryBulbC, hours, startMinutes, s.perYear, rng))].map((hottest) => ({ fromHour: hottest - Math.floor(s.hours / 2), hours: s.hours, mw: s.mw, usdPerMwh: s.usdPerMwh, noticeMinutes: s.noticeMinutes })) : [];
  return [...dr.events, ...seeded].filter((e) => e.fromHour + e.hours > 0 && e.fromHour < hours).sort((a, b) => a.fromHour - b.fromHour || b.mw - a.mw);
}

/** Hour h of the horizon read from the file's typical year (its clock, Feb 29 as Feb 28). */
export function fromTypicalYear(year: TypicalYear, startMinutes: number, hours: number): WeatherSeries {
  const dryBulbC = new Float64Array(hours);
  const wetBulbC = new Float64Array(hours);
  for (let h = 0; h < hours; h += 1) {
    const k = typicalYearHour(year, startMinutes, h);
    dryBulbC[h] = year.dryBulbC[k] ?? NaN;
    wetBulbC[h] = year.wetBulbC[k] ?? wetBulbFromDewPointC(dryBulbC[h] ?? 0, dryBulbC[h] ?? 0);
  }
  return { startMinutes, dryBulbC, wetBulbC };
}

export function typicalYearHour(year: { utcOffsetHours: number }, startMinutes: number, h: number): number {
  const date = new Date((startMinutes + h * 60 + year.utcOffsetHours * 60) * 60_000);
  return typicalYearIndex(date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours());
}

/** Units out of service each hour: each unit alternates exponential up-times and drawn repairs. */
function turbineOutages(f: FacilitySpec, hours: number, stream: (name: string) => () => number): Int32Array {
  const down = new Int32Array(hours);
  const t = f.supply.turbines;
  const repair = createSampler(t.repairHours);
  for (let unit = 0; unit < t.units; unit += 1) {
    const rng = stream(`turbine:${unit}`);
    let h = 0;
    for (;;) {
      h += Math.round(-Math.log(1 - rng()) * t.mtbfHours);
      if (h >= hours) break;
      const end = Math.min(hours, h + Math.max(1, Math.round(repair(rng))));
      for (let k = h; k < end; k += 1) down[k] = (down[k] ?? 0) + 1;
      h = end;
    }
  }
  return down;
}

/**
 * Scheduled curtailments, plus seeded ones: each calendar year, a Poisson number of events, each
 * on one of the year's 14 hottest days in the series, centred on that day's hottest hour (grid
 * operators curtail large loads at peak demand, which in Memphis is a summer afternoon).
 */
function curtailments(f: FacilitySpec, dryBulbC: Float64Array, hours: number, startMinutes: number, rng: () => number): Float64Array {
  const mw = new Float64Array(hours);
  const add = (from: number, length: number, amount: number) => {
    for (let h = Math.max(0, from); h < Math.min(hours, from + length); h += 1) mw[h] = (mw[h] ?? 0) + amount;
  };
  for (const c of f.supply.curtailments) add(c.fromHour, c.hours, c.mw);
  const seeded = f.supply.seededCurtailments;
  if (seeded.perYear <= 0 || seeded.mw <= 0) return mw;
  for (const hottest of drawHotAfternoons(dryBulbC, hours, startMinutes, seeded.perYear, rng)) add(hottest - Math.floor(seeded.hours / 2), seeded.hours, seeded.mw);
  return mw;
}
