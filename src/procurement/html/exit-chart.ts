import type { TopLevelSpec } from 'vega-lite';
import { moneyUnit } from '../../reports/html/money-unit.js';
import { accent, chartConfig, chartWidth } from '../../reports/html/theme.js';

export interface ExitCost {
  noticeMonth: string;
  feesPaidUsd: number;
  feesSavedUsd: number;
}

/**
 * The exit clause's value: for notice given on the first of each month after the minimum term,
 * the fees paid until the notice runs out and the fees saved against the full term.
 */
export function exitChart(exits: readonly ExitCost[]): TopLevelSpec {
  const { unit, divisor } = moneyUnit(exits.reduce((m, e) => Math.max(m, e.feesPaidUsd, e.feesSavedUsd), 0));
  const values = exits.flatMap((e) => [
    { month: `${e.noticeMonth}-01`, what: 'fees paid until the lease ends', usd: e.feesPaidUsd / divisor },
    { month: `${e.noticeMonth}-01`, what: 'fees saved against the full term', usd: e.feesSavedUsd / divisor },
  ]);
  return {
    config: chartConfig,
    width: chartWidth - 120,
    height: 220,
    data: { values },
    mark: { type: 'line', point: { size: 20 }, strokeWidth: 2 },
    encoding: {
      x: { field: 'month', type: 'temporal', timeUnit: 'utcyearmonth', title: 'notice given on the first of', axis: { format: '%b %Y' } },
      y: { field: 'usd', type: 'quantitative', title: `USD ${unit}`, axis: { format: '$,~f' } },
      color: { field: 'what', type: 'nominal', title: null, scale: { range: [accent, '#2f7d4f'] } },
    },
  } as TopLevelSpec;
}
