import { formatCount, formatFlop, formatPercent, formatUsd } from '../reports/format.js';
import type { Comparison } from './compare.js';
import { verdictOf } from './verdict.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const mdTable = (head: string[], rows: string[][]) =>
  [`| ${head.map(cell).join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');

/**
 * The decision as Markdown, for a memo or a pull request: the verdict, the options ranked, the
 * runs by option, the break-even points and the assumptions with their sources.
 */
export function renderDecisionMarkdown(c: Comparison): string {
  const ranked = [...c.options].sort((a, b) => a.rank - b.rank);
  const baseline = c.baseline ?? '';
  const v = verdictOf(c);
  const out: string[] = [];
  out.push(`# ${c.scenario.name}: lease, rent or buy`, '');
  out.push(`${c.scenario.start} to ${c.scenario.end} · ${c.scenario.runs.length} training runs · ${c.options.length} options on the same work and random draws · ${c.capsim.replications} replication(s) · discounted at ${formatPercent(c.scenario.discountRatePerYear, 1)} a year`, '');
  out.push(`**${v.answer}**`, '');
  for (const n of v.notes) out.push(`- ${n}`);
  if (v.notes.length > 0) out.push('');
  out.push('## The options, ranked', '');
  out.push(
    mdTable(
      ['#', 'option', 'hardware', 'NPV', `NPV against ${baseline} (95% interval)`, 'P(cheapest)', 'work delivered', 'nominal total'],
      ranked.map((o) => {
        const d = o.npvDifferenceFromBaselineUsd;
        const diff = o.name === baseline ? '–' : `${d.meanUsd > 0 ? '+' : ''}${formatUsd(d.meanUsd)}${d.ci95Usd ? ` (${formatUsd(d.ci95Usd[0])} to ${formatUsd(d.ci95Usd[1])})` : ''}`;
        return [String(o.rank), o.name, o.rack, formatUsd(o.npvUsd), diff, c.capsim.replications > 1 ? formatPercent(o.probabilityCheapest, 0) : '–', formatPercent(o.deliveredShare, 0), formatUsd(o.totalCostUsd)];
      }),
    ),
    '',
  );
  out.push('## Each run, by option', '');
  out.push(
    mdTable(
      ['run', ...ranked.map((o) => o.name)],
      c.scenario.runs.map((name) => [
        name,
        ...ranked.map((o) => {
          const r = o.runs.find((x) => x.name === name);
          return r ? `${formatUsd(r.costUsd)} · ${r.timeToTrainDays === null ? 'unfinished' : `${r.timeToTrainDays.toFixed(1)} d`}` : '–';
        }),
      ]),
    ),
    '',
    'Cost of the run (lease and own: usage share; cloud: as billed) · days from submission to finish.',
    '',
  );
  if (c.breakEven.length > 0) {
    out.push('## Break-even utilization', '');
    out.push(
      mdTable(
        ['lease', 'against', 'lease per available GPU-hour', "cloud price of a lease GPU-hour's work", 'break-even', 'this plan'],
        c.breakEven.map((b) => [b.lease, b.against, formatUsd(b.leaseCostPerAvailableGpuHourUsd), formatUsd(b.cloudPricePerLeaseGpuHourUsd), b.utilization === null ? '–' : b.utilization > 1 ? `never (${formatPercent(b.utilization, 0)})` : formatPercent(b.utilization, 0), formatPercent(b.leaseUtilization, 0)]),
      ),
      '',
    );
  }
  const a = c.assumptions;
  out.push('## Assumptions', '');
  out.push(`- discount rate: ${formatPercent(a.discountRatePerYear, 1)} a year`);
  out.push(`- failure rate: ${a.failures.ratePerGpuHour.toExponential(1)} per GPU-hour held (${a.failures.source})`);
  out.push(`- the lease: ${formatUsd(a.lease.monthlyUsd)} a month for ${formatCount(a.lease.gpus)} ${a.lease.rack} GPUs, power ${a.lease.powerIncluded ? 'included' : 'passed through'}`, '');
  out.push(mdTable(['run', 'GPUs', 'precision', 'MFU', 'work (FLOP)'], a.runs.map((r) => [r.name, formatCount(r.gpus), r.precision, r.mfu === null ? '–' : formatPercent(r.mfu, 0), formatFlop(r.totalFlop)])), '');
  out.push(mdTable(['option', 'hardware', 'price per GPU-hour', 'capex per rack', 'source'], a.options.map((o) => [o.name, o.rack, formatUsd(o.priceUsdPerGpuHour), formatUsd(o.capexUsdPerRack), o.priceSource ?? o.capexSource ?? '–'])), '');
  out.push(`capsim ${c.capsim.version} · scenario ${c.capsim.scenarioHash.slice(0, 12)} · seed ${c.capsim.seed}`);
  return out.join('\n') + '\n';
}
