import type { TopLevelSpec } from 'vega-lite';
import type { RunCost } from './report-data.js';
import { formatUsd } from '../format.js';
import { chartConfig, chartWidth, optionColours } from './theme.js';
import { moneyUnit } from './money-unit.js';

/**
 * Cost of each run under each option, side by side; a whisker spans the 95% interval of the
 * mean when replications give one.
 */
export function runCostChart(costs: RunCost[]): TopLevelSpec {
  const runs = [...new Set(costs.map((c) => c.run))];
  const options = [...new Set(costs.map((c) => c.option))];
  const { unit, divisor } = moneyUnit(costs.reduce((m, c) => Math.max(m, c.highUsd ?? c.costUsd), 0));
  const scaled = (usd: number | null) => (usd === null ? null : usd / divisor);
  const values = costs.map((c) => ({ ...c, costMusd: scaled(c.costUsd), lowMusd: scaled(c.lowUsd), highMusd: scaled(c.highUsd), labelAtMusd: scaled(c.highUsd ?? c.costUsd), label: formatUsd(c.costUsd) }));
  const whiskers = values.filter((v) => v.lowMusd !== null && v.highMusd !== null);
  const y = { field: 'run', type: 'nominal' as const, title: null, sort: runs, axis: { labelLimit: 200 } };
  const yOffset = { field: 'option', type: 'nominal' as const, sort: options };
  const x = { type: 'quantitative' as const, title: `cost per run (USD ${unit})`, axis: { format: '$,~f' } };
  const layers: object[] = [
    {
      name: 'costs',
      mark: { type: 'bar' },
      encoding: {
        y, yOffset,
        x: { ...x, field: 'costMusd' },
        color: { field: 'option', type: 'nominal', title: null, sort: options, scale: { domain: options, range: options.map((_, i) => optionColours[i % optionColours.length]) } },
      },
    },
  ];
  layers.push({
    name: 'cost-labels',
    mark: { type: 'text', align: 'left', dx: 4, fontSize: 10, color: '#44505c' },
    encoding: { y, yOffset, x: { ...x, field: whiskers.length > 0 ? 'labelAtMusd' : 'costMusd' }, text: { field: 'label' } },
  });
  if (whiskers.length > 0) {
    layers.push({
      name: 'whiskers',
      transform: [{ filter: 'datum.lowMusd !== null' }],
      mark: { type: 'rule', color: '#1d2733', strokeWidth: 1.5 },
      encoding: { y, yOffset, x: { ...x, field: 'lowMusd' }, x2: { field: 'highMusd' } },
    });
  }
  return {
    name: 'run-costs',
    config: chartConfig,
    width: chartWidth - 120,
    height: runs.length * (14 * options.length + 14),
    data: { values },
    layer: layers,
  } as TopLevelSpec;
}

