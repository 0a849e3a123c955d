import type { TopLevelSpec } from 'vega-lite';
import type { MetricSamples } from './report-data.js';
import { accent, chartConfig } from './theme.js';

/** How one metric spread across the replications: a histogram of its values. */
export function histogramChart(samples: MetricSamples): TopLevelSpec {
  return {
    name: `histogram-${samples.metric}`,
    config: chartConfig,
    width: 260,
    height: 140,
    title: samples.metric,
    data: { values: samples.values.map((value) => ({ value })) },
    mark: { type: 'bar', color: accent, binSpacing: 1 },
    encoding: {
      x: { field: 'value', type: 'quantitative', bin: { maxbins: 20 }, title: samples.unit || null },
      y: { aggregate: 'count', type: 'quantitative', title: 'replications' },
    },
  } as TopLevelSpec;
}
