import type { Decision, Policy, QueuedRequest, RunningView } from './policy.js';
import { poolOf, take, usable } from './pool.js';

/**
 * Strict priority: requests start by priority (higher first), then in queue order; the first
 * that does not fit blocks those after it, so a large important run is not starved by small
 * ones. With preemption, a blocked request preempts lower-priority running runs (lowest
 * priority first, then the most recently started) when that frees enough racks; they
 * checkpoint, yield, and requeue. Racks already on their way back from a preemption count as
 * coming, so one blocked request never preempts twice.
 */
export function priority(options: { preemption: boolean }): Policy {
  return (view, queue) => {
    const decisions: Decision[] = [];
    const pool = poolOf(view);
    for (const request of [...queue].sort(byPriority)) {
      if (take(pool, request)) {
        decisions.push({ kind: 'start', id: request.id, useSpares: request.restart });
        continue;
      }
      if (options.preemption) for (const d of preemptFor(request, usable(pool, request), view.running)) decisions.push(d);
      break;
    }
    return decisions;
  };
}

function byPriority(a: QueuedRequest, b: QueuedRequest): number {
  return b.priority - a.priority || a.submitTick - b.submitTick || a.id - b.id;
}

/** The fewest lower-priority runs to preempt so that `request` fits, or none if it cannot. */
export function preemptFor(request: QueuedRequest, usableNow: number, running: readonly RunningView[]): Decision[] {
  const coming = running.filter((r) => r.preempting).reduce((sum, r) => sum + r.racks, 0);
  let needed = request.racks - usableNow - coming;
  if (needed <= 0) return [];
  const victims = running
    .filter((r) => !r.preempting && r.priority < request.priority)
    .sort((a, b) => a.priority - b.priority || b.startTick - a.startTick || b.id - a.id);
  const chosen: Decision[] = [];
  for (const victim of victims) {
    chosen.push({ kind: 'preempt', id: victim.id });
    needed -= victim.racks;
    if (needed <= 0) return chosen;
  }
  return [];
}
