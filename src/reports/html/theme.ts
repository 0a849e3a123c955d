import type { Config } from 'vega-lite';

/** One look for every chart: quiet axes, one font, a palette where red always means lost work. */
export const fontFamily = 'Inter, "Segoe UI", Helvetica, Arial, sans-serif';

export const chartConfig: Config = {
  font: fontFamily,
  background: 'white',
  view: { stroke: null },
  axis: { labelColor: '#44505c', titleColor: '#44505c', gridColor: '#eef1f4', domainColor: '#9aa5b1', tickColor: '#9aa5b1', labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal' },
  legend: { labelColor: '#44505c', titleColor: '#44505c', labelFontSize: 11, titleFontSize: 11, orient: 'top', titleFontWeight: 'normal', labelLimit: 320, columnPadding: 18, gridAlign: 'none' },
  title: { anchor: 'start', fontSize: 13, color: '#1d2733' },
};

export const chartWidth = 880;

/** The cluster's pools, bottom to top as they stack: work kept first, waste then idle. */
export const poolColours = {
  productive: '#2f7d4f',
  checkpoint: '#4f86c6',
  restart: '#e0a526',
  lost: '#c8423b',
  down: '#5b6570',
  idle: '#d7dde3',
} as const;

export const accent = '#1f4e79';
export const warn = '#c8423b';

/** One colour per option, in the order options are listed. Red is kept for lost work and capped hours, so no option is drawn in it. */
export const optionColours = ['#1f4e79', '#7fa7d1', '#e0a526', '#2f7d4f', '#8e5ea2', '#8c6d31', '#5b6570', '#17becf', '#bcbd22', '#9edae5'];
