import { probit } from 'simple-statistics';
import type { HeatWaveClimate, Site } from '../catalog/sites.js';
import type { Rng } from '../random/rng.js';
import { wetBulbFromDewPointC } from './psychrometrics.js';

/** Hourly outdoor conditions: hour i covers [startMinutes + 60 i, startMinutes + 60 (i + 1)). */
export interface WeatherSeries {
  startMinutes: number;
  dryBulbC: Float64Array;
  wetBulbC: Float64Array;
}

export interface WeatherStreams {
  anomalies: Rng;
  heatWaves: Rng;
}

const minutesPerDay = 24 * 60;
const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
// Local hour of the daily maximum: mid-afternoon, the usual time at inland sites.
const peakLocalHour = 15;

/**
 * A seeded synthetic hourly series calibrated to a site's normals: a smooth seasonal curve whose
 * monthly means equal the normals, plus a persistent day-to-day anomaly (AR(1), mean zero), plus
 * summer heat waves (their expected warming is taken out of the seasonal curve so the monthly
 * means stay calibrated), plus a diurnal cosine of the month's daily range, peaking at 15:00
 * local time. Days are local days.
 */
export function synthesizeWeather(site: Site, startMinutes: number, hours: number, streams: WeatherStreams): WeatherSeries {
  const offsetMinutes = site.utcOffsetHours * 60;
  const firstDay = Math.floor((startMinutes + offsetMinutes) / minutesPerDay);
  const lastDay = Math.floor((startMinutes + offsetMinutes + hours * 60 - 1) / minutesPerDay);
  const dayCount = lastDay - firstDay + 1;
  const normal = seasonalCurve(site);
  const heatWave = heatWaveDays(site.heatWaves, firstDay, dayCount, streams.heatWaves);
  const compensation = heatWaveCompensationC(site.heatWaves);

  const dayMeanC = new Float64Array(dayCount);
  const dayDewC = new Float64Array(dayCount);
  const dayRangeC = new Float64Array(dayCount);
  const phi = site.anomalyPersistence;
  let anomaly = NaN;
  for (let d = 0; d < dayCount; d += 1) {
    const { month, dayOfYear } = calendarDay(firstDay + d);
    const sd = site.dailyAnomalySdC[month] ?? 0;
    const z = probit(clampOpen(streams.anomalies()));
    anomaly = Number.isNaN(anomaly) ? sd * z : phi * anomaly + Math.sqrt(1 - phi * phi) * sd * z;
    const inWindow = dayOfYear >= site.heatWaves.fromDayOfYear && dayOfYear <= site.heatWaves.toDayOfYear;
    const extra = (heatWave[d] ?? 0) - (inWindow ? compensation : 0);
    dayMeanC[d] = (normal[dayOfYear - 1] ?? 0) + anomaly + extra;
    // Humid air masses persist with the heat: the dew point follows half the anomaly.
    dayDewC[d] = (site.monthlyDewPointC[month] ?? 0) + 0.5 * (anomaly + extra);
    dayRangeC[d] = site.dailyRangeC[month] ?? 0;
  }

  const dryBulbC = new Float64Array(hours);
  const wetBulbC = new Float64Array(hours);
  for (let h = 0; h < hours; h += 1) {
    const local = startMinutes + offsetMinutes + h * 60;
    const d = Math.floor(local / minutesPerDay) - firstDay;
    const localHour = (local % minutesPerDay) / 60;
    const swing = ((dayRangeC[d] ?? 0) / 2) * Math.cos((2 * Math.PI * (localHour + 0.5 - peakLocalHour)) / 24);
    const t = (dayMeanC[d] ?? 0) + swing;
    dryBulbC[h] = t;
    wetBulbC[h] = wetBulbFromDewPointC(t, dayDewC[d] ?? t);
  }
  return { startMinutes, dryBulbC, wetBulbC };
}

/**
 * The daily normal for each day of a 365-day year: piecewise linear through one anchor per
 * month, the anchors adjusted until each month's mean of the curve equals its normal (a linear
 * curve through the normals themselves would shave the summer peak and the winter trough).
 */
export function seasonalCurve(site: Site): Float64Array {
  const mids: number[] = [];
  let dayStart = 0;
  for (const n of daysInMonth) {
    mids.push(dayStart + (n - 1) / 2);
    dayStart += n;
  }
  const anchors = [...site.monthlyMeanC];
  const curve = new Float64Array(365);
  for (let iteration = 0; iteration < 50; iteration += 1) {
    fillCurve(curve, mids, anchors);
    let first = 0;
    daysInMonth.forEach((n, m) => {
      let total = 0;
      for (let d = first; d < first + n; d += 1) total += curve[d] ?? 0;
      anchors[m] = (anchors[m] ?? 0) + ((site.monthlyMeanC[m] ?? 0) - total / n);
      first += n;
    });
  }
  fillCurve(curve, mids, anchors);
  return curve;
}

function fillCurve(curve: Float64Array, mids: number[], anchors: number[]): void {
  for (let d = 0; d < 365; d += 1) {
    // The year wraps: December's anchor sits before January's, one year earlier.
    let k = mids.findIndex((m) => m > d);
    if (k === -1) k = 12;
    const prevIndex = (k + 11) % 12;
    const nextIndex = k % 12;
    const prevDay = (mids[prevIndex] ?? 0) - (k === 0 ? 365 : 0);
    const nextDay = (mids[nextIndex] ?? 0) + (k === 12 ? 365 : 0);
    const w = (d - prevDay) / (nextDay - prevDay);
    curve[d] = (anchors[prevIndex] ?? 0) * (1 - w) + (anchors[nextIndex] ?? 0) * w;
  }
}

/**
 * Expected warming a heat wave adds to a day of its window. A wave of D days starts uniformly on
 * one of the W + D - 1 days that make it overlap the window, so each window day is covered with
 * probability D / (W + D - 1), whatever its place.
 */
export function heatWaveCompensationC(h: HeatWaveClimate): number {
  const w = h.toDayOfYear - h.fromDayOfYear + 1;
  let expected = 0;
  const lengths = h.maxDays - h.minDays + 1;
  for (let d = h.minDays; d <= h.maxDays; d += 1) expected += d / (w + d - 1) / lengths;
  return h.perYear * h.extraC * expected;
}

/** Extra °C on each day of the series from heat waves, drawn year by year. */
function heatWaveDays(h: HeatWaveClimate, firstDay: number, dayCount: number, rng: Rng): Float64Array {
  const extra = new Float64Array(dayCount);
  const firstYear = calendarDay(firstDay).year;
  const lastYear = calendarDay(firstDay + dayCount - 1).year;
  for (let year = firstYear; year <= lastYear; year += 1) {
    const yearStart = Date.UTC(year, 0, 1) / 86_400_000;
    const waves = poisson(h.perYear, rng);
    for (let i = 0; i < waves; i += 1) {
      const length = h.minDays + Math.floor(rng() * (h.maxDays - h.minDays + 1));
      const window = h.toDayOfYear - h.fromDayOfYear + 1;
      const start = h.fromDayOfYear - length + 1 + Math.floor(rng() * (window + length - 1));
      for (let k = 0; k < length; k += 1) {
        const dayOfYear = start + k;
        if (dayOfYear < h.fromDayOfYear || dayOfYear > h.toDayOfYear) continue;
        const index = yearStart + dayOfYear - 1 - firstDay;
        if (index >= 0 && index < dayCount) extra[index] = (extra[index] ?? 0) + h.extraC;
      }
    }
  }
  return extra;
}

/** Calendar month (0-11), day of year on a 365-day calendar (Feb 29 counts as Feb 28), year. */
function calendarDay(day: number): { month: number; dayOfYear: number; year: number } {
  const date = new Date(day * 86_400_000);
  const month = date.getUTCMonth();
  const dayOfMonth = Math.min(date.getUTCDate(), daysInMonth[month] ?? 31);
  let dayOfYear = dayOfMonth;
  for (let m = 0; m < month; m += 1) dayOfYear += daysInMonth[m] ?? 0;
  return { month, dayOfYear, year: date.getUTCFullYear() };
}

/** Inverse-transform Poisson draw: one uniform per draw keeps streams paired. */
function poisson(mean: number, rng: Rng): number {
  const u = rng();
  let k = 0;
  let p = Math.exp(-mean);
  let cumulative = p;
  while (u > cumulative && k < 1000) {
    k += 1;
    p *= mean / k;
    cumulative += p;
  }
  return k;
}

function clampOpen(u: number): number {
  return Math.min(Math.max(u, 1e-12), 1 - 1e-12);
}

/** Local calendar month (0-11) of hour `h` of a series: for grouping and tests. */
export function localMonthOfHour(site: Site, startMinutes: number, h: number): number {
  return new Date((startMinutes + site.utcOffsetHours * 60 + h * 60) * 60_000).getUTCMonth();
}
