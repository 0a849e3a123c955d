import type { SimState } from './state.js';

/**
 * Move the clock to `tick`, integrating the rack pools over the stretch in O(1) per calendar
 * month crossed: nothing changes between events, so no tick is visited.
 */
export function advance(state: SimState, tick: number): void {
  let from = state.now;
  while (from < tick) {
    const month = state.months[state.monthIndex];
    const totals = state.monthTotals[state.monthIndex];
    if (!month || !totals) break;
    const to = Math.min(tick, month.endTick);
    const dt = to - from;
    totals.installedRackTicks += state.installedRacks * dt;
    totals.allocatedRackTicks += state.allocatedRacks * dt;
    totals.downRackTicks += state.downRacks * dt;
    from = to;
    if (to === month.endTick) state.monthIndex += 1;
  }
  state.now = tick;
}
