import type { TopLevelSpec } from 'vega-lite';
import type { FacilityPoint } from './report-data.js';
import { accent, chartConfig, chartWidth, warn } from './theme.js';

/**
 * Facility power against the supply over the term; hours the facility had to cap or shed are
 * shaded red behind the lines.
 */
export function facilityPowerChart(points: FacilityPoint[]): TopLevelSpec {
  const values = points.map((p) => ({ start: Date.parse(`${p.start}Z`), facilityMw: p.facilityMw, supplyMw: p.supplyMw, capped: p.capped }));
  const x = { field: 'start', type: 'temporal' as const, title: null, scale: { type: 'utc' as const } };
  return {
    name: 'facility-power',
    config: chartConfig,
    width: chartWidth,
    height: 220,
    data: { values },
    layer: [
      { name: 'capped', transform: [{ filter: 'datum.capped' }], mark: { type: 'rule', color: warn, opacity: 0.35 }, encoding: { x } },
      { name: 'supply', mark: { type: 'line', color: '#5b6570', strokeDash: [4, 3], interpolate: 'step-after' }, encoding: { x, y: { field: 'supplyMw', type: 'quantitative', title: 'MW' } } },
      { name: 'demand', mark: { type: 'line', color: accent, strokeWidth: 1 }, encoding: { x, y: { field: 'facilityMw', type: 'quantitative' } } },
    ],
  } as TopLevelSpec;
}

/** Outdoor temperature (°C) and PUE on two axes over the same time line. */
export function weatherPueChart(points: FacilityPoint[]): TopLevelSpec | null {
  const values = points.filter((p) => p.outdoorC !== null && p.pue !== null).map((p) => ({ start: Date.parse(`${p.start}Z`), outdoorC: p.outdoorC, pue: p.pue }));
  if (values.length === 0) return null;
  const x = { field: 'start', type: 'temporal' as const, title: null, scale: { type: 'utc' as const } };
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
