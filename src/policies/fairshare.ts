import type { Decision, Policy, QueuedRequest } from './policy.js';
import { poolOf, take } from './pool.js';

/**
 * Fair share by quota: the next request to start is the oldest of the team furthest below its
 * share, measured as racks held now / quota weight (a team not listed weighs 1). If that request
 * does not fit, nothing else starts: the team below its share keeps its claim on the next free
 * racks, as a FIFO head would. Instantaneous usage, no decay: a team that held much of the
 * cluster yesterday is not penalised today.
 */
export function fairshare(quotas: Readonly<Record<string, number>>): Policy {
  // hasOwn: a team named toString or __proto__ weighs 1 like any team without a quota.
  const weightOf = (team: string) => (Object.hasOwn(quotas, team) ? (quotas[team] ?? 1) : 1);
  return (view, queue) => {
    const decisions: Decision[] = [];
    const pool = poolOf(view);
    const held = new Map<string, number>();
    for (const r of view.running) held.set(r.team, (held.get(r.team) ?? 0) + r.racks);
    const waiting = new Map<string, QueuedRequest[]>();
    for (const request of queue) {
      const list = waiting.get(request.team);
      if (list) list.push(request);
      else waiting.set(request.team, [request]);
    }
    for (;;) {
      const team = neediest(waiting, held, weightOf);
      if (team === undefined) break;
      const list = waiting.get(team) as QueuedRequest[];
      const request = list[0] as QueuedRequest;
      if (!take(pool, request)) break;
      decisions.push({ kind: 'start', id: request.id, useSpares: request.restart });
      held.set(team, (held.get(team) ?? 0) + request.racks);
      list.shift();
      if (list.length === 0) waiting.delete(team);
    }
    return decisions;
  };
}

/** The waiting team with the least racks per unit of quota; ties go to the older request. */
function neediest(waiting: Map<string, QueuedRequest[]>, held: Map<string, number>, weightOf: (team: string) => number): string | undefined {
  let best: string | undefined;
  let bestUsage = Infinity;
  let bestFirst: QueuedRequest | undefined;
  for (const [team, list] of waiting) {
    const usage = (held.get(team) ?? 0) / weightOf(team);
    const first = list[0];
    if (usage < bestUsage || (usage === bestUsage && first && bestFirst && isOlder(first, bestFirst))) {
      best = team;
      bestUsage = usage;
      bestFirst = first;
    }
  }
  return best;
}

function isOlder(a: QueuedRequest, b: QueuedRequest): boolean {
  return a.submitTick < b.submitTick || (a.submitTick === b.submitTick && a.id < b.id);
}
