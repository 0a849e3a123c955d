import { max, min } from 'simple-statistics';
import type { TopLevelSpec } from 'vega-lite';
import { parseIsoMinutes } from '../../model/time.js';
import type { FacilityPoint } from './report-data.js';
import { timeAxis } from './time-axis.js';
import { accent, chartConfig, chartWidth, warn } from './theme.js';

const hourMs = 3_600_000;

interface Point {
  start: number;
  end: number;
  facilityMw: number;
  supplyMw: number;
  capped: boolean;
  outdoorC: number | null;
  pue: number | null;
}

/**
 * The facility's series as drawn: hourly over a few months; beyond that one point a day (the
 * day's peak draw, its lowest supply, its hottest hour, its mean PUE, capped if any hour was), so a
 * 42-month term stays a readable line and a page of modest size.
 */
export function facilityPoints(points: FacilityPoint[]): Point[] {
  const hourly = points.map((p) => {
    const start = parseIsoMinutes(p.start) * 60_000;
    return { ...p, start, end: start + hourMs };
  });
  if (hourly.length <= 24 * 120) return hourly;
  const days = new Map<number, Point[]>();
  for (const p of hourly) {
    const day = Math.floor(p.start / (24 * hourMs)) * 24 * hourMs;
    days.set(day, [...(days.get(day) ?? []), p]);
  }
  return [...days].map(([day, ps]) => {
    const known = (xs: Array<number | null>) => xs.filter((x): x is number => x !== null);
    const temperatures = known(ps.map((p) => p.outdoorC));
    const pues = known(ps.map((p) => p.pue));
    return {
      start: day,
      end: day + 24 * hourMs,
      facilityMw: max(ps.map((p) => p.facilityMw)),
      supplyMw: min(ps.map((p) => p.supplyMw)),
      capped: ps.some((p) => p.capped),
      outdoorC: temperatures.length > 0 ? max(temperatures) : null,
      pue: pues.length > 0 ? pues.reduce((a, x) => a + x, 0) / pues.length : null,
    };
  });
}

function xOf(values: Point[]) {
  const first = values[0]?.start ?? 0;
  const last = values[values.length - 1]?.end ?? first;
  return { field: 'start', type: 'temporal' as const, title: null, scale: { type: 'utc' as const, domain: [first, last] }, axis: timeAxis((last - first) / 60_000) };
}

/**
 * Facility power against the supply over the term; hours (or days) the facility had to cap or
 * shed training are shaded red behind the lines.
 */
export function facilityPowerChart(points: FacilityPoint[]): TopLevelSpec {
  const values = facilityPoints(points);
  const x = xOf(values);
  return {
    name: 'facility-power',
    config: chartConfig,
    width: chartWidth,
    height: 220,
    data: { values },
    layer: [
      { name: 'capped', transform: [{ filter: 'datum.capped' }], mark: { type: 'rect', color: warn, opacity: 0.25 }, encoding: { x, x2: { field: 'end' } } },
      { name: 'supply', mark: { type: 'line', color: '#5b6570', strokeDash: [4, 3], interpolate: 'step-after' }, encoding: { x, y: { field: 'supplyMw', type: 'quantitative', title: 'MW' } } },
      { name: 'demand', mark: { type: 'line', color: accent, strokeWidth: 1 }, encoding: { x, y: { field: 'facilityMw', type: 'quantitative' } } },
    ],
  } as TopLevelSpec;
}

/** Outdoor temperature (°C) and PUE on two axes over the same time line. */
export function weatherPueChart(points: FacilityPoint[]): TopLevelSpec | null {
  const values = facilityPoints(points).filter((p) => p.outdoorC !== null && p.pue !== null);
  if (values.length === 0) return null;
  const x = xOf(values);
  return {
    name: 'weather-pue',
    config: chartConfig,
    width: chartWidth,
    height: 200,
    data: { values },
    layer: [
      { name: 'temperature', mark: { type: 'line', color: '#e0a526', strokeWidth: 1 }, encoding: { x, y: { field: 'outdoorC', type: 'quantitative', title: 'outdoor °C', axis: { titleColor: '#b07d0a' } } } },
      { name: 'pue', mark: { type: 'line', color: accent, strokeWidth: 1 }, encoding: { x, y: { field: 'pue', type: 'quantitative', title: 'PUE', scale: { zero: false }, axis: { titleColor: accent } } } },
    ],
    resolve: { scale: { y: 'independent' } },
  } as TopLevelSpec;
}
