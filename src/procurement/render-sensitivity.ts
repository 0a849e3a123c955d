import { formatUsd } from '../reports/format.js';
import type { Sensitivity } from './sensitivity.js';
import { plainTable } from '../reports/plain-table.js';

const signedUsd = (usd: number) => (usd > 0 ? `+${formatUsd(usd)}` : formatUsd(usd));
const at = (value: number | string) => (typeof value === 'number' ? `x ${value}` : value);

/** A tornado as a table: parameters by swing, largest first, with a bar of the swing. */
export function renderSensitivity(s: Sensitivity): string {
  const widest = s.parameters.reduce((w, p) => Math.max(w, p.swingUsd), 0);
  const bar = (usd: number) => (widest > 0 ? '#'.repeat(Math.round((usd / widest) * 30)) : '');
  const out: string[] = [];
  out.push(`${s.scenario}`);
  out.push(`Savings of ${s.lease} against ${s.against}, at equal work (its NPV - the lease's, each scaled to all the work asked; positive: the lease is cheaper)`);
  out.push(`each parameter x ${s.lowFactor} and x ${s.highFactor} (the GPU type: two racks), one at a time · ${s.capsim.replications} paired replication${s.capsim.replications === 1 ? '' : 's'} · seed ${s.capsim.seed}`);
  out.push(`capsim ${s.capsim.version} · scenario ${s.capsim.scenarioHash.slice(0, 12)}`);
  out.push('');
  out.push(`base: ${signedUsd(s.baseSavingsUsd)}`);
  out.push(
    plainTable(
      ['parameter', 'low', 'savings', 'high', 'savings', 'swing', ''],
      s.parameters.map((p) => [p.name, at(p.low), signedUsd(p.lowSavingsUsd), at(p.high), signedUsd(p.highSavingsUsd), formatUsd(p.swingUsd), bar(p.swingUsd)]),
    ),
  );
  out.push('');
  for (const p of s.parameters) out.push(`${p.name}: ${p.description}`);
  return out.join('\n') + '\n';
}
