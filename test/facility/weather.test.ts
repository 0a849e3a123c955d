import { describe, expect, it } from 'vitest';
import { siteCatalog, type Site } from '../../src/catalog/sites.js';
import { heatWaveCompensationC, localMonthOfHour, seasonalCurve, synthesizeWeather } from '../../src/facility/weather.js';
import { parseIsoMinutes } from '../../src/model/time.js';
import { createRng } from '../../src/random/rng.js';

const memphis = siteCatalog.memphis as Site;
const streams = (seed: number) => ({ anomalies: createRng(seed, 0, 'facility:weather:anomalies'), heatWaves: createRng(seed, 0, 'facility:weather:heat-waves') });
// Local midnight of 1 January: the generator's days are local days.
const startOf = (year: number) => parseIsoMinutes(`${year}-01-01`) - memphis.utcOffsetHours * 60;
const hoursBetween = (from: number, to: number) => Math.round((parseIsoMinutes(`${to}-01-01`) - parseIsoMinutes(`${from}-01-01`)) / 60);

function monthlyMeans(series: Float64Array, start: number): number[] {
  const sums = new Array<number>(12).fill(0);
  const counts = new Array<number>(12).fill(0);
  series.forEach((t, h) => {
    const m = localMonthOfHour(memphis, start, h);
    sums[m] = (sums[m] ?? 0) + t;
    counts[m] = (counts[m] ?? 0) + 1;
  });
  return sums.map((s, m) => s / (counts[m] ?? 1));
}

describe('synthetic weather', () => {
  it('reproduces the Memphis monthly normals within 0.5 °C over a century, for two seeds', () => {
    for (const seed of [1, 2]) {
      const start = startOf(2000);
      const w = synthesizeWeather(memphis, start, hoursBetween(2000, 2100), streams(seed));
      const means = monthlyMeans(w.dryBulbC, start);
      means.forEach((mean, m) => expect(Math.abs(mean - (memphis.monthlyMeanC[m] ?? 0)), `seed ${seed} month ${m + 1}`).toBeLessThan(0.5));
    }
  });

  it('is identical for the same seed and differs for another', () => {
    const start = startOf(2027);
    const a = synthesizeWeather(memphis, start, 24 * 365, streams(7));
    const b = synthesizeWeather(memphis, start, 24 * 365, streams(7));
    const c = synthesizeWeather(memphis, start, 24 * 365, streams(8));
    expect(Array.from(a.dryBulbC)).toEqual(Array.from(b.dryBulbC));
    expect(Array.from(a.wetBulbC)).toEqual(Array.from(b.wetBulbC));
    expect(Array.from(a.dryBulbC)).not.toEqual(Array.from(c.dryBulbC));
  });

  it('the seasonal curve keeps each monthly mean, summer peak and winter trough included', () => {
    const curve = seasonalCurve(memphis);
    const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let first = 0;
    days.forEach((n, m) => {
      const mean = Array.from(curve.slice(first, first + n)).reduce((s, v) => s + v, 0) / n;
      expect(mean).toBeCloseTo(memphis.monthlyMeanC[m] ?? 0, 6);
      first += n;
    });
  });

  it('is warmest in the mid-afternoon and coolest before dawn, by about the daily range', () => {
    const start = startOf(2027);
    const w = synthesizeWeather({ ...memphis, heatWaves: { ...memphis.heatWaves, perYear: 0 } }, start, 24 * 365, streams(3));
    const byHour = new Array<number>(24).fill(0);
    w.dryBulbC.forEach((t, h) => (byHour[h % 24] = (byHour[h % 24] ?? 0) + t / 365));
    const warmest = byHour.indexOf(Math.max(...byHour));
    const coolest = byHour.indexOf(Math.min(...byHour));
    expect(warmest).toBe(14); // 14:00-15:00 local
    expect(coolest).toBe(2);
    expect(Math.max(...byHour) - Math.min(...byHour)).toBeGreaterThan(9);
    expect(Math.max(...byHour) - Math.min(...byHour)).toBeLessThan(11);
  });

  it('heat waves warm their summer window and are taken out of its baseline, so the mean is unchanged in expectation', () => {
    const h = memphis.heatWaves;
    // Each window day is covered with probability D / (W + D - 1); by hand for D = 3..7, W = 92.
    const w = h.toDayOfYear - h.fromDayOfYear + 1;
    const byHand = (h.perYear * h.extraC * [3, 4, 5, 6, 7].reduce((s, d) => s + d / (w + d - 1), 0)) / 5;
    expect(heatWaveCompensationC(h)).toBeCloseTo(byHand, 12);
    const start = startOf(2000);
    const hot = synthesizeWeather({ ...memphis, heatWaves: { ...h, perYear: 4, extraC: 8 } }, start, hoursBetween(2000, 2060), streams(5));
    const means = monthlyMeans(hot.dryBulbC, start);
    for (const m of [5, 6, 7]) expect(Math.abs((means[m] ?? 0) - (memphis.monthlyMeanC[m] ?? 0))).toBeLessThan(0.5);
    const mild = synthesizeWeather({ ...memphis, heatWaves: { ...h, perYear: 0 } }, start, hoursBetween(2000, 2060), streams(5));
    const hottest = (series: Float64Array) => series.reduce((m, t) => Math.max(m, t), -Infinity);
    expect(hottest(hot.dryBulbC)).toBeGreaterThan(hottest(mild.dryBulbC) + 4);
  });

  it('keeps the wet-bulb at or below the dry-bulb', () => {
    const w = synthesizeWeather(memphis, startOf(2027), 24 * 365, streams(4));
    w.wetBulbC.forEach((wet, h) => expect(wet).toBeLessThanOrEqual((w.dryBulbC[h] ?? 0) + 1e-9));
  });
});
