import type { EngineScenario } from '../engine/spec.js';
import type { Participant, ScheduleEvent } from '../engine/participant.js';
import type { FacilitySpec } from './facility-spec.js';
import { createFacilityState, type FacilitySimState } from './facility-state.js';
import { advanceFacility } from './advance-facility.js';
import { enforceFacility, holdBackRacks } from './enforce.js';
import { facilityRecord, type FacilityRecord } from './facility-record.js';

export interface FacilityParticipant extends Participant {
  /** The facility's hourly series and totals, once the simulation has finished. */
  record: FacilityRecord | undefined;
}

/**
 * The facility as a participant in a simulation: the hourly timeline is drawn when it is
 * attached, and one hour-boundary event is queued at a time (the next one), so the queue stays
 * small. Before the policy decides it keeps shed racks back; after, it caps or sheds (enforce.ts).
 */
export function facilityParticipant(scenario: EngineScenario, spec: FacilitySpec, seed: number, replication: number): FacilityParticipant {
  let schedule: ScheduleEvent = () => undefined;
  const nextHour = (state: FacilitySimState) => {
    const f = state.facility;
    if (!f) return;
    const next = (Math.floor(state.now / f.ticksPerHour) + 1) * f.ticksPerHour;
    if (next < state.scenario.horizonTicks) schedule(next, -1);
  };
  const participant: FacilityParticipant = {
    record: undefined,
    attach(state: FacilitySimState, scheduleEvent) {
      schedule = scheduleEvent;
      state.facility = createFacilityState(scenario, spec, seed, replication);
      nextHour(state);
    },
    advance: (state: FacilitySimState, tick) => advanceFacility(state, tick),
    // An hour boundary: the weather and supply of the new hour apply from now (see enforce.ts).
    onEvent: (state: FacilitySimState) => nextHour(state),
    beforeDecide: (state: FacilitySimState) => holdBackRacks(state),
    afterDecide: (state: FacilitySimState) => enforceFacility(state),
    finish(state: FacilitySimState) {
      participant.record = facilityRecord(state);
    },
  };
  return participant;
}
