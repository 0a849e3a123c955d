import type { TopLevelSpec } from 'vega-lite';
import { formatUsd } from '../format.js';
import { moneyUnit } from './money-unit.js';
import { accent, chartConfig, chartWidth } from './theme.js';

/** What one procurement option costs for the scenario's work. */
export interface OptionCost {
  option: string;
  /** lease, on-demand, reserved, block, spot, hybrid or own. */
  kind: string;
  usd: number;
  /** Share of the work it delivered (1: all of it). */
  deliveredShare: number;
  /** Whether it delivered all the work (in every replication, when there are several). */
  deliveredAll: boolean;
  /** A lease: the share of replications in which its lessor ended it (0 without the risk). */
  terminatedShare?: number;
}

/**
 * One bar per option in the given order: a solid bar for an option that delivered all the work,
 * a pale one (labelled with its share) for one that left some undone, whose lower cost buys less.
 */
export function optionCostChart(costs: readonly OptionCost[], axisTitle: string): TopLevelSpec {
  const { unit, divisor } = moneyUnit(costs.reduce((m, o) => Math.max(m, o.usd), 0));
  const values = costs.map((o) => ({
    option: o.option,
    usd: o.usd / divisor,
    label: `${formatUsd(o.usd)}${o.deliveredAll ? '' : ` · ${Math.round(o.deliveredShare * 100)}% of the work`}`,
    delivered: o.deliveredAll ? 'all the work' : 'work left undone',
  }));
  const y = { field: 'option', type: 'nominal' as const, title: null, sort: costs.map((o) => o.option), axis: { labelLimit: 220 } };
  const x = { field: 'usd', type: 'quantitative' as const, title: `${axisTitle} (USD ${unit})`, axis: { format: '$,~f' } };
  return {
    config: chartConfig,
    width: chartWidth - 260,
    height: costs.length * 26,
    data: { values },
    layer: [
      {
        name: 'option-costs',
        mark: { type: 'bar', height: 16 },
        encoding: { y, x, color: { field: 'delivered', type: 'nominal', title: null, scale: { domain: ['all the work', 'work left undone'], range: [accent, '#c3ccd5'] } } },
      },
      { mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#44505c' }, encoding: { y, x, text: { field: 'label' } } },
    ],
  } as TopLevelSpec;
}
