import type { ReservationSpec } from './scheduler-spec.js';
import type { ClusterView, Decision, Policy, QueuedRequest } from './policy.js';

/** A reservation as the policy holds it: the reserved run's submit tick comes from the plan. */
export interface Reservation extends ReservationSpec {
  submitTick: number;
}

/**
 * Hold `racks` for a named run from a date until it first starts. From the date on, the run
 * starts as soon as it is queued and fits, ahead of everything. Meanwhile another request may
 * start only if, by its estimate, it ends before the date, or if what runs past the date
 * (by the estimates; a run without one runs forever) still leaves `racks` free. Any base policy
 * decides the rest; its starts that would break the reservation wait.
 */
export function withReservations(base: Policy, reservations: readonly Reservation[]): Policy {
  return (view, queue) => {
    const active = reservations.filter((r) => isActive(r, view, queue));
    if (active.length === 0) return base(view, queue);
    const decisions: Decision[] = [];
    let free = view.freeRacks;
    let spare = view.spareRacks;
    const reservedIds = new Set(active.map((r) => r.runIndex));
    for (const r of active) {
      const request = queue.find((q) => q.id === r.runIndex);
      const usable = free + (request?.restart ? spare : 0);
      if (request && view.nowTick >= r.fromTick && request.racks <= usable) {
        decisions.push({ kind: 'start', id: request.id, useSpares: request.restart });
        const fromFree = Math.min(free, request.racks);
        free -= fromFree;
        spare -= request.racks - fromFree;
        reservedIds.delete(request.id);
      }
    }
    const holding = active.filter((r) => reservedIds.has(r.runIndex));
    const rest = queue.filter((q) => !reservedIds.has(q.id) && !decisions.some((d) => d.id === q.id));
    const baseView: ClusterView = { ...view, freeRacks: free, spareRacks: spare };
    const capacity = view.freeRacks + view.running.reduce((sum, r) => sum + r.racks, 0);
    const byId = new Map(rest.map((q) => [q.id, q]));
    const pastDate = holding.map((r) => ({ r, busy: busyPast(view, r.fromTick) }));
    for (const d of base(Object.freeze(baseView), Object.freeze(rest))) {
      const request = byId.get(d.id);
      if (d.kind !== 'start' || !request) {
        decisions.push(d);
        continue;
      }
      const end = view.nowTick + (request.estimatedTicks ?? Infinity);
      const fits = pastDate.every(({ r, busy }) => end <= r.fromTick || busy + request.racks <= capacity - r.racks);
      if (!fits) continue;
      for (const p of pastDate) if (end > p.r.fromTick) p.busy += request.racks;
      decisions.push(d);
    }
    return decisions;
  };
}

/** Held until the run first starts: before it is submitted, and while it waits to start. */
function isActive(r: Reservation, view: ClusterView, queue: readonly QueuedRequest[]): boolean {
  if (view.nowTick < r.submitTick) return true;
  return queue.some((q) => q.id === r.runIndex && !q.restart);
}

/** Racks held past `tick` by the running runs, by their estimates. */
function busyPast(view: ClusterView, tick: number): number {
  let busy = 0;
  for (const r of view.running) {
    const end = r.preempting ? (r.releaseTick ?? view.nowTick) : r.estimatedTicks === null ? Infinity : r.startTick + r.estimatedTicks;
    if (end > tick) busy += r.racks;
  }
  return busy;
}
