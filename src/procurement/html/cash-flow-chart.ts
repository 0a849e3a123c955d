import type { TopLevelSpec } from 'vega-lite';
import { moneyUnit } from '../../reports/html/money-unit.js';
import { chartConfig, chartWidth, optionColours } from '../../reports/html/theme.js';
import type { ComparedOption } from '../compare.js';

/**
 * Cash paid out by each option, summed month by month over the term (nominal; an owner's resale
 * value comes back in the last month, so its line turns down there).
 */
export function cashFlowChart(options: readonly ComparedOption[]): TopLevelSpec {
  const series = options.map((o) => {
    let total = 0;
    return o.cashFlows.map((m) => ({ option: o.name, month: `${m.month}-01`, cumulative: (total += m.totalUsd) }));
  });
  const values = series.flat();
  const { unit, divisor } = moneyUnit(values.reduce((m, v) => Math.max(m, v.cumulative), 0));
  const names = options.map((o) => o.name);
  return {
    config: chartConfig,
    width: chartWidth - 330,
    height: 260,
    data: { values: values.map((v) => ({ ...v, cumulative: v.cumulative / divisor })) },
    mark: { type: 'line', point: { size: 16 }, strokeWidth: 2 },
    encoding: {
      x: { field: 'month', type: 'temporal', title: null, timeUnit: 'utcyearmonth', axis: { format: '%b %Y' } },
      y: { field: 'cumulative', type: 'quantitative', title: `cash paid so far (USD ${unit})`, axis: { format: '$,~f' } },
      color: { field: 'option', type: 'nominal', title: null, sort: names, scale: { domain: names, range: names.map((_, i) => optionColours[i % optionColours.length]) }, legend: { orient: 'right' } },
    },
  } as TopLevelSpec;
}
