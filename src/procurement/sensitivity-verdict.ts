import { formatUsd } from '../reports/format.js';
import type { Sensitivity } from './sensitivity.js';
import type { Verdict } from './verdict.js';

/**
 * A tornado in words: which option the base case favours and by how much, which parameter moves
 * the difference most, and which parameters (if any) flip the answer within their range.
 */
export function sensitivityVerdict(s: Sensitivity): Verdict {
  const base = s.baseSavingsUsd;
  const leans = base >= 0 ? `${s.lease} is cheaper than ${s.against} by ${formatUsd(base)}` : `${s.against} is cheaper than ${s.lease} by ${formatUsd(-base)}`;
  const top = s.parameters[0];
  const flips = s.parameters.filter((p) => Math.sign(p.lowSavingsUsd) !== Math.sign(base) || Math.sign(p.highSavingsUsd) !== Math.sign(base));
  const answer = top
    ? `As written, ${leans}. ${top.name} moves the difference most: from ${formatUsd(top.lowSavingsUsd)} at × ${s.lowFactor} to ${formatUsd(top.highSavingsUsd)} at × ${s.highFactor}.`
    : `As written, ${leans}.`;
  const notes = [
    flips.length > 0
      ? `The answer flips within its range for ${flips.map((p) => p.name).join(', ')}: the decision depends on ${flips.length === 1 ? 'it' : 'them'}.`
      : `No parameter flips the answer within × ${s.lowFactor} to × ${s.highFactor}.`,
  ];
  return { answer, notes };
}

/** A parameter's name for a table: the GPU type with the two racks it was set to. */
export function parameterLabel(p: { name: string; low: number | string; high: number | string }): string {
  return typeof p.low === 'string' ? `${p.name} (${p.low} / ${p.high})` : p.name;
}
