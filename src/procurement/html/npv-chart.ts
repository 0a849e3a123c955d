import type { TopLevelSpec } from 'vega-lite';
import { formatUsd } from '../../reports/format.js';
import { moneyUnit } from '../../reports/html/money-unit.js';
import { accent, chartConfig, chartWidth } from '../../reports/html/theme.js';
import type { ComparedOption } from '../compare.js';

/**
 * Net present value of each option, in rank order: a solid bar for an option that delivered all
 * the work in every replication, a pale one for an option that left some undone (its NPV buys
 * less work, so it ranks after those that finish).
 */
export function npvChart(ranked: readonly ComparedOption[]): TopLevelSpec {
  const { unit, divisor } = moneyUnit(Math.max(0, ...ranked.map((o) => o.npvUsd)));
  const values = ranked.map((o) => ({
    option: o.name,
    npv: o.npvUsd / divisor,
    label: `${formatUsd(o.npvUsd)}${o.deliveredAllShare < 1 ? ` · ${Math.round(o.deliveredShare * 100)}% of the work` : ''}`,
    delivered: o.deliveredAllShare >= 1 ? 'all the work' : 'work left undone',
  }));
  const y = { field: 'option', type: 'nominal' as const, title: null, sort: ranked.map((o) => o.name), axis: { labelLimit: 220 } };
  const x = { field: 'npv', type: 'quantitative' as const, title: `net present value (USD ${unit})`, axis: { format: '$,~f' } };
  return {
    config: chartConfig,
    width: chartWidth - 260,
    height: ranked.length * 26,
    data: { values },
    layer: [
      {
        mark: { type: 'bar', height: 16 },
        encoding: { y, x, color: { field: 'delivered', type: 'nominal', title: null, scale: { domain: ['all the work', 'work left undone'], range: [accent, '#c3ccd5'] } } },
      },
      { mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#44505c' }, encoding: { y, x, text: { field: 'label' } } },
    ],
  } as TopLevelSpec;
}
