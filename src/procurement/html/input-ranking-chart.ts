import type { TopLevelSpec } from 'vega-lite';
import { accent, chartConfig, chartWidth } from '../../reports/html/theme.js';

export interface InputShare {
  path: string;
  /** Squared Spearman rank correlation with the difference: the share of its variance the input explains. */
  varianceShare: number;
  /** The sign of the correlation: does the difference grow with the input? */
  direction: 'grows' | 'falls';
}

/** The uncertain inputs by how much of the deciding difference's variance each explains, largest first. */
export function inputRankingChart(shares: readonly InputShare[], difference: string): TopLevelSpec {
  const order = [...shares].sort((a, b) => b.varianceShare - a.varianceShare).map((s) => s.path);
  const y = { field: 'path', type: 'nominal' as const, title: null, sort: order, axis: { labelLimit: 260 } };
  const x = { field: 'varianceShare', type: 'quantitative' as const, title: `share of the variance of ${difference} (squared rank correlation)`, scale: { domain: [0, 1] }, axis: { format: '.0%' } };
  return {
    config: chartConfig,
    width: chartWidth - 320,
    height: Math.max(1, shares.length) * 26,
    data: { values: shares.map((s) => ({ ...s, label: `${Math.round(s.varianceShare * 100)}% · the difference ${s.direction} with it` })) },
    layer: [
      { mark: { type: 'bar', height: 16, color: accent }, encoding: { y, x } },
      { mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#44505c' }, encoding: { y, x, text: { field: 'label' } } },
    ],
  } as TopLevelSpec;
}
