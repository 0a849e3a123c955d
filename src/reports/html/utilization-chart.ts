import type { TopLevelSpec } from 'vega-lite';
import type { SeriesPoint } from '../series.js';
import { timeAxis } from './time-axis.js';
import { chartConfig, chartWidth, poolColours } from './theme.js';

const pools = [
  ['productive', 'productiveGpuHours'],
  ['checkpoint', 'checkpointGpuHours'],
  ['restart', 'restartGpuHours'],
  ['lost to failures', 'lostGpuHours'],
  ['down for repair', 'downGpuHours'],
  ['idle', 'idleGpuHours'],
] as const;

/**
 * Cluster utilization over time: the GPUs in each pool, averaged over each bucket (GPU-hours /
 * hours in the bucket), stacked so that the top edge is the installed cluster.
 */
export function utilizationChart(series: SeriesPoint[], bucketHours: number): TopLevelSpec {
  const values = series.flatMap((p) =>
    pools.map(([pool, field], order) => ({ start: Date.parse(`${p.start}Z`), pool, order, gpus: p[field] / bucketHours })),
  );
  return {
    name: 'utilization',
    config: chartConfig,
    width: chartWidth,
    height: 260,
    data: { values },
    mark: { type: 'area', interpolate: 'step-after' },
    encoding: {
      x: { field: 'start', type: 'temporal', title: null, scale: { type: 'utc' }, axis: timeAxis(series.length * bucketHours * 60) },
      y: { field: 'gpus', type: 'quantitative', stack: 'zero', title: `GPUs (mean per ${bucketHours === 1 ? 'hour' : bucketHours === 24 ? 'day' : 'week'})`, axis: { format: ',.0f' } },
      color: {
        field: 'pool',
        type: 'nominal',
        title: null,
        sort: pools.map(([p]) => p),
        scale: { domain: pools.map(([p]) => p), range: [poolColours.productive, poolColours.checkpoint, poolColours.restart, poolColours.lost, poolColours.down, poolColours.idle] },
      },
      order: { field: 'order', type: 'quantitative' },
    },
  };
}
