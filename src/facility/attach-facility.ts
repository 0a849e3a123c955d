import { EventKind } from '../engine/events.js';
import type { SimState } from '../engine/state.js';
import type { FacilitySpec } from './facility-spec.js';
import { createFacilityState } from './facility-state.js';

/**
 * Give a simulation its facility: the hourly timeline is drawn now, and one environment event
 * is queued at a time (the next hour boundary), so the queue stays small.
 */
export function attachFacility(state: SimState, spec: FacilitySpec, seed: number, replication: number): void {
  state.facility = createFacilityState(state.scenario, spec, seed, replication);
  scheduleNextHour(state);
}

/** An hour boundary: the weather and supply of the new hour apply from now (see enforce.ts). */
export function onEnvironment(state: SimState): void {
  scheduleNextHour(state);
}

function scheduleNextHour(state: SimState): void {
  const f = state.facility;
  if (!f) return;
  const next = (Math.floor(state.now / f.ticksPerHour) + 1) * f.ticksPerHour;
  if (next < state.scenario.horizonTicks) state.events.push(next, EventKind.environment, -1);
}
