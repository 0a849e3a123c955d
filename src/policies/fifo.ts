import type { Decision, Policy } from './policy.js';

/**
 * First in, first out with whole-rack allocation: start requests in queue order while the head
 * fits; the first that does not fit blocks all behind it. A restarting run may use spares.
 */
export const fifo: Policy = (view, queue) => {
  const decisions: Decision[] = [];
  let free = view.freeRacks;
  let spare = view.spareRacks;
  for (const request of queue) {
    const usable = free + (request.restart ? spare : 0);
    if (request.racks > usable) break;
    const fromFree = Math.min(free, request.racks);
    free -= fromFree;
    spare -= request.racks - fromFree;
    decisions.push({ kind: 'start', id: request.id, useSpares: request.restart });
  }
  return decisions;
};
