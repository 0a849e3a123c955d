import type { TopLevelSpec } from 'vega-lite';
import { poolSeries, type SeriesPoint } from '../series.js';
import type { ReportData } from './report-data.js';
import { utilizationChart } from './utilization-chart.js';
import { timelineChart } from './timeline-chart.js';
import { runCostChart } from './run-cost-chart.js';
import { optionCostChart } from './option-cost-chart.js';
import { facilityPowerChart, weatherPueChart } from './facility-power-chart.js';
import { histogramChart } from './histogram-chart.js';

export interface Chart {
  id: string;
  title: string;
  caption: string;
  spec: TopLevelSpec;
  /** Charts of one group sit side by side. */
  group?: string;
}

/** The charts a report has: only those whose data exist in this run. */
export function chartsFor(data: ReportData): Chart[] {
  const charts: Chart[] = [];
  const { summary, record } = data;
  if (record) {
    const { series, bucketHours } = utilizationSeries(data);
    charts.push({
      id: 'utilization',
      title: 'Cluster utilization over time',
      caption: 'GPUs in each state, averaged per bucket. Lost work is placed at the hours it was computed (since the last checkpoint before a failure); idle includes spares.',
      spec: utilizationChart(series, bucketHours),
    });
    charts.push({
      id: 'timeline',
      title: 'Training runs',
      caption: 'Pale: waiting for racks. Solid: holding racks. Red ticks: interruptions; the run restarts from its last checkpoint at the next bar.',
      spec: timelineChart(record),
    });
  }
  if (data.facility) {
    charts.push({ id: 'facility-power', title: 'Facility power against supply', caption: 'Facility draw (IT + cooling + losses) and the supply available; red: hours the facility capped or shed training.', spec: facilityPowerChart(data.facility) });
    const weather = weatherPueChart(data.facility);
    if (weather) charts.push({ id: 'weather-pue', title: 'Outdoor temperature and PUE', caption: 'Heat rejection works harder as the outdoor temperature rises; PUE = facility power / IT power.', spec: weather });
  }
  if (data.runCosts.length > 0) {
    const whiskers = data.runCosts.some((c) => c.lowUsd !== null);
    charts.push({
      id: 'run-costs',
      title: 'Cost per training run',
      caption: `Usage share: the run's GPU-hours x the lease's price per available GPU-hour. Fully loaded: idle capacity spread over the runs.${whiskers ? ' Whiskers: 95% confidence interval of the mean across replications.' : ''}`,
      spec: runCostChart(data.runCosts),
    });
  }
  if (data.optionCosts.length > 0) {
    charts.push({
      id: 'options',
      title: 'The same work, bought other ways',
      caption: `Each procurement option's total cost over the term as it bills (a reservation's commitment whatever the use; an owner's capex less resale), ${data.replications ? `the mean over the same ${data.replications.count} replications` : "on this run's seed"}, ranked as capsim compare ranks them: pale bars left some of the work undone. capsim compare --format html gives the decision with its intervals.`,
      spec: optionCostChart(data.optionCosts, 'total cost over the term'),
    });
  }
  for (const samples of data.replications?.samples ?? []) {
    charts.push({ id: `histogram-${samples.metric}`, title: samples.metric, caption: '', spec: histogramChart(samples), group: 'histograms' });
  }
  return charts;
}

/** Hours over a month, days over a year or so, weeks beyond: a few hundred to ~200 points. */
function utilizationSeries(data: ReportData): { series: SeriesPoint[]; bucketHours: number } {
  const record = data.record;
  if (!record) return { series: [], bucketHours: 1 };
  const days = data.summary.scenario.horizonDays;
  if (days <= 31) return { series: poolSeries(record, 'hour'), bucketHours: 1 };
  const daily = poolSeries(record, 'day');
  if (days <= 400) return { series: daily, bucketHours: 24 };
  return { series: weekly(daily), bucketHours: 24 * 7 };
}

function weekly(daily: SeriesPoint[]): SeriesPoint[] {
  const weeks: SeriesPoint[] = [];
  daily.forEach((d, i) => {
    if (i % 7 === 0) {
      weeks.push({ ...d });
      return;
    }
    const w = weeks[weeks.length - 1];
    if (!w) return;
    for (const key of Object.keys(d) as Array<keyof SeriesPoint>) if (key !== 'start') w[key] += d[key];
  });
  // The chart shows GPU-hours / 168 h: a last, partial week of d days is scaled by 7 / d so that
  // it shows its mean too, not a drop.
  const lastDays = daily.length % 7;
  const last = weeks[weeks.length - 1];
  if (lastDays > 0 && last) for (const key of Object.keys(last) as Array<keyof SeriesPoint>) if (key !== 'start') last[key] *= 7 / lastDays;
  return weeks;
}
