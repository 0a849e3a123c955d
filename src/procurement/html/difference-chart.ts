import type { TopLevelSpec } from 'vega-lite';
import { formatUsd } from '../../reports/format.js';
import { moneyUnit } from '../../reports/html/money-unit.js';
import { accent, chartConfig, chartWidth, warn } from '../../reports/html/theme.js';
import type { ComparedOption } from '../compare.js';

/**
 * Each option's NPV minus the baseline's, paired replication by replication (the same random
 * draws), with the 95% interval of the mean difference: left of zero, cheaper than the baseline.
 */
export function differenceChart(ranked: readonly ComparedOption[], baseline: string): TopLevelSpec {
  const others = ranked.filter((o) => o.name !== baseline);
  const reach = others.flatMap((o) => [Math.abs(o.npvDifferenceFromBaselineUsd.meanUsd), ...(o.npvDifferenceFromBaselineUsd.ci95Usd ?? []).map(Math.abs)]).reduce((m, x) => Math.max(m, x), 1);
  const { unit, divisor } = moneyUnit(reach);
  const values = others.map((o) => {
    const d = o.npvDifferenceFromBaselineUsd;
    return {
      option: o.name,
      mean: d.meanUsd / divisor,
      low: d.ci95Usd ? d.ci95Usd[0] / divisor : null,
      high: d.ci95Usd ? d.ci95Usd[1] / divisor : null,
      side: d.meanUsd <= 0 ? 'cheaper' : 'dearer',
      label: `${d.meanUsd > 0 ? '+' : ''}${formatUsd(d.meanUsd)}`,
      // The label sits beyond the whisker's far end, on the bar's side.
      labelAt: (d.meanUsd <= 0 ? Math.min(d.meanUsd, d.ci95Usd?.[0] ?? d.meanUsd) : Math.max(d.meanUsd, d.ci95Usd?.[1] ?? d.meanUsd)) / divisor,
    };
  });
  const y = { field: 'option', type: 'nominal' as const, title: null, sort: others.map((o) => o.name), axis: { labelLimit: 220 } };
  // Room beyond the farthest whisker for its label.
  const ends = values.flatMap((v) => [v.labelAt, v.low ?? v.mean, v.high ?? v.mean]);
  const high = ends.reduce((m, x) => Math.max(m, x), 0);
  const low = ends.reduce((m, x) => Math.min(m, x), 0);
  const span = Math.max(1e-9, high - low);
  const domain = [low - (low < 0 ? 0.18 * span : 0), high + (high > 0 ? 0.18 * span : 0)];
  const x = { type: 'quantitative' as const, title: `NPV difference from ${baseline} (USD ${unit}); left: cheaper`, scale: { domain }, axis: { format: '$,~f' } };
  const layers: object[] = [
    { mark: { type: 'bar', height: 16 }, encoding: { y, x: { ...x, field: 'mean' }, color: { field: 'side', type: 'nominal', legend: null, scale: { domain: ['cheaper', 'dearer'], range: [accent, warn] } } } },
    { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#1d2733' }, encoding: { x: { ...x, field: 'zero' } } },
    { transform: [{ filter: "datum.side === 'cheaper'" }], mark: { type: 'text', align: 'right', dx: -5, fontSize: 10.5, color: '#44505c' }, encoding: { y, x: { ...x, field: 'labelAt' }, text: { field: 'label' } } },
    { transform: [{ filter: "datum.side === 'dearer'" }], mark: { type: 'text', align: 'left', dx: 5, fontSize: 10.5, color: '#44505c' }, encoding: { y, x: { ...x, field: 'labelAt' }, text: { field: 'label' } } },
  ];
  if (values.some((v) => v.low !== null)) {
    layers.push({ transform: [{ filter: 'datum.low !== null' }], mark: { type: 'rule', color: '#1d2733', strokeWidth: 1.5 }, encoding: { y, x: { ...x, field: 'low' }, x2: { field: 'high' } } });
  }
  return { config: chartConfig, width: chartWidth - 260, height: Math.max(1, others.length) * 30, data: { values }, layer: layers } as TopLevelSpec;
}
