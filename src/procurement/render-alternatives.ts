import type { Doc } from '../reports/doc.js';
import { formatCount, formatPercent, formatUsd } from '../reports/format.js';
import type { Alternative } from './alternatives.js';

/** The alternatives section of a run's report: each option's cost of the same work, at the run's seed. */
export function renderAlternatives(rows: readonly Alternative[], doc: Doc): string[] {
  return [
    doc.heading('Alternatives at this seed'),
    doc.text("The same named runs bought each way (one replication on the run's seed; capsim compare gives intervals and ranks by present value):"),
    doc.table(
      ['option', 'kind', 'hardware', 'total cost', 'work delivered, GPU-h', 'per GPU-hour of work', 'work done'],
      rows.map((r) => [r.option, r.kind, r.rack, formatUsd(r.totalCostUsd), formatCount(r.workGpuHours), formatUsd(r.usdPerWorkGpuHour), formatPercent(r.deliveredShare, 0)]),
    ),
    ...rows.flatMap((r) => (r.note ? [doc.text(`${r.note.charAt(0).toUpperCase()}${r.note.slice(1)}.`)] : [])),
    doc.text("A GPU-hour of work is a GPU-hour of the scenario's own rack at each run's speed there, so hardware that does less per hour costs more per unit of work."),
  ];
}
