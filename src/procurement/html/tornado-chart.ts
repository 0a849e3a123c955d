import type { TopLevelSpec } from 'vega-lite';
import { formatUsd } from '../../reports/format.js';
import { moneyUnit } from '../../reports/html/money-unit.js';
import { accent, chartConfig, chartWidth } from '../../reports/html/theme.js';
import type { Sensitivity } from '../sensitivity.js';

/**
 * A tornado: each parameter's bar spans the savings at its low and its high value, around the
 * base (the vertical line), widest swing on top. Savings = the alternative's cost - the lease's:
 * right of zero, the lease is cheaper.
 */
export function tornadoChart(s: Sensitivity): TopLevelSpec {
  const { unit, divisor } = moneyUnit(s.parameters.reduce((m, p) => Math.max(m, Math.abs(p.lowSavingsUsd), Math.abs(p.highSavingsUsd)), Math.max(1, Math.abs(s.baseSavingsUsd))));
  const order = s.parameters.map((p) => p.name);
  const values = s.parameters.flatMap((p) => [
    { parameter: p.name, at: `x ${s.lowFactor}`, from: s.baseSavingsUsd / divisor, to: p.lowSavingsUsd / divisor, label: formatUsd(p.lowSavingsUsd) },
    { parameter: p.name, at: `x ${s.highFactor}`, from: s.baseSavingsUsd / divisor, to: p.highSavingsUsd / divisor, label: formatUsd(p.highSavingsUsd) },
  ]);
  const y = { field: 'parameter', type: 'nominal' as const, title: null, sort: order, axis: { labelLimit: 200 } };
  const x = { type: 'quantitative' as const, title: `savings of ${s.lease} against ${s.against} (USD ${unit}); right of zero: the lease is cheaper`, axis: { format: '$,~f' } };
  return {
    config: chartConfig,
    width: chartWidth - 240,
    height: Math.max(1, s.parameters.length) * 30,
    layer: [
      {
        data: { values },
        mark: { type: 'bar', height: 18 },
        encoding: { y, x: { ...x, field: 'from' }, x2: { field: 'to' }, color: { field: 'at', type: 'nominal', title: 'parameter at', scale: { range: ['#7fa7d1', accent] } } },
      },
      { data: { values: [{ base: s.baseSavingsUsd / divisor }] }, mark: { type: 'rule', color: '#1d2733', strokeDash: [4, 3] }, encoding: { x: { ...x, field: 'base' } } },
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#9aa5b1' }, encoding: { x: { ...x, field: 'zero' } } },
    ],
  } as TopLevelSpec;
}
