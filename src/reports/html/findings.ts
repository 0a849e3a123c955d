import type { Summary } from '../summary.js';
import { parseIsoMinutes } from '../../model/time.js';
import { formatCount, formatPercent, formatUsd } from '../format.js';

/**
 * The answer in a few sentences, from the summary alone: what the lease buys, how much of it the
 * plan uses, what failures cost, and when the work runs out.
 */
export function keyFindings(s: Summary): string[] {
  const c = s.cluster;
  const m = s.money;
  const out: string[] = [];
  out.push(`The lease buys ${formatCount(c.availableGpuHours)} GPU-hours for ${formatUsd(m.leasePaidUsd)}, ${formatUsd(m.costPerAvailableGpuHourUsd)} per GPU-hour.`);
  const idleShare = m.leasePaidUsd > 0 ? m.idleCostUsd / m.leasePaidUsd : null;
  out.push(`The planned runs hold ${formatPercent(c.utilization)} of them; ${formatUsd(m.idleCostUsd)} (${formatPercent(idleShare)} of the lease) pays for capacity no run holds.`);
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
    out.push(
      `All ${s.runs.length} runs finish by ${last.slice(0, 10)}` +
        (idleDays >= 30 ? `; the ${formatCount(Math.floor(idleDays))} days of the term after that have no work planned.` : '.'),
    );
  } else if (unfinished.length > 0) {
    out.push(`${done.length} of ${s.runs.length} runs finish within the term; ${unfinished.join(', ')} ${unfinished.length === 1 ? 'does' : 'do'} not.`);
  }
  const priciest = [...s.runs].sort((a, b) => b.costUsageShareUsd - a.costUsageShareUsd)[0];
  if (priciest && s.runs.length > 1) {
    out.push(`The costliest run is ${priciest.name}: ${formatUsd(priciest.costUsageShareUsd)} by usage share, ${formatUsd(priciest.costFullyLoadedUsd)} fully loaded.`);
  }
  return out;
}
