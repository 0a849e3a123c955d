import type { TopLevelSpec } from 'vega-lite';
import type { CloudPrice } from './report-data.js';
import { accent, chartConfig, warn } from './theme.js';
import { moneyUnit } from './money-unit.js';

export interface BreakEven {
  option: string;
  /** Utilization at which renting the same GPU-hours costs as much as the lease. */
  utilization: number;
}

/** Break-even utilization = lease paid / (available GPU-hours x cloud price per GPU-hour). */
export function breakEvens(leasePaidUsd: number, availableGpuHours: number, prices: CloudPrice[]): BreakEven[] {
  return prices.map((p) => ({ option: p.option, utilization: leasePaidUsd / (availableGpuHours * p.priceUsdPerGpuHour) }));
}

/**
 * Total cost against utilization: the lease is flat (paid whether used or not), a cloud grows
 * with the GPU-hours used; where a cloud line crosses the lease is its break-even point. The
 * scenario's own utilization is marked.
 */
export function breakEvenChart(leasePaidUsd: number, availableGpuHours: number, utilization: number, prices: CloudPrice[]): TopLevelSpec {
  const steps = [0, 0.25, 0.5, 0.75, 1];
  const maxPrice = Math.max(...prices.map((p) => p.priceUsdPerGpuHour));
  const { unit, divisor } = moneyUnit(Math.max(leasePaidUsd, availableGpuHours * maxPrice));
  const lines = [
    ...steps.map((u) => ({ option: 'lease', utilization: u, costBusd: leasePaidUsd / divisor })),
    ...prices.flatMap((p) => steps.map((u) => ({ option: p.option, utilization: u, costBusd: (u * availableGpuHours * p.priceUsdPerGpuHour) / divisor }))),
  ];
  const points = breakEvens(leasePaidUsd, availableGpuHours, prices)
    .filter((b) => b.utilization <= 1)
    .map((b) => ({ ...b, costBusd: leasePaidUsd / divisor, label: `${b.option}: ${(b.utilization * 100).toFixed(0)}%` }));
  const x = { field: 'utilization', type: 'quantitative' as const, title: 'utilization of the leased cluster', axis: { format: '.0%' }, scale: { domain: [0, 1] } };
  const y = { field: 'costBusd', type: 'quantitative' as const, title: `total cost over the term (USD ${unit})`, axis: { format: '$,~f' } };
  const names = ['lease', ...prices.map((p) => p.option)];
  return {
    name: 'break-even',
    config: chartConfig,
    width: 560,
    height: 300,
    layer: [
      { name: 'costs', data: { values: lines }, mark: { type: 'line', strokeWidth: 2 }, encoding: { x, y, color: { field: 'option', type: 'nominal', title: null, sort: names, scale: { domain: names, range: [accent, '#e0a526', '#2f7d4f', '#8e5ea2', '#c8423b'] } } } },
      { name: 'actual', data: { values: [{ utilization }] }, mark: { type: 'rule', strokeDash: [4, 3], color: '#5b6570' }, encoding: { x } },
      { name: 'actual-label', data: { values: [{ utilization, text: `this scenario: ${(utilization * 100).toFixed(0)}%` }] }, mark: { type: 'text', align: 'left', baseline: 'top', dx: 4, y: 4, fontSize: 10.5, color: '#5b6570' }, encoding: { x, text: { field: 'text' } } },
      { name: 'break-evens', data: { values: points }, mark: { type: 'point', filled: true, size: 70, color: warn }, encoding: { x, y } },
      { name: 'break-even-labels', data: { values: points }, mark: { type: 'text', align: 'left', dx: 8, dy: -8, fontSize: 11, color: '#1d2733' }, encoding: { x, y, text: { field: 'label' } } },
    ],
  } as TopLevelSpec;
}
