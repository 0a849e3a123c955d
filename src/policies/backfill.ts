import type { ClusterView, Decision, Policy, QueuedRequest } from './policy.js';
import { poolOf, take, usable, type Pool } from './pool.js';

/** When the head of the queue is sure to start, by the estimates, and the racks to spare then. */
export interface Shadow {
  tick: number;
  extraRacks: number;
}

/**
 * EASY backfill (Lifka 1995; Mu'alem and Feitelson 2001): start requests in queue order while
 * they fit. The first that does not fit gets a reservation at its shadow time, the earliest
 * tick at which, by the running runs' estimates, enough racks are free. A later request may
 * jump ahead if it fits now and either ends by its estimate before the shadow time, or uses
 * only racks the head will not need then. Only estimates are used: a run without one is taken
 * to run forever, and a run past its estimate to end at the next tick.
 */
export const backfill: Policy = (view, queue) => {
  const decisions: Decision[] = [];
  const pool = poolOf(view);
  const started: Array<{ racks: number; endTick: number }> = [];
  let i = 0;
  for (; i < queue.length; i++) {
    const request = queue[i] as QueuedRequest;
    if (!take(pool, request)) break;
    decisions.push({ kind: 'start', id: request.id, useSpares: request.restart });
    started.push({ racks: request.racks, endTick: estimatedEnd(view.nowTick, view.nowTick, request.estimatedTicks) });
  }
  const head = queue[i];
  if (!head) return decisions;
  const shadow = shadowOf(view, head, pool, started);
  if (shadow === null) return decisions;
  let extra = shadow.extraRacks;
  for (const request of queue.slice(i + 1)) {
    if (request.racks > usable(pool, request)) continue;
    const endsInTime = view.nowTick + (request.estimatedTicks ?? Infinity) <= shadow.tick;
    if (!endsInTime && request.racks > extra) continue;
    take(pool, request);
    if (!endsInTime) extra -= request.racks;
    decisions.push({ kind: 'start', id: request.id, useSpares: request.restart });
  }
  return decisions;
};

/**
 * The head's shadow time: walk the running runs (and those just started) by estimated end,
 * adding their racks to what is usable now, until the head fits. Null when the estimates never
 * free enough (a run without an estimate holds its racks forever).
 */
export function shadowOf(view: ClusterView, head: QueuedRequest, pool: Pool, started: ReadonlyArray<{ racks: number; endTick: number }> = []): Shadow | null {
  const ends = [
    ...view.running.map((r) => ({
      racks: r.racks,
      endTick: r.preempting ? (r.releaseTick ?? view.nowTick) : estimatedEnd(view.nowTick, r.startTick, r.estimatedTicks),
    })),
    ...started,
  ].sort((a, b) => a.endTick - b.endTick);
  let available = usable(pool, head);
  for (const end of ends) {
    if (!Number.isFinite(end.endTick)) return null;
    available += end.racks;
    if (available >= head.racks) return { tick: end.endTick, extraRacks: available - head.racks };
  }
  return null;
}

function estimatedEnd(nowTick: number, startTick: number, estimatedTicks: number | null): number {
  if (estimatedTicks === null) return Infinity;
  return Math.max(nowTick + 1, startTick + estimatedTicks);
}
