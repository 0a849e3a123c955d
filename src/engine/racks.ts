import type { SimState } from './state.js';

/** A rack back in service goes to the spare pool until it is full, then to the free pool. */
export function returnRacks(state: SimState, count: number): void {
  const toSpare = Math.min(count, Math.max(0, state.scenario.cluster.spareRacks - state.spareRacks));
  state.spareRacks += toSpare;
  state.freeRacks += count - toSpare;
  state.dirty = true;
}

/** Take racks for a start: free racks first, spares only when the policy allows. */
export function takeRacks(state: SimState, count: number, useSpares: boolean): void {
  const fromFree = Math.min(count, state.freeRacks);
  const fromSpare = count - fromFree;
  if (fromSpare > 0 && (!useSpares || fromSpare > state.spareRacks)) {
    throw new Error(`cannot take ${count} racks: ${state.freeRacks} free, ${useSpares ? state.spareRacks : 0} spares usable`);
  }
  state.freeRacks -= fromFree;
  state.spareRacks -= fromSpare;
  state.allocatedRacks += count;
}
