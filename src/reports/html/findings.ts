import type { Summary } from '../summary.js';
import { parseIsoMinutes } from '../../model/time.js';
import { formatCount, formatDecimal, formatPercent, formatUsd } from '../format.js';
import type { OptionCost } from './option-cost-chart.js';

/**
 * The answer in a few sentences, built from what the scenario has: what the lease buys, how much
 * of it the plan uses (named runs, and a workload's jobs when it has one), what failures and the
 * facility cost, when the work runs out, and what the same work costs bought other ways.
 */
export function keyFindings(s: Summary, options: readonly OptionCost[] = [], replications = 1): string[] {
  const c = s.cluster;
  const m = s.money;
  const q = s.queue;
  const out: string[] = [];
  out.push(`The lease buys ${formatCount(c.availableGpuHours)} GPU-hours for ${formatUsd(m.leasePaidUsd)}, ${formatUsd(m.costPerAvailableGpuHourUsd)} per GPU-hour.`);
  const idleShare = m.leasePaidUsd > 0 ? m.idleCostUsd / m.leasePaidUsd : null;
  const holders = q ? `The named runs and the workload's ${formatCount(q.jobs - s.runs.length)} jobs` : 'The planned runs';
  out.push(`${holders} hold ${formatPercent(c.utilization)} of them; ${formatUsd(m.idleCostUsd)} (${formatPercent(idleShare)} of the lease) pays for capacity no run holds.`);
  if (c.interruptions > 0) {
    const wasted = c.lostGpuHours + c.restartGpuHours;
    out.push(
      `Failures interrupted the runs ${formatCount(c.interruptions)} times; lost work and restarts took ${formatCount(wasted)} GPU-hours, ` +
        `${formatPercent(c.allocatedGpuHours > 0 ? wasted / c.allocatedGpuHours : null)} of the GPU-hours the runs held.`,
    );
  }
  const facility = (s as { facility?: { cappedHours?: unknown; shedHours?: unknown; gpuHoursLostToFacility?: unknown; costOfLostGpuHoursUsd?: unknown } }).facility;
  const heldBackHours = Number(facility?.cappedHours ?? 0) + Number(facility?.shedHours ?? 0);
  if (facility && typeof facility.gpuHoursLostToFacility === 'number' && heldBackHours > 0) {
    const cost = typeof facility.costOfLostGpuHoursUsd === 'number' ? ` (${formatUsd(facility.costOfLostGpuHoursUsd)} at the lease price)` : '';
    out.push(`Power and cooling limits held training back in ${formatCount(heldBackHours)} hours, costing ${formatCount(facility.gpuHoursLostToFacility)} GPU-hours${cost}.`);
  }
  const done = s.runs.filter((r) => r.finished !== null);
  const unfinished = s.runs.filter((r) => r.finished === null).map((r) => r.name);
  if (done.length > 0 && unfinished.length === 0) {
    const last = done.map((r) => r.finished as string).sort().at(-1) as string;
    const idleDays = (parseIsoMinutes(s.scenario.end) + 24 * 60 - parseIsoMinutes(last)) / (24 * 60);
    if (q) {
      // A workload keeps arriving after the named runs: say how its jobs fare, not that the term is empty.
      out.push(
        `All ${s.runs.length} named runs finish by ${last.slice(0, 10)}; the workload's jobs wait ${formatDecimal(q.meanWaitHours)} hours on average ` +
          `(p95 ${formatDecimal(q.p95WaitHours)} h) under ${q.policy}${q.deadlines.jobs > 0 ? `, and ${formatPercent(q.deadlines.share, 0)} meet their deadline` : ''}.`,
      );
    } else {
      out.push(
        `All ${s.runs.length} runs finish by ${last.slice(0, 10)}` +
          (idleDays >= 30 ? `; the ${formatCount(Math.floor(idleDays))} days of the term after that have no work planned.` : '.'),
      );
    }
  } else if (unfinished.length > 0) {
    out.push(`${done.length} of ${s.runs.length} runs finish within the term; ${unfinished.join(', ')} ${unfinished.length === 1 ? 'does' : 'do'} not.`);
  }
  const lease = options.find((o) => o.kind === 'lease');
  const alternative = options.find((o) => o.kind !== 'lease' && o.kind !== 'hybrid' && o.deliveredAll);
  if (lease && alternative) {
    out.push(
      `Bought the cheapest other way that does all the work, ${alternative.option}, the same runs cost ${formatUsd(alternative.usd)} over the term against ${formatUsd(lease.usd)} for the lease (${replications > 1 ? `mean of ${replications} replications` : 'this seed'}${ended(lease.terminatedShare ?? 0, replications)}; capsim compare --format html ranks every option with its intervals).`,
    );
  }
  const priciest = [...s.runs].sort((a, b) => b.costUsageShareUsd - a.costUsageShareUsd)[0];
  if (priciest && s.runs.length > 1) {
    out.push(`The costliest run is ${priciest.name}: ${formatUsd(priciest.costUsageShareUsd)} by usage share, ${formatUsd(priciest.costFullyLoadedUsd)} fully loaded.`);
  }
  return out;
}

/** The lease's bill includes its fallback's when the lessor ended it: say so beside the figure. */
function ended(share: number, replications: number): string {
  if (share <= 0) return '';
  return replications > 1 ? `, the lessor ending it in ${formatPercent(share, 0)} of them, its fallback's bill included` : ", the lessor ending it at this seed, its fallback's bill included";
}
