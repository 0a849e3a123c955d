import type { QueueSummary, GroupMetrics } from './queue-metrics.js';
import type { Doc } from './doc.js';
import { formatCount, formatDecimal, formatPercent, formatUsd } from './format.js';


const columns = ['jobs', 'started', 'done', 'wait mean h', 'wait p95 h', 'JCT mean h', 'slowdown', 'bounded sd', 'GPU-h held', 'util', 'cost usage-share'];

function cells(g: GroupMetrics): string[] {
  return [
    formatCount(g.jobs),
    formatCount(g.started),
    formatCount(g.completed),
    formatDecimal(g.meanWaitHours),
    formatDecimal(g.p95WaitHours),
    formatDecimal(g.meanCompletionHours),
    formatDecimal(g.meanSlowdown, 2),
    formatDecimal(g.meanBoundedSlowdown, 2),
    formatCount(g.gpuHoursHeld),
    formatPercent(g.utilization),
    formatUsd(g.costUsageShareUsd),
  ];
}

/** The queue section of the terminal report: by stream, by team, then one line of totals. */
export function renderQueue(q: QueueSummary, doc: Doc): string[] {
  const out: string[] = [doc.heading(`Queue · policy ${q.policy}`)];
  const runs = q.byStream.find((g) => g.stream === 'runs');
  out.push(
    doc.text(
      `At a glance: ${runs?.lastFinish ? `named runs done by ${runs.lastFinish} · ` : ''}` +
        `jobs wait ${formatDecimal(q.meanWaitHours)} h on average (p95 ${formatDecimal(q.p95WaitHours)} h) · utilization ${formatPercent(q.utilization)}`
    ),
  );
  out.push(doc.table(['stream', ...columns], [...q.byStream.map((g) => [g.stream, ...cells(g)]), ['all', ...cells(q)]]));
  out.push('');
  out.push(doc.table(['team', 'quota weight', ...columns], q.byTeam.map((g) => [g.team, formatDecimal(g.quotaWeight, 2), ...cells(g)])));
  const d = q.deadlines;
  out.push(
    doc.text(
      `Jain fairness ${formatDecimal(q.jainFairness, 3)} · makespan ${formatDecimal(q.makespanDays)} days · ` +
        `${formatCount(q.waitingAtEnd)} waiting at the end` +
        (d.jobs > 0 ? ` · deadlines met ${formatPercent(d.share)} (${formatCount(d.met)} of ${formatCount(d.jobs)})` : '')
    ),
  );
  if (q.reservations.length > 0) {
    out.push('');
    out.push(doc.table(['reservation', 'racks', 'from', 'started', 'start delay h'], q.reservations.map((r) => [r.run, formatCount(r.racks), r.from, r.started ?? '–', formatDecimal(r.startDelayHours)])));
  }
  return out;
}
