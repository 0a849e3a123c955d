import type { Summary } from '../summary.js';
import { formatCount, formatDecimal, formatPercent, formatTick, formatUsd } from '../format.js';
import { chartsFor, type Chart } from './charts.js';
import type { ReportData } from './report-data.js';
import { renderSvg } from './render-svg.js';
import { escapeHtml as h } from './escape.js';
import { styles } from './styles.js';
import { keyFindings } from './findings.js';
import { htmlDoc } from './html-doc.js';
import { renderFacility } from '../render-facility.js';
import { renderQueue } from '../queue-table.js';

/**
 * The HTML report: one self-contained page (inline CSS, charts as inline SVG, no script, no
 * network), in the order a board reads it: the answer, the pictures, then the tables and inputs.
 */
export async function renderHtml(data: ReportData): Promise<string> {
  const charts = chartsFor(data);
  const svgs = new Map<string, string>();
  for (const chart of charts) svgs.set(chart.id, await renderSvg(chart.spec));
  const figure = (c: Chart) => `<figure data-chart="${h(c.id)}">${svgs.get(c.id) ?? ''}${c.caption ? `<figcaption>${h(c.caption)}</figcaption>` : ''}</figure>`;
  const section = (id: string, intro = '') => {
    const c = charts.find((x) => x.id === id);
    return c ? `<section><h2>${h(c.title)}</h2>${intro}${figure(c)}</section>` : '';
  };
  const histograms = charts.filter((c) => c.group === 'histograms');
  const s = data.summary;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(s.scenario.name)} · capsim report</title><link rel="icon" href="data:,"><style>${styles}</style></head>
<body><main>
${headerHtml(s, data.intervals?.get('scenario.racks'))}
${data.replications ? `<p class="note">${formatCount(data.replications.count)} replications. The headline figures and the figures in brief are means over them (the headline's with the 95% interval of each mean); so are the costs per run, the options and the section “Across replications”. Dates, the timeline, the utilization chart and the tables are replication ${s.capsim.replication}'s.</p>` : ''}
<section class="findings"><h2>In brief</h2><ul>${keyFindings(data.means ?? s, data.optionCosts, data.replications?.count).map((f) => `<li>${h(f)}</li>`).join('')}</ul></section>
${kpisHtml(data)}
${section('utilization')}
${section('timeline', runsTableHtml(s))}
${section('run-costs')}
${section('options')}
${section('facility-power', facilityFiguresHtml(data.facilityFigures))}
${section('weather-pue')}
${facilityDetailHtml(s)}
${queueHtml(s)}
${replicationsHtml(data, histograms.map(figure).join(''))}
${monthsHtml(s)}
${inputsHtml(s)}
<footer>capsim ${h(s.capsim.version)} · scenario ${h(s.capsim.scenarioHash)} · seed ${s.capsim.seed}. Same scenario, seed and version give this page byte for byte.</footer>
</main></body></html>
`;
}

/** `racks`: across replications, the interval of the mean of racks drawn, when the share is uncertain. */
function headerHtml(s: Summary, racks?: readonly [number, number]): string {
  const sc = s.scenario;
  const drawn = racks && racks[0] !== racks[1] ? ` (replication ${s.capsim.replication}'s draw of an uncertain share)` : '';
  return `<header><div class="kicker">capsim capacity report</div><h1>${h(sc.name)}</h1>
<div class="sub">${h(sc.start)} to ${h(sc.end)} (${formatCount(sc.horizonDays)} days) · ${formatCount(sc.racks)} × ${h(sc.rackName)} = ${formatCount(sc.gpus)} GPUs${drawn} · lease ${formatUsd(sc.leaseMonthlyUsd)} a month</div></header>`;
}

function kpisHtml(data: ReportData): string {
  const s = data.means ?? data.summary;
  const c = s.cluster;
  const done = s.runs.filter((r) => r.status === 'completed').length;
  const replications = data.replications?.count ?? 0;
  // With replications: the runs that finished in every one of them, and each figure's interval.
  const always = data.completedIn ? s.runs.filter((r) => (data.completedIn?.get(r.name) ?? 0) >= replications).length : null;
  const within = (path: string, format: (x: number) => string) => {
    const ci = data.intervals?.get(path);
    // A figure that took one value in every replication (the fees of a fixed lease) has no interval to show.
    return ci && format(ci[0]) !== format(ci[1]) ? `95% interval ${format(ci[0])} to ${format(ci[1])}` : '';
  };
  const tiles: Array<[string, string, string]> = [
    [formatUsd(s.money.leasePaidUsd), 'lease paid over the term', within('money.leasePaidUsd', formatUsd)],
    [formatPercent(c.utilization), 'utilization (allocated / available GPU-hours)', within('cluster.utilization', (x) => formatPercent(x))],
    [formatPercent(c.goodput), 'goodput (productive / available GPU-hours)', within('cluster.goodput', (x) => formatPercent(x))],
    [formatUsd(s.money.idleCostUsd), 'paid for idle, spare and down capacity', within('money.idleCostUsd', formatUsd)],
    [formatUsd(s.money.costPerAvailableGpuHourUsd), 'per available GPU-hour', within('money.costPerAvailableGpuHourUsd', formatUsd)],
    [formatUsd(s.money.costPerAllocatedGpuHourUsd), 'per allocated GPU-hour', within('money.costPerAllocatedGpuHourUsd', formatUsd)],
    always === null ? [`${done} of ${s.runs.length}`, 'training runs completed in the term', ''] : [`${always} of ${s.runs.length}`, `training runs completed in the term in all ${formatCount(replications)} replications`, ''],
    [formatCount(c.interruptions), `interruptions · ${formatCount(c.lostGpuHours)} GPU-hours lost`, within('cluster.interruptions', formatCount)],
  ];
  return `<section class="kpis">${tiles.map(([v, l, ci]) => `<div class="kpi"><div class="value">${h(v)}</div><div class="label">${h(l)}</div>${ci ? `<div class="interval">${h(ci)}</div>` : ''}</div>`).join('')}</section>`;
}

function runsTableHtml(s: Summary): string {
  const head = ['run', 'status', 'GPUs', 'start', 'finish', 'wait (d)', 'wall (d)', 'done', 'interrupts', 'lost GPU-h', 'ETTR', 'cost, usage share', 'cost, fully loaded'];
  const rows = s.runs.map((r) => [
    h(r.name), `<span class="status-${r.status}">${r.status}</span>`, formatCount(r.gpus), h(r.started ?? '–'), h(r.finished ?? '–'),
    formatDecimal(r.queueWaitDays), formatDecimal(r.wallClockDays), formatPercent(r.progress, 0), formatCount(r.interruptions),
    formatCount(r.lostGpuHours), formatPercent(r.ettr), formatUsd(r.costUsageShareUsd), formatUsd(r.costFullyLoadedUsd),
  ]);
  return tableHtml(head, rows, 5);
}

function monthsHtml(s: Summary): string {
  const head = ['month', 'available GPU-h', 'allocated GPU-h', 'idle GPU-h', 'down GPU-h', 'utilization', 'lease paid'];
  const rows = s.months.map((m) => [m.month, formatCount(m.availableGpuHours), formatCount(m.allocatedGpuHours), formatCount(m.idleGpuHours), formatCount(m.downGpuHours), formatPercent(m.utilization), formatUsd(m.leasePaidUsd)]);
  return `<section><h2>By month</h2>${tableHtml(head, rows, 1)}</section>`;
}

function inputsHtml(s: Summary): string {
  const sc = s.scenario;
  const items: Array<[string, string]> = [
    ['horizon', `${sc.start} to ${sc.end}, tick ${formatTick(sc.tickSeconds)}`],
    ['hardware', `${formatCount(sc.racks)} racks of ${sc.rackName} (${sc.rack}), ${sc.gpusPerRack} GPUs each; ${sc.spareRacks} spare`],
    ['failure rate', `${sc.failureRatePerGpuHour.toExponential(1)} interruptions per GPU-hour`],
    ['lease', `${formatUsd(sc.leaseMonthlyUsd)} per month`],
    ['runs', s.runs.map((r) => `${r.name} (${formatCount(r.gpus)} GPUs, ${r.totalFlop.toExponential(2)} FLOP)`).join('; ')],
    ['capsim version', s.capsim.version],
    ['scenario hash', s.capsim.scenarioHash],
    ['seed', String(s.capsim.seed)],
  ];
  return `<section><h2>Key inputs and provenance</h2><dl>${items.map(([k, v]) => `<dt>${h(k)}</dt><dd>${h(v)}</dd>`).join('')}</dl></section>`;
}

/** Rows are pre-escaped HTML; the first `textColumns` columns align left. */
function tableHtml(head: string[], rows: string[][], textColumns: number): string {
  const cls = (i: number) => (i < textColumns ? ' class="text"' : '');
  // Non-breaking hyphens: a narrow column wraps `GPU-h` between words, never inside one.
  return `<table><thead><tr>${head.map((x, i) => `<th${cls(i)}>${h(x).replace(/-/g, '&#8209;')}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((x, i) => `<td${cls(i)}>${x}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** The facility's whole section, as the terminal report has it: power, what held training back and its deepest episodes, swings, the bill, carbon and water, by month. */
function facilityDetailHtml(s: Summary): string {
  if (!s.facility) return '';
  const [, ...body] = renderFacility(s.facility, htmlDoc);
  return `<section><h2>Facility in detail</h2>${body.join('\n')}</section>`;
}

/** The queue section of a workload: waits, completion times and costs by stream and by team. */
function queueHtml(s: Summary): string {
  if (!s.queue) return '';
  const [, ...body] = renderQueue(s.queue, htmlDoc);
  return `<section><h2>Queue · policy ${h(s.queue.policy)}</h2>${body.join('\n')}</section>`;
}

function facilityFiguresHtml(figures: Array<[string, string]>): string {
  return figures.length === 0 ? '' : `<dl class="figures">${figures.map(([k, v]) => `<dt>${h(k)}</dt><dd>${h(v)}</dd>`).join('')}</dl>`;
}

function replicationsHtml(data: ReportData, histograms: string): string {
  const table = data.replicationTable ?? [];
  if (!data.replications || (histograms === '' && table.length === 0)) return '';
  const value = (unit: string, x: number | null) =>
    x === null ? '–' : unit === 'fraction' ? formatPercent(x, 2) : unit === 'USD' ? formatUsd(x) : formatDecimal(x);
  const rows = table.map((t) => [
    h(t.metric), value(t.unit, t.mean), value(t.unit, t.sd), value(t.unit, t.p5), value(t.unit, t.p50), value(t.unit, t.p95),
    `${value(t.unit, t.ci95Low)} to ${value(t.unit, t.ci95High)}`,
  ]);
  const head = ['metric', 'mean', 'sd', 'p5', 'p50', 'p95', '95% interval of the mean'];
  return `<section><h2>Across ${formatCount(data.replications.count)} replications</h2>${table.length > 0 ? tableHtml(head, rows, 1) : ''}${histograms ? `<div class="grid">${histograms}</div>` : ''}</section>`;
}
