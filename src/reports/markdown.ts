import type { Summary } from './summary.js';
import { formatCount, formatDecimal, formatFlop, formatPercent, formatTick, formatUsd } from './format.js';
import { facilityFigures } from './facility-figures.js';
import { markdownDoc } from './doc.js';
import { renderQueue } from './queue-table.js';
import { renderFacility } from './render-facility.js';
import { phaseHead, phaseRows } from './phase-rows.js';

/** A GitHub-flavoured Markdown table; `right` columns are numbers and align right. */
function table(head: string[], rows: string[][], right: (i: number) => boolean): string {
  const esc = (x: string) => x.replace(/\|/g, '\\|');
  const align = head.map((_, i) => (right(i) ? '---:' : ':---'));
  return [head, align, ...rows].map((r, i) => `| ${(i === 1 ? r : r.map(esc)).join(' | ')} |`).join('\n');
}

/** The report as Markdown: the headline numbers and tables for a memo or a pull request. */
export function renderMarkdown(s: Summary): string {
  const sc = s.scenario;
  const c = s.cluster;
  const m = s.money;
  const out: string[] = [];
  out.push(`# ${sc.name}`, '');
  out.push(`${sc.start} to ${sc.end} (${formatCount(sc.horizonDays)} days) · ${formatCount(sc.racks)} × ${sc.rackName} = ${formatCount(sc.gpus)} GPUs · lease ${formatUsd(sc.leaseMonthlyUsd)} a month`, '');
  out.push(
    `**Lease paid ${formatUsd(m.leasePaidUsd)}**; utilization ${formatPercent(c.utilization)}, goodput ${formatPercent(c.goodput)}; ` +
      `${formatUsd(m.idleCostUsd)} paid for idle, spare and down capacity; ${formatCount(c.interruptions)} interruptions cost ${formatCount(c.lostGpuHours)} GPU-hours of lost work.`,
    '',
  );
  out.push('## Training runs', '');
  out.push(
    table(
      ['run', 'status', 'GPUs', 'start', 'finish', 'wait (days)', 'wall-clock (days)', 'done', 'interruptions', 'GPU-hours held', 'lost GPU-hours', 'ETTR', 'cost, usage share', 'cost, fully loaded'],
      s.runs.map((r) => [
        r.name, r.status, formatCount(r.gpus), r.started ?? '–', r.finished ?? '–', formatDecimal(r.queueWaitDays), formatDecimal(r.wallClockDays),
        formatPercent(r.progress, 0), formatCount(r.interruptions), formatCount(r.gpuHoursHeld), formatCount(r.lostGpuHours), formatPercent(r.ettr), formatUsd(r.costUsageShareUsd), formatUsd(r.costFullyLoadedUsd),
      ]),
      (i) => i === 2 || i >= 5,
    ),
    '',
  );
  const phases = phaseRows(s);
  if (phases.length > 0) out.push('## Phases', '', table(phaseHead, phases, (i) => i === 2 || i >= 5), '');
  out.push('## Cluster', '');
  out.push(
    table(
      ['GPU-hours', 'value'],
      [
        ['available', c.availableGpuHours], ['allocated', c.allocatedGpuHours], ['productive', c.productiveGpuHours], ['lost to failures', c.lostGpuHours],
        ['checkpoint writes', c.checkpointGpuHours], ['restarts', c.restartGpuHours], ['idle (spares included)', c.idleGpuHours], ['down for repair', c.downGpuHours],
      ].map(([k, v]) => [String(k), formatCount(v as number)]),
      (i) => i === 1,
    ),
    '',
  );
  out.push('## Lease', '');
  out.push(
    table(
      ['measure', 'value'],
      [
        ['lease paid', formatUsd(m.leasePaidUsd)],
        ['idle cost', formatUsd(m.idleCostUsd)],
        ['per available GPU-hour', formatUsd(m.costPerAvailableGpuHourUsd)],
        ['per allocated GPU-hour', formatUsd(m.costPerAllocatedGpuHourUsd)],
      ],
      (i) => i === 1,
    ),
    '',
  );
  const facility = facilityFigures((s as { facility?: unknown }).facility);
  if (facility.length > 0) {
    out.push('## Facility', '');
    out.push(table(['measure', 'value'], facility, (i) => i === 1), '');
    if (s.facility) {
      for (const line of renderFacility(s.facility, markdownDoc).slice(1)) out.push(line);
      out.push('');
    }
  }
  if (s.queue) {
    out.push(`## Queue · policy ${s.queue.policy}`, '');
    for (const line of renderQueue(s.queue, markdownDoc).slice(1)) out.push(line);
    out.push('');
  }
  out.push('## By month', '');
  out.push(
    table(
      ['month', 'available GPU-hours', 'allocated GPU-hours', 'down GPU-hours', 'utilization', 'lease paid'],
      s.months.map((mo) => [mo.month, formatCount(mo.availableGpuHours), formatCount(mo.allocatedGpuHours), formatCount(mo.downGpuHours), formatPercent(mo.utilization), formatUsd(mo.leasePaidUsd)]),
      (i) => i > 0,
    ),
    '',
  );
  out.push('## Inputs and provenance', '');
  out.push(`- Work: ${s.runs.map((r) => `${r.name} ${formatFlop(r.totalFlop)} FLOP`).join('; ')}`);
  out.push(`- Failure rate: ${sc.failureRatePerGpuHour.toExponential(1)} interruptions per GPU-hour; ${sc.spareRacks} spare rack${sc.spareRacks === 1 ? '' : 's'}; tick ${formatTick(sc.tickSeconds)}`);
  out.push(`- capsim ${s.capsim.version} · seed ${s.capsim.seed} · scenario \`${s.capsim.scenarioHash}\``, '');
  return out.join('\n');
}
