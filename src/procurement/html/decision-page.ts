import { formatCount, formatFlop, formatPercent, formatUsd } from '../../reports/format.js';
import { escapeHtml as h } from '../../reports/html/escape.js';
import { renderSvg } from '../../reports/html/render-svg.js';
import { styles } from '../../reports/html/styles.js';
import { optionCostChart } from '../../reports/html/option-cost-chart.js';
import type { TopLevelSpec } from 'vega-lite';
import type { ComparedOption, Comparison } from '../compare.js';
import { verdictOf } from '../verdict.js';
import { cashFlowChart } from './cash-flow-chart.js';
import { differenceChart } from './difference-chart.js';
import { exitChart } from './exit-chart.js';
import { runDotChart } from './run-dot-chart.js';
import { inputRankingChart, type InputShare } from './input-ranking-chart.js';

interface Figure {
  id: string;
  title: string;
  caption: string;
  spec: TopLevelSpec;
}

/**
 * The decision report of `capsim compare --format html`: one self-contained page (inline CSS and
 * SVG, no script, no network) that opens with the verdict (which option, by how much, how sure,
 * what would change it), then the options ranked, the pictures, the break-even points and every
 * assumption that decided the answer, each with its source.
 */
export async function renderDecisionHtml(c: Comparison): Promise<string> {
  const ranked = [...c.options].sort((a, b) => a.rank - b.rank);
  const baseline = c.baseline ?? ranked[0]?.name ?? '';
  const verdict = verdictOf(c);
  const figures = figuresOf(c, ranked, baseline);
  const svgs = await Promise.all(figures.map((f) => renderSvg(f.spec)));
  const figure = (id: string, intro = '') => {
    const i = figures.findIndex((f) => f.id === id);
    const f = figures[i];
    return f ? `<section><h2>${h(f.title)}</h2>${intro}<figure data-chart="${h(f.id)}">${svgs[i] ?? ''}<figcaption>${h(f.caption)}</figcaption></figure></section>` : '';
  };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(c.scenario.name)} · capsim decision</title><link rel="icon" href="data:,"><style>${styles}</style></head>
<body><main>
${headerHtml(c)}
<section class="findings verdict"><h2>The answer</h2><p class="answer">${h(verdict.answer)}</p>${verdict.notes.length > 0 ? `<ul>${verdict.notes.map((n) => `<li>${h(n)}</li>`).join('')}</ul>` : ''}</section>
<section><h2>The options, ranked</h2>${rankedTableHtml(ranked, baseline, c.capsim.replications)}</section>
${figure('npv')}
${figure('difference')}
${figure('inputs', inputsIntro(c))}
${figure('cash-flow')}
${figure('run-costs')}
${figure('time-to-train')}
${figure('exit', exitIntro(c, ranked))}
${breakEvenHtml(c)}
${assumptionsHtml(c)}
<footer>capsim ${h(c.capsim.version)} · scenario ${h(c.capsim.scenarioHash.slice(0, 12))} · seed ${c.capsim.seed} · ${formatCount(c.capsim.replications)} paired replication${c.capsim.replications === 1 ? '' : 's'}. Same scenario, seed and version give this page byte for byte.</footer>
</main></body></html>
`;
}

function figuresOf(c: Comparison, ranked: readonly ComparedOption[], baseline: string): Figure[] {
  const figures: Figure[] = [
    {
      id: 'npv',
      title: 'Net present value of each option',
      caption: `Every cash flow of the term discounted at ${formatPercent(c.scenario.discountRatePerYear, 1)} a year, mean over the replications. Pale: the option left some of the work undone in at least one replication.`,
      spec: optionCostChart(ranked.map((o) => ({ option: o.name, kind: o.kind, usd: o.npvUsd, deliveredShare: o.deliveredShare, deliveredAll: o.deliveredAllShare >= 1 })), 'net present value'),
    },
  ];
  if (ranked.length > 1) {
    figures.push({
      id: 'difference',
      title: `Against ${baseline}, replication by replication`,
      caption: `Each option's NPV minus ${baseline}'s, on the same random draws (common random numbers). Whiskers: the 95% interval of the mean difference (Student t).${c.capsim.replications < 2 ? ' One replication: no interval.' : ''}`,
      spec: differenceChart(ranked, baseline),
    });
  }
  const deciding = decidingRanking(c, ranked, baseline);
  if (deciding) {
    figures.push({
      id: 'inputs',
      title: 'What the answer depends on',
      caption: `Each uncertain input, drawn once per replication and the same for every option, by the share of the variance of ${deciding.label} it explains across the ${c.capsim.replications} replications: its squared Spearman rank correlation with the difference.`,
      spec: inputRankingChart(deciding.shares, deciding.label),
    });
  }
  figures.push({ id: 'cash-flow', title: 'Cash paid over the term', caption: 'Cumulative cash out by month, nominal. An owner\'s last month repays what remains of its loan (when financed) and takes the hardware\'s resale value back.', spec: cashFlowChart(ranked) });
  const names = ranked.map((o) => o.name);
  const costs = ranked.flatMap((o) => o.runs.filter((r) => r.costUsd > 0).map((r) => ({ run: r.name, option: o.name, value: r.costUsd, label: formatUsd(r.costUsd) })));
  if (costs.length > 0) {
    figures.push({
      id: 'run-costs',
      title: 'Cost of each training run',
      caption: "One dot per option, on a log scale. Lease and own: the run's GPU-hours x the price of an available GPU-hour (usage share; idle capacity is not in a run's cost); cloud: as billed.",
      spec: runDotChart(costs, c.scenario.runs, names, 'cost of the run (USD, log scale)', { log: true, format: 'usd' }),
    });
    const days = ranked.flatMap((o) => o.runs.filter((r) => r.timeToTrainDays !== null).map((r) => ({ run: r.name, option: o.name, value: r.timeToTrainDays as number, label: `${(r.timeToTrainDays as number).toFixed(1)} days` })));
    figures.push({
      id: 'time-to-train',
      title: 'Time to train each run',
      caption: 'Days from submission to finish: waits for capacity, lead times (an owner\'s delivery) and slower hardware included. No dot: the option did not finish the run in every replication.',
      spec: runDotChart(days, c.scenario.runs, names, 'time to train (days, submission to finish)', { log: false, format: ',~f' }),
    });
  }
  const exits = c.options.find((o) => o.name === baseline)?.lease?.exitCosts ?? [];
  if (exits.length > 0) {
    figures.push({ id: 'exit', title: "The lease's exit clause", caption: 'Notice given on the first of each month after the minimum term: fees paid until the lease ends, and fees saved against the full term (power and the work still to do elsewhere not included).', spec: exitChart(exits) });
  }
  return figures;
}

type InputRank = { path: string; rankCorrelation: number; varianceShare: number };

/** The ranking behind the deciding difference: the winner against the first option, or the first option's margin over the runner-up. */
function decidingRanking(c: Comparison, ranked: readonly ComparedOption[], baseline: string): { label: string; shares: InputShare[] } | null {
  const winner = ranked[0];
  const pivot = winner && winner.name !== baseline ? winner : ranked.find((o) => o.name !== baseline && o.deliveredAllShare > 0);
  const ranking = (pivot as { inputRanking?: InputRank[] | null } | undefined)?.inputRanking;
  if (!pivot || !ranking || ranking.length === 0) return null;
  return {
    label: `${pivot.name} - ${baseline} (NPV)`,
    shares: ranking.map((r) => ({ path: r.path, varianceShare: r.varianceShare, direction: r.rankCorrelation >= 0 ? 'grows' : 'falls' })),
  };
}

/** The uncertain inputs as written: their distributions and the range a draw can give. */
function inputsIntro(c: Comparison): string {
  const inputs = c.uncertainInputs ?? [];
  if (inputs.length === 0) return '';
  const head = ['uncertain input', 'distribution', 'least draw', 'greatest draw'];
  const rows = inputs.map((i) => [h(i.path), h(describeDistribution(i.distribution as unknown as Record<string, unknown>)), numberText(i.low), numberText(i.high)]);
  return table(head, rows, 2);
}

function describeDistribution(d: Record<string, unknown>): string {
  const { distribution, ...rest } = d;
  return `${String(distribution)} ${Object.entries(rest).map(([k, v]) => `${k} ${Array.isArray(v) ? `[${v.map((x) => numberText(Number(x))).join(', ')}]` : numberText(Number(v))}`).join(', ')}`;
}

function numberText(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x)) return formatCount(x);
  return Math.abs(x) < 0.01 ? x.toExponential(2) : String(Number(x.toPrecision(4)));
}

function headerHtml(c: Comparison): string {
  const s = c.scenario;
  return `<header><div class="kicker">capsim decision report · lease, rent or buy</div><h1>${h(s.name)}</h1>
<div class="sub">${h(s.start)} to ${h(s.end)} · ${formatCount(s.runs.length)} training run${s.runs.length === 1 ? '' : 's'} · ${formatCount(c.options.length)} options, each on its own hardware and terms, on the same work and the same random draws · ${formatCount(c.capsim.replications)} replication${c.capsim.replications === 1 ? '' : 's'} · money discounted at ${formatPercent(s.discountRatePerYear, 1)} a year</div></header>`;
}

function rankedTableHtml(ranked: readonly ComparedOption[], baseline: string, replications: number): string {
  const head = ['#', 'option', 'hardware', 'NPV', `NPV against ${baseline} (95% interval)`, 'P(cheapest)', 'work delivered', 'nominal total', 'per EFLOP delivered'];
  const rows = ranked.map((o) => {
    const d = o.npvDifferenceFromBaselineUsd;
    const diff = o.name === baseline ? '–' : `${d.meanUsd > 0 ? '+' : ''}${formatUsd(d.meanUsd)}${d.ci95Usd ? ` (${formatUsd(d.ci95Usd[0])} to ${formatUsd(d.ci95Usd[1])})` : ''}`;
    return [String(o.rank), h(o.name), h(o.rack), formatUsd(o.npvUsd), diff, replications > 1 ? formatPercent(o.probabilityCheapest, 0) : '–', formatPercent(o.deliveredShare, 0), formatUsd(o.totalCostUsd), formatUsd(o.costPerDeliveredPflopUsd === null ? null : o.costPerDeliveredPflopUsd * 1000)];
  });
  return table(head, rows, 3) + `<p class="note">Ranked by NPV among the options that deliver all the named runs' work within the term, then the others. P(cheapest): the share of replications in which the option had the lowest NPV among those that delivered all the work.</p>`;
}

function exitIntro(c: Comparison, ranked: readonly ComparedOption[]): string {
  const lease = ranked.find((o) => o.name === c.baseline)?.lease;
  const exit = c.assumptions.lease.exit;
  if (!lease || !exit) return '';
  return `<p class="note">Either side may end the lease after ${exit.minimumMonths} months on ${exit.noticeDays} days' notice.</p>`;
}

function breakEvenHtml(c: Comparison): string {
  if (c.breakEven.length === 0) return '';
  const head = ['lease', 'against', 'lease, per available GPU-hour', 'cloud price per GPU-hour', "cloud price of a lease GPU-hour's work", 'break-even utilization', 'this plan'];
  const rows = c.breakEven.map((b) => [h(b.lease), h(b.against), formatUsd(b.leaseCostPerAvailableGpuHourUsd), formatUsd(b.cloudPriceUsdPerGpuHour), formatUsd(b.cloudPricePerLeaseGpuHourUsd), b.utilization === null ? '–' : b.utilization > 1 ? `never (${formatPercent(b.utilization, 0)})` : formatPercent(b.utilization, 0), formatPercent(b.leaseUtilization, 0)]);
  return `<section><h2>Break-even utilization</h2><p class="note">The share of its GPU-hours the lease must keep busy for a GPU-hour of work to cost no more than on the cloud (its price scaled by how much longer the work takes on its hardware). Above 100%: the lease never pays against it.</p>${table(head, rows, 2)}</section>`;
}

function assumptionsHtml(c: Comparison): string {
  const a = c.assumptions;
  const l = a.lease;
  const facts: Array<[string, string]> = [
    ['discount rate', `${formatPercent(a.discountRatePerYear, 1)} a year`],
    ['failure rate', `${a.failures.ratePerGpuHour.toExponential(1)} interruptions per GPU-hour held · ${a.failures.source}`],
    ...((c.uncertainInputs ?? []).length > 0
      ? ([['uncertain inputs', `${(c.uncertainInputs ?? []).map((i) => `${i.path} ${numberText(i.low)} to ${numberText(i.high)}`).join(' · ')}: drawn once per replication, the same draw for every option; the figures below are their medians`]] as Array<[string, string]>)
      : []),
    ['the lease', `${formatUsd(l.monthlyUsd)} a month for ${formatCount(l.racks)} × ${l.rack} = ${formatCount(l.gpus)} GPUs · power ${l.powerIncluded ? 'included' : 'passed through'}${l.exit ? ` · exit after ${l.exit.minimumMonths} months on ${l.exit.noticeDays} days' notice` : ''}${l.termination ? ` · the lessor ends it with probability ${formatPercent(l.termination.probabilityPerMonth, 1)} a month after ${l.termination.afterMonths} months` : ''}`],
  ];
  const runHead = ['run', 'GPUs', 'precision', 'MFU', 'TFLOP/s per GPU', 'work (FLOP)'];
  const runRows = a.runs.map((r) => [h(r.name), formatCount(r.gpus), r.precision, r.mfu === null ? '–' : formatPercent(r.mfu, 0), formatCount(r.achievedTflopsPerGpu), formatFlop(r.totalFlop)]);
  const optionHead = ['option', 'kind', 'hardware', 'price per GPU-hour', 'capex per rack', 'source'];
  const optionRows = a.options.map((o) => [h(o.name), o.kind, h(o.rack), formatUsd(o.priceUsdPerGpuHour), formatUsd(o.capexUsdPerRack), `<span class="source">${h(o.priceSource ?? o.capexSource ?? (o.kind === 'lease' ? 'the lease above' : '–'))}</span>`]);
  return `<section><h2>What decided it: the assumptions</h2><dl>${facts.map(([k, v]) => `<dt>${h(k)}</dt><dd>${h(v)}</dd>`).join('')}</dl>
<h3>The work</h3>${table(runHead, runRows, 3)}
<h3>The options' prices</h3>${table(optionHead, optionRows, 3)}
<p class="note">Tags: [A] vendor or official, [A*] a vendor's price page as transcribed, [B] press or analyst, [C] secondary (a range), [D] derived with the arithmetic shown. "the scenario": the scenario file sets the figure (its comments say why).</p></section>`;
}

/** A table; the first `textColumns` columns are text (left-aligned), the rest numbers. */
function table(head: string[], rows: string[][], textColumns: number): string {
  const cls = (i: number) => (i < textColumns ? ' class="text"' : '');
  return `<table><thead><tr>${head.map((x, i) => `<th${cls(i)}>${h(x)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((x, i) => `<td${cls(i)}>${x}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}
