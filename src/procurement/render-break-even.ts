import { plainTable } from '../reports/plain-table.js';
import { formatQuantity, formatUsd } from '../reports/format.js';
import { formatInputDescription } from '../reports/input-description.js';
import type { BreakEven } from './break-even-report.js';

const signedUsd = (usd: number) => (usd > 0 ? `+${formatUsd(usd)}` : formatUsd(usd));
const value = formatQuantity;

/** `capsim breakeven` as text: the value, which option is cheaper on each side, the interval from the replications, and every probe. */
export function renderBreakEven(b: BreakEven): string {
  const [a, other] = b.between;
  const name = b.kind === 'parameter' ? `${b.vary} (a factor)` : b.vary;
  const reps = b.capsim.replications;
  const out: string[] = [];
  out.push(b.scenario);
  out.push(`Break-even of ${name} between ${a} and ${other}: where their NPVs at equal work are the same (mean of ${reps} paired replications)`);
  out.push(`range ${value(b.range[0])} .. ${value(b.range[1])} · tolerance ${value(b.whole ? 1 : b.tolerance)} · capsim ${b.capsim.version} · seed ${b.capsim.seed} · scenario ${b.capsim.scenarioHash.slice(0, 12)}`);
  for (const d of b.uncertainInputs ?? []) out.push(`uncertain input: ${formatInputDescription(d)}`);
  out.push('');
  if (b.value === null) {
    out.push(`No break-even within the range: ${b.cheaperThroughout} is cheaper at both ends.`);
  } else {
    out.push(`${name} = ${value(b.value)}: ${b.cheaperBelow} is cheaper below, ${b.cheaperAbove} above (bracket ${value(b.bracket?.[0] ?? null)} .. ${value(b.bracket?.[1] ?? null)})`);
  }
  const r = b.byReplication;
  const throughout = [r.aCheaperThroughout > 0 ? `${a} cheaper throughout in ${r.aCheaperThroughout}` : '', r.bCheaperThroughout > 0 ? `${other} cheaper throughout in ${r.bCheaperThroughout}` : ''].filter(Boolean).join(', ');
  out.push(
    `Solved in each replication on its own: ${r.solved} of ${reps}${throughout ? ` (${throughout})` : ''}` +
      (r.solved > 0 ? `; p5 ${value(r.p5)}, median ${value(r.p50)}, p95 ${value(r.p95)}; mean ${value(r.mean)}${r.ci95 ? ` (95% CI ${value(r.ci95[0])} .. ${value(r.ci95[1])})` : ''}` : ''),
  );
  out.push('');
  out.push(`Probes: ${a} - ${other}, NPV at equal work, mean over the replications`);
  out.push(plainTable([b.vary, 'difference', '95% CI'], b.probes.map((p) => [value(p.value), signedUsd(p.differenceUsd), p.ci95Usd ? `${signedUsd(p.ci95Usd[0])} .. ${signedUsd(p.ci95Usd[1])}` : ''])));
  return out.join('\n') + '\n';
}
