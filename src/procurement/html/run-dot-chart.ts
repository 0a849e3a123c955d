import type { TopLevelSpec } from 'vega-lite';
import { chartConfig, chartWidth, optionColours } from '../../reports/html/theme.js';

// Axis labels in the report's money style: $10K, $1M, $1B.
const usdLabel = "datum.value >= 1e9 ? '$' + format(datum.value / 1e9, '~g') + 'B' : datum.value >= 1e6 ? '$' + format(datum.value / 1e6, '~g') + 'M' : datum.value >= 1e3 ? '$' + format(datum.value / 1e3, '~g') + 'K' : '$' + format(datum.value, '~g')";

export interface RunDot {
  run: string;
  option: string;
  value: number;
  label: string;
}

/**
 * One row per run, one dot per option: many options and runs of very different sizes stay
 * readable where grouped bars would not (a log scale when the values span orders of magnitude).
 */
export function runDotChart(dots: readonly RunDot[], runNames: readonly string[], optionNames: readonly string[], axisTitle: string, options: { log: boolean; format: 'usd' | string }): TopLevelSpec {
  const y = { field: 'run', type: 'nominal' as const, title: null, sort: [...runNames], axis: { labelLimit: 200, grid: true } };
  const axis = options.format === 'usd' ? { labelExpr: usdLabel, labelOverlap: 'greedy' as const } : { format: options.format };
  const x = { field: 'value', type: 'quantitative' as const, title: axisTitle, scale: options.log ? { type: 'log' as const } : { zero: true }, axis };
  return {
    config: chartConfig,
    width: chartWidth - 360,
    height: runNames.length * 34,
    data: { values: dots.map((d) => ({ ...d })) },
    mark: { type: 'point', filled: true, size: 90, opacity: 0.9 },
    encoding: {
      y,
      x,
      color: { field: 'option', type: 'nominal', title: null, sort: [...optionNames], scale: { domain: [...optionNames], range: optionNames.map((_, i) => optionColours[i % optionColours.length]) }, legend: { orient: 'right' } },
      shape: { field: 'option', type: 'nominal', title: null, sort: [...optionNames], scale: { domain: [...optionNames] }, legend: { orient: 'right' } },
      tooltip: [{ field: 'option' }, { field: 'run' }, { field: 'label' }],
    },
  } as TopLevelSpec;
}
