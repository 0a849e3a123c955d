import type { ClusterView, QueuedRequest } from './policy.js';

/** The racks a policy has left to hand out within one decision: free, and spares for restarts. */
export interface Pool {
  free: number;
  spare: number;
}

export function poolOf(view: ClusterView): Pool {
  return { free: view.freeRacks, spare: view.spareRacks };
}

/** Racks the request could use now: free racks, plus spares when it is restarting. */
export function usable(pool: Pool, request: QueuedRequest): number {
  return pool.free + (request.restart ? pool.spare : 0);
}

/** Take the request's racks from the pool (free first) if they are there; say whether it fits. */
export function take(pool: Pool, request: QueuedRequest): boolean {
  if (request.racks > usable(pool, request)) return false;
  const fromFree = Math.min(pool.free, request.racks);
  pool.free -= fromFree;
  pool.spare -= request.racks - fromFree;
  return true;
}
