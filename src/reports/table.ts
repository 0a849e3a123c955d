import { plainTable } from './plain-table.js';
import { renderQueue } from './queue-table.js';
import { textDoc } from './doc.js';
import { renderFacility } from './render-facility.js';
import { styleText } from 'node:util';
import type { Summary } from './summary.js';
import { formatCount, formatDecimal, formatFlop, formatPercent, formatQuantity, formatTick, formatUsd } from './format.js';
import { phaseHead, phaseRows } from './phase-rows.js';

const table = plainTable;

export interface TableOptions {
  /** ANSI styles for titles and statuses: the CLI asks for them only on a terminal. */
  colour?: boolean;
}

export function renderTable(s: Summary, options: TableOptions = {}): string {
  const out: string[] = [];
  const sc = s.scenario;
  // validateStream off: whether to colour is the caller's decision, not the environment's.
  const style = (format: Parameters<typeof styleText>[0], text: string) => (options.colour ? styleText(format, text, { validateStream: false }) : text);
  const statusColour = { completed: 'green', active: 'cyan', queued: 'yellow', pending: 'yellow' } as const;
  out.push(style('bold', sc.name));
  out.push(
    `${sc.start} .. ${sc.end} (${formatCount(sc.horizonDays)} days) · ${formatCount(sc.racks)} x ${sc.rackName} = ${formatCount(sc.gpus)} GPUs` +
      `${sc.spareRacks > 0 ? ` (${sc.spareRacks} spare rack${sc.spareRacks === 1 ? '' : 's'})` : ''} · tick ${formatTick(sc.tickSeconds)}`,
  );
  out.push(`capsim ${s.capsim.version} · seed ${s.capsim.seed} · scenario ${s.capsim.scenarioHash.slice(0, 12)}`);
  if (s.inputs) {
    out.push(`uncertain inputs, as drawn for replication ${s.capsim.replication}: ${Object.entries(s.inputs).map(([path, v]) => `${path} = ${formatQuantity(v)}`).join(' · ')}`);
  }
  out.push('');

  out.push(style('bold', 'Training runs'));
  out.push(
    table(
      ['run', 'status', 'GPUs', 'start', 'end', 'wait d', 'wall d', 'done', 'interrupts', 'GPU-h held', 'lost GPU-h', 'ETTR', 'cost usage-share', 'cost fully-loaded'],
      s.runs.map((r) => [
        r.name,
        style(statusColour[r.status as keyof typeof statusColour] ?? 'reset', r.status),
        formatCount(r.gpus),
        r.started ?? '–',
        r.finished ?? '–',
        formatDecimal(r.queueWaitDays),
        formatDecimal(r.wallClockDays),
        formatPercent(r.progress, 0),
        formatCount(r.interruptions),
        formatCount(r.gpuHoursHeld),
        formatCount(r.lostGpuHours),
        formatPercent(r.ettr),
        formatUsd(r.costUsageShareUsd),
        formatUsd(r.costFullyLoadedUsd),
      ]),
      2,
    ),
  );
  out.push('');
  const phases = phaseRows(s);
  if (phases.length > 0) out.push(style('bold', 'Phases'), table(phaseHead, phases, 2), '');

  const c = s.cluster;
  out.push(style('bold', 'Cluster'));
  out.push(
    table(
      ['GPU-hours', 'available', 'allocated', 'productive', 'lost', 'checkpoint', 'restart', 'idle', 'down'],
      [['', ...[c.availableGpuHours, c.allocatedGpuHours, c.productiveGpuHours, c.lostGpuHours, c.checkpointGpuHours, c.restartGpuHours, c.idleGpuHours, c.downGpuHours].map(formatCount)]],
    ),
  );
  out.push(`utilization ${formatPercent(c.utilization)} · goodput ${formatPercent(c.goodput)} · ${formatCount(c.interruptions)} interruptions`);
  out.push('');

  const m = s.money;
  out.push(style('bold', 'Lease'));
  out.push(
    `paid ${formatUsd(m.leasePaidUsd)} · idle capacity ${formatUsd(m.idleCostUsd)} · ` +
      `${formatUsd(m.costPerAvailableGpuHourUsd)} per available GPU-hour · ${formatUsd(m.costPerAllocatedGpuHourUsd)} per allocated GPU-hour`,
  );
  out.push('');

  out.push(style('bold', 'Utilization by month'));
  out.push(
    table(
      ['month', 'available GPU-h', 'allocated GPU-h', 'down GPU-h', 'utilization', 'lease paid'],
      s.months.map((mo) => [
        mo.month,
        formatCount(mo.availableGpuHours),
        formatCount(mo.allocatedGpuHours),
        formatCount(mo.downGpuHours),
        formatPercent(mo.utilization),
        formatUsd(mo.leasePaidUsd),
      ]),
    ),
  );
  out.push('');
  if (s.facility) {
    for (const line of renderFacility(s.facility, textDoc)) out.push(line);
    out.push('');
  }
  if (s.queue) {
    for (const line of renderQueue(s.queue, textDoc)) out.push(line);
    out.push('');
  }
  out.push(`Work: ${s.runs.map((r) => `${r.name} ${formatFlop(r.totalFlop)} FLOP`).join(' · ')}`);
  return out.join('\n') + '\n';
}

export function renderJson(s: Summary): string {
  return JSON.stringify(s, null, 2) + '\n';
}
