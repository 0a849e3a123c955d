import { plainTable } from '../reports/plain-table.js';
import type { DiffReport } from './diff.js';
import { formatStatistic } from './render-statistics.js';

/**
 * The difference as a table: every metric that differs in some replication (or every metric,
 * with `all`), each side's mean, and the paired difference b - a with its 95% interval.
 */
export function renderDiffTable(d: DiffReport, all: boolean): string {
  const shown = d.metrics.filter((m) => all || (m.changedShare ?? 1) > 0);
  const out = [
    `a: ${d.a.name} (scenario ${d.a.scenarioHash.slice(0, 12)})`,
    `b: ${d.b.name} (scenario ${d.b.scenarioHash.slice(0, 12)})`,
    `capsim ${d.capsim.version} · seed ${d.capsim.seed} · ${d.capsim.replications} paired replication${d.capsim.replications === 1 ? '' : 's'}: the same random draws in both`,
    '',
    plainTable(
      ['metric', 'a mean', 'b mean', 'b - a', '95% CI of b - a', 'changed'],
      shown.map((m) => [
        m.metric,
        formatStatistic(m.a?.mean ?? null),
        formatStatistic(m.b?.mean ?? null),
        formatStatistic(m.difference?.mean ?? null),
        m.difference?.ci95Low == null || m.difference.ci95High == null ? '–' : `${formatStatistic(m.difference.ci95Low)} .. ${formatStatistic(m.difference.ci95High)}`,
        m.changedShare === null ? 'only one side' : `${Math.round(m.changedShare * 100)}%`,
      ]),
    ),
    '',
    all ? `${shown.length} metrics` : `${shown.length} of ${d.metrics.length} metrics differ in some replication; --all shows every metric`,
  ];
  return out.join('\n') + '\n';
}
