import { plainTable } from '../reports/plain-table.js';
import { formatCount, formatDecimal, formatPercent, formatUsd } from '../reports/format.js';
import type { Comparison } from './compare.js';

const signedUsd = (usd: number) => (usd > 0 ? `+${formatUsd(usd)}` : formatUsd(usd));

/** `capsim compare` as a table: options side by side, runs by option, break-even, confidence. */
export function renderComparison(c: Comparison): string {
  const out: string[] = [];
  const reps = c.capsim.replications;
  out.push(`${c.scenario.name}`);
  out.push(`${c.scenario.start} .. ${c.scenario.end} · ${c.options.length} options on common random numbers · ${reps} replication${reps === 1 ? '' : 's'}${reps > 1 ? ' (means)' : ''}`);
  out.push(`capsim ${c.capsim.version} · seed ${c.capsim.seed} · scenario ${c.capsim.scenarioHash.slice(0, 12)}`);
  out.push('');

  out.push('Options');
  out.push(
    plainTable(
      ['option', 'kind', 'total cost', `vs ${c.baseline ?? 'baseline'}`, reps > 1 ? '95% CI of difference' : '', 'P(cheapest)', 'utilization', 'idle cost', '$ per PFLOP', 'work done'],
      c.options.map((o) => {
        const d = o.differenceFromBaselineUsd;
        const done = o.workFlop > 0 ? o.deliveredFlop / o.workFlop : null;
        return [
          o.name,
          o.kind,
          formatUsd(o.totalCostUsd),
          o.name === c.baseline ? '–' : signedUsd(d.meanUsd),
          d.ci95Usd && o.name !== c.baseline ? `${signedUsd(d.ci95Usd[0])} .. ${signedUsd(d.ci95Usd[1])}` : '',
          reps > 1 ? formatPercent(o.probabilityCheapest, 0) : o.probabilityCheapest > 0 ? 'cheapest' : '',
          formatPercent(o.utilization),
          formatUsd(o.idleCostUsd),
          o.costPerDeliveredPflopUsd === null ? '–' : `$${o.costPerDeliveredPflopUsd.toFixed(4)}`,
          formatPercent(done, 0),
        ];
      }),
    ),
  );
  out.push('');

  out.push('Cost per run (lease: usage share / fully loaded; cloud: as billed)');
  out.push(
    runsByOption(c, (o, r) => {
      const cost = r.where === 'lease' ? `${formatUsd(r.costUsd)} / ${formatUsd(r.costFullyLoadedUsd)}` : formatUsd(r.costUsd);
      return o.kind === 'hybrid' ? `${cost} (${r.where})` : cost;
    }),
  );
  out.push('');

  out.push('Time to train, days from submit (GPUs)');
  out.push(
    runsByOption(c, (_o, r) => {
      const days = r.timeToTrainDays === null ? `unfinished (${formatPercent(r.progress, 0)})` : formatDecimal(r.timeToTrainDays);
      return `${days} (${formatCount(r.gpus)})`;
    }),
  );
  out.push('');

  if (c.breakEven.length > 0) {
    out.push('Break-even utilization (lease cost per available GPU-hour / cloud price per GPU-hour)');
    out.push(
      plainTable(
        ['lease', 'against', 'lease $/GPU-h', 'cloud $/GPU-h', 'break-even', 'lease utilization', 'verdict'],
        c.breakEven.map((b) => [
          b.lease,
          b.against,
          formatUsd(b.leaseCostPerAvailableGpuHourUsd),
          formatUsd(b.cloudPriceUsdPerGpuHour),
          formatPercent(b.utilization),
          formatPercent(b.leaseUtilization),
          b.utilization === null || b.leaseUtilization === null ? '–' : b.leaseUtilization >= b.utilization ? 'lease cheaper per GPU-hour used' : 'cloud cheaper per GPU-hour used',
        ]),
      ),
    );
    out.push('');
  }

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

  out.push(confidenceLine(c));
  const short = c.options.filter((o) => o.workFlop > 0 && o.deliveredFlop < o.workFlop * (1 - 1e-9));
  if (short.length > 0) {
    out.push(
      `Note: ${short.map((o) => `${o.name} (${formatPercent(o.deliveredFlop / o.workFlop, 0)})`).join(', ')} did not deliver all the work within the horizon: ` +
        'its cost buys less; compare $ per PFLOP as well.',
    );
  }
  return out.join('\n') + '\n';
}

type ComparedOption = Comparison['options'][number];

/** One row per run, one column per option; a run an option does not have shows a dash. */
function runsByOption(c: Comparison, cell: (option: ComparedOption, run: ComparedOption['runs'][number]) => string): string {
  return plainTable(
    ['run', ...c.options.map((o) => o.name)],
    c.scenario.runs.map((name) => [
      name,
      ...c.options.map((o) => {
        const r = o.runs.find((x) => x.name === name);
        return r ? cell(o, r) : '–';
      }),
    ]),
  );
}

function confidenceLine(c: Comparison): string {
  const reps = c.capsim.replications;
  if (reps < 2) return 'Confidence: one replication; run with --replications 20 or more for intervals and P(cheapest).';
  const best = [...c.options].sort((a, b) => b.probabilityCheapest - a.probabilityCheapest)[0];
  const clear = c.options.filter((o) => o.name !== c.baseline && o.differenceFromBaselineUsd.ci95Usd && (o.differenceFromBaselineUsd.ci95Usd[0] > 0 || o.differenceFromBaselineUsd.ci95Usd[1] < 0));
  return (
    `Confidence: ${best ? `${best.name} is the cheapest in ${formatPercent(best.probabilityCheapest, 0)} of ${reps} paired replications` : ''}; ` +
    `${clear.length} of ${c.options.length - 1} differences from ${c.baseline} exclude zero at 95%.`
  );
}
