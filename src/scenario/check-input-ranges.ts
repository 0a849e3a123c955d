import type { Problem } from './problems.js';
import { setAll } from './set-at.js';
import type { UncertainInput } from './uncertain-input.js';

/**
 * The problems any draw of the uncertain inputs could raise, found at load time so that no
 * replication can fail: the scenario is checked (by `check`, shape and rules) with the inputs at
 * the ends of their ranges: all low, all high, and each input at one end with every other at the
 * other end (2k + 2 checks for k inputs). A rule that compares two sums of inputs (a run's racks
 * against the cluster's racks less its spares) is worst at one of these corners whenever at most
 * one of its inputs pulls against the others, which holds for every rule capsim has. Problems
 * found at a corner say which values raised them.
 */
export function checkInputRanges(data: unknown, inputs: readonly UncertainInput[], check: (data: unknown) => Problem[]): Problem[] {
  const found = new Map<string, Problem>();
  for (const corner of corners(inputs)) {
    const drawn = setAll(data, inputs.map((input, i) => ({ segments: input.segments, value: corner[i] })));
    for (const p of check(drawn)) {
      if (p.severity !== 'error') continue;
      const key = `${p.code}|${p.path.join('.')}|${p.message}`;
      if (!found.has(key)) found.set(key, { ...p, message: `${p.message} (a draw can give ${describe(inputs, corner, p.path.join('.'))})` });
    }
  }
  return [...found.values()];
}

function corners(inputs: readonly UncertainInput[]): number[][] {
  const low = inputs.map((i) => i.low);
  const high = inputs.map((i) => i.high);
  const all = [low, high, ...inputs.flatMap((_, k) => [low.map((v, i) => (i === k ? high[i] as number : v)), high.map((v, i) => (i === k ? low[i] as number : v))])];
  const seen = new Set<string>();
  return all.filter((c) => {
    const key = c.join(',');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The inputs' values at a corner, those under the problem's own top-level key first. */
function describe(inputs: readonly UncertainInput[], corner: readonly number[], problemPath: string): string {
  const top = problemPath.split('.')[0] ?? '';
  const order = inputs.map((input, i) => ({ input, i })).sort((a, b) => Number(b.input.segments[0] === top) - Number(a.input.segments[0] === top) || a.i - b.i);
  const parts = order.map(({ input, i }) => `${input.path} = ${corner[i]}`);
  return parts.length <= 4 ? parts.join(', ') : `${parts.slice(0, 4).join(', ')} and ${parts.length - 4} more at an end of their ranges`;
}
