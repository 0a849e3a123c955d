import { noDecisions, startDecision, startOnly, type Decision, type Policy, type QueuedRequest } from './policy.js';

/**
 * First in, first out with whole-rack allocation: start requests in queue order while the head
 * fits; the first that does not fit blocks all behind it. A restarting run may use spares.
 */
export const fifo: Policy = (view, queue) => {
  // Most calls start nothing (the head waits for racks): they return the one empty list.
  let decisions: Decision[] = noDecisions;
  let free = view.freeRacks;
  let spare = view.spareRacks;
  for (let i = 0; i < queue.length; i += 1) {
    const request = queue[i] as QueuedRequest;
    const usable = free + (request.restart ? spare : 0);
    if (request.racks > usable) break;
    const fromFree = Math.min(free, request.racks);
    free -= fromFree;
    spare -= request.racks - fromFree;
    // One start (the common case) is a shared list; a second one copies it.
    if (decisions === noDecisions) decisions = startOnly(request.id, request.restart);
    else if (decisions.length === 1) decisions = [decisions[0] as Decision, startDecision(request.id, request.restart)];
    else decisions.push(startDecision(request.id, request.restart));
  }
  return decisions;
};
