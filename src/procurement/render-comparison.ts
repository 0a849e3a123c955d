import { plainTable } from '../reports/plain-table.js';
import { formatCount, formatDecimal, formatPercent, formatUsd } from '../reports/format.js';
import type { ComparedOption, Comparison } from './compare.js';
import { formatInputDescription } from '../reports/input-description.js';

const signedUsd = (usd: number) => (usd > 0 ? `+${formatUsd(usd)}` : formatUsd(usd));
const width = 100;

/**
 * `capsim compare` as text for a 100-column terminal: the options ranked by the cost of the work
 * with paired differences, what each delivers and on what hardware, cost and time to train per
 * run, cash by year, break-even, exit and termination, and how sure the answer is.
 */
export function renderComparison(c: Comparison): string {
  const out: string[] = [];
  const reps = c.capsim.replications;
  const ranked = [...c.options].sort((a, b) => a.rank - b.rank);
  const rate = c.scenario.discountRatePerYear;
  out.push(`${c.scenario.name}`);
  out.push(`${c.scenario.start} .. ${c.scenario.end} · ${c.options.length} options on common random numbers · ${reps} replication${reps === 1 ? '' : 's'}${reps > 1 ? ' (means)' : ''}`);
  out.push(`capsim ${c.capsim.version} · seed ${c.capsim.seed} · scenario ${c.capsim.scenarioHash.slice(0, 12)} · NPV at ${formatPercent(rate, 1)} a year`);
  out.push('');

  out.push('Cost of the work, ranked: options that deliver all of it first, then by NPV');
  out.push(`Δ NPV: the paired difference from ${c.baseline ?? 'the first option'}, replication by replication`);
  out.push(
    plainTable(
      ['#', 'option', 'nominal', 'NPV', 'Δ NPV', reps > 1 ? '95% CI of Δ NPV' : '', 'P(cheapest)'],
      ranked.map((o) => {
        const d = o.npvDifferenceFromBaselineUsd;
        const isBaseline = o.name === c.baseline;
        return [
          String(o.rank),
          o.name,
          formatUsd(o.totalCostUsd),
          formatUsd(o.npvUsd),
          isBaseline ? '–' : signedUsd(d.meanUsd),
          d.ci95Usd && !isBaseline ? `${signedUsd(d.ci95Usd[0])} .. ${signedUsd(d.ci95Usd[1])}` : '',
          reps > 1 ? formatPercent(o.probabilityCheapest, 0) : o.probabilityCheapest > 0 ? 'cheapest' : '',
        ];
      }),
      2,
    ),
  );
  out.push('');

  out.push('What each delivers, and on what');
  out.push(
    plainTable(
      ['option', 'kind', 'hardware', 'work done', 'utilization', 'idle cost', '$ per PFLOP'],
      ranked.map((o) => [
        o.name,
        o.kind,
        o.rack,
        formatPercent(o.deliveredShare, o.deliveredAllShare === 1 || o.deliveredShare < 0.995 ? 0 : 1),
        formatPercent(o.utilization),
        formatUsd(o.idleCostUsd),
        o.costPerDeliveredPflopUsd === null ? '–' : `$${o.costPerDeliveredPflopUsd.toFixed(4)}`,
      ]),
      3,
    ),
  );
  out.push('');

  if (c.scenario.runs.length > 0) {
    for (const item of wrap(`Runs: ${c.scenario.runs.map((name, i) => `${i + 1}\u00a0${name}`).join(' · ')}`).map((line) => line.replaceAll('\u00a0', ' '))) out.push(item);
    out.push('');
    out.push('Cost per run (each option\'s bill spread over the runs by GPU-hours held; a cloud: as billed)');
    out.push(byRun(c, ranked, (r) => formatUsd(r.costFullyLoadedUsd)));
    out.push('');
    out.push('Time to train, days from submit ((x%): unfinished, with the work done)');
    out.push(byRun(c, ranked, (r) => (r.timeToTrainDays === null ? `(${formatPercent(r.progress, 0)})` : formatDecimal(r.timeToTrainDays))));
    const resized = ranked.flatMap((o) => {
      const runs = o.runs.filter((r, j) => r.gpus !== c.options[0]?.runs[j]?.gpus);
      return runs.length > 0 ? [`${o.name}: ${runs.map((r) => `${r.name} on ${formatCount(r.gpus)} GPUs`).join(', ')}`] : [];
    });
    if (resized.length > 0) for (const item of wrap(`Other sizes than on ${c.baseline}: ${resized.join('; ')}`)) out.push(item);
    out.push('');
  }

  for (const item of cashByYear(c, ranked)) out.push(item);
  for (const item of breakEvenTables(c)) out.push(item);
  for (const item of exitTables(c)) out.push(item);
  for (const item of riskLines(c)) out.push(item);
  for (const item of ownLines(c)) out.push(item);

  for (const item of inputLines(c, ranked)) out.push(item);
  for (const item of wrap(confidenceLine(c))) out.push(item);
  const short = ranked.filter((o) => o.deliveredAllShare < 1);
  if (short.length > 0) {
    const text =
      `Not all the work: ${short.map((o) => `${o.name} (${formatPercent(o.deliveredShare, 0)} delivered; all of it in ${formatCount(Math.round(o.deliveredAllShare * reps))} of ${reps})`).join(', ')}. ` +
        'They rank after the options that deliver it all and cannot be the cheapest in a replication they did not finish.';
    for (const line of wrap(text)) out.push(line);
  }
  return out.join('\n') + '\n';
}

/** One row per option, one column per run (numbered as in the legend). */
function byRun(c: Comparison, options: readonly ComparedOption[], cell: (run: ComparedOption['runs'][number]) => string): string {
  return plainTable(
    ['option', ...c.scenario.runs.map((_, i) => String(i + 1))],
    options.map((o) => [o.name, ...c.scenario.runs.map((name) => {
      const r = o.runs.find((x) => x.name === name);
      return r ? cell(r) : '–';
    })]),
  );
}

function cashByYear(c: Comparison, options: readonly ComparedOption[]): string[] {
  const years = [...new Set(c.options[0]?.cashFlows.map((m) => m.month.slice(0, 4)) ?? [])];
  if (years.length === 0) return [];
  const shown = years.slice(0, 6);
  return [
    `Cash out by calendar year (nominal; own: the residual value comes back in the last month)${shown.length < years.length ? ', first 6 years' : ''}`,
    plainTable(
      ['option', ...shown],
      options.map((o) => [o.name, ...shown.map((y) => formatUsd(o.cashFlows.filter((m) => m.month.startsWith(y)).reduce((a, m) => a + m.totalUsd, 0)))]),
    ),
    '',
  ];
}

function breakEvenTables(c: Comparison): string[] {
  const out: string[] = [];
  for (const lease of [...new Set(c.breakEven.map((b) => b.lease))]) {
    const rows = c.breakEven.filter((b) => b.lease === lease);
    const cost = rows[0]?.leaseCostPerAvailableGpuHourUsd ?? null;
    for (const item of wrap(`Break-even utilization of ${lease} (${formatUsd(cost)} per available GPU-hour; utilization ${formatPercent(rows[0]?.leaseUtilization ?? null)}): its cost / each cloud's price of a lease GPU-hour's work`)) out.push(item);
    out.push(
      plainTable(
        ['against', '$/GPU-h', 'per lease GPU-h', 'break-even', 'verdict'],
        rows.map((b) => [
          b.against,
          formatUsd(b.cloudPriceUsdPerGpuHour),
          formatUsd(b.cloudPricePerLeaseGpuHourUsd),
          formatPercent(b.utilization),
          b.utilization === null || b.leaseUtilization === null ? '–' : b.leaseUtilization >= b.utilization ? 'lease cheaper per GPU-hour used' : 'cloud cheaper per GPU-hour used',
        ]),
      ),
    );
    out.push('');
  }
  return out;
}

function exitTables(c: Comparison): string[] {
  const out: string[] = [];
  for (const o of c.options.filter((x) => x.kind === 'lease' && (x.lease?.exitCosts.length ?? 0) > 0)) {
    const costs = o.lease?.exitCosts ?? [];
    const every = Math.ceil(costs.length / 6);
    out.push(`Exiting ${o.name} (notice on the first of the month; fees paid until the notice runs out)`);
    out.push(
      plainTable(
        ['notice', 'lease ends', 'fees paid', 'fees saved'],
        costs.filter((_, i) => i % every === 0).map((e) => [e.noticeMonth, e.ends, formatUsd(e.feesPaidUsd), formatUsd(e.feesSavedUsd)]),
      ),
    );
    out.push('');
  }
  return out;
}

function riskLines(c: Comparison): string[] {
  const out: string[] = [];
  for (const o of c.options) {
    const risk = o.lease?.terminationRisk;
    if (!risk) continue;
    const text =
      `Lessor's termination, ${o.name}: ${formatPercent(risk.probabilityPerMonth, 1)} a month after ${risk.afterMonths} months, ${formatCount(risk.noticeDays)} days' notice, ` +
        `runs left to ${o.lease?.fallback ?? 'nobody (left undone)'}. Terminated in ${formatPercent(risk.terminatedShare, 0)} of ${c.capsim.replications} replications. ` +
        `Without the risk (as capsim run bills the lease) ${formatUsd(risk.costWithoutRiskUsd)}; with it ${formatUsd(o.totalCostUsd)}: ` +
        `the risk's expected cost is ${signedUsd(risk.expectedCostUsd)} (NPV ${signedUsd(risk.expectedNpvUsd)}).`;
    for (const line of wrap(text)) out.push(line);
    out.push('');
  }
  return out;
}

function ownLines(c: Comparison): string[] {
  const out: string[] = [];
  for (const o of c.options) {
    if (!o.own) continue;
    const text =
      `Owning, ${o.name}: racks, network and storage ${formatUsd(o.own.capexUsd)}; worth ${formatUsd(o.own.residualUsd)} at the horizon's end; ` +
        `${formatCount(o.own.energyMwh)} MWh; ${formatUsd(o.own.costPerAvailableGpuHourUsd)} per available GPU-hour.`;
    for (const line of wrap(text)) out.push(line);
    out.push('');
  }
  return out;
}

/**
 * The uncertain inputs with their ranges, and which of them drive the NPV difference from the
 * baseline: ρ² for the three best-ranked other options, inputs by their largest share.
 */
function inputLines(c: Comparison, ranked: readonly ComparedOption[]): string[] {
  const inputs = c.uncertainInputs ?? [];
  if (inputs.length === 0) return [];
  const against = ranked.filter((o) => o.name !== c.baseline && 'inputRanking' in o && o.inputRanking).slice(0, 3);
  const share = (o: ComparedOption, path: string) => ('inputRanking' in o ? (o.inputRanking ?? []).find((x) => x.path === path)?.varianceShare ?? null : null);
  const largest = (path: string) => against.reduce((m, o) => Math.max(m, share(o, path) ?? -1), -Infinity);
  const order = [...inputs].sort((a, b) => largest(b.path) - largest(a.path));
  return [
    'Uncertain inputs, drawn once per replication (the same draw for every option):',
    ...inputs.map((d) => `  ${formatInputDescription(d)}`),
    '',
    ...wrap(`What drives Δ NPV: the share of its variance each input explains (ρ², the squared Spearman rank correlation of the input's draw with Δ NPV over the ${c.capsim.replications} replications)`),
    plainTable(
      ['input', ...against.map((o) => `vs ${o.name}`)],
      order.map((d) => [d.path, ...against.map((o) => {
        const v = share(o, d.path);
        return v === null ? '–' : formatPercent(v, 0);
      })]),
    ),
    '',
  ];
}

function confidenceLine(c: Comparison): string {
  const reps = c.capsim.replications;
  if (reps < 2) return 'Confidence: one replication; run with --replications 20 or more for intervals and P(cheapest).';
  const best = [...c.options].sort((a, b) => b.probabilityCheapest - a.probabilityCheapest)[0];
  const clear = c.options.filter((o) => {
    const ci = o.npvDifferenceFromBaselineUsd.ci95Usd;
    return o.name !== c.baseline && ci && (ci[0] > 0 || ci[1] < 0);
  });
  return (
    `Confidence: ${best ? `${best.name} is the cheapest in ${formatPercent(best.probabilityCheapest, 0)} of ${reps} paired replications` : ''}; ` +
    `${clear.length} of ${c.options.length - 1} NPV differences from ${c.baseline} exclude zero at 95%.`
  );
}

/** A sentence cut into lines of at most 100 columns, at spaces. */
function wrap(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line.length > 0 && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line.length > 0 ? `${line} ${word}` : word;
  }
  if (line.length > 0) lines.push(line);
  return lines;
}
