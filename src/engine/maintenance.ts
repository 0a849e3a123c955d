import type { Participant, ScheduleEvent } from './participant.js';
import { preemptRun } from './preempt.js';
import { returnRacks } from './racks.js';
import { causeIndex, countInterruption } from './runs.js';
import { runningRuns } from './running.js';
import type { MaintenanceSpec } from './spec.js';
import type { RunState, SimState } from './state.js';

/** The interruption a maintenance window makes, as its cause is named in the report. */
export const maintenanceCause = 'planned-maintenance';

/**
 * Planned maintenance windows: every `everyTicks` from `firstTick`, a window takes `racks` racks
 * (every installed rack in service, by default) out of service for `durationTicks`. Free racks go
 * first, then spares; if that is not enough, runs are interrupted, the latest started first: the
 * window is planned, so each writes a checkpoint (a preemption, counted as an interruption of its
 * own cause) and its racks join the window as they come back. Racks in maintenance count as down.
 */
export function maintenanceParticipant(windows: readonly MaintenanceSpec[]): Participant {
  const owed = windows.map(() => 0);
  const held = windows.map(() => 0);
  const closesAt = windows.map(() => 0);
  let schedule: ScheduleEvent = () => undefined;

  const take = (state: SimState, i: number) => {
    const fromFree = Math.min(owed[i] ?? 0, state.freeRacks);
    const fromSpare = Math.min((owed[i] ?? 0) - fromFree, state.spareRacks);
    state.freeRacks -= fromFree;
    state.spareRacks -= fromSpare;
    const racks = fromFree + fromSpare;
    if (racks === 0) return;
    state.downRacks += racks;
    held[i] = (held[i] ?? 0) + racks;
    state.maintenanceDown.push(state.now, closesAt[i] ?? state.now, racks);
    owed[i] = (owed[i] ?? 0) - fromFree - fromSpare;
  };

  const open = (state: SimState, i: number) => {
    const w = windows[i] as MaintenanceSpec;
    closesAt[i] = state.now + w.durationTicks;
    owed[i] = Math.min(w.racks ?? state.installedRacks, state.installedRacks - state.downRacks);
    take(state, i);
    let short = (owed[i] ?? 0) - state.freeRacks - state.spareRacks;
    if (short > 0) {
      const cause = causeIndex(state, maintenanceCause);
      const latestFirst = [...runningRuns(state)].filter((r) => r.status === 'active').sort(latestStarted);
      for (const run of latestFirst) {
        if (short <= 0) break;
        short -= run.racksHeld;
        countInterruption(run, cause);
        preemptRun(state, run);
      }
      take(state, i);
    }
    schedule(closesAt[i] ?? state.now, 2 * i + 1);
    if (state.now + w.everyTicks < state.scenario.horizonTicks) schedule(state.now + w.everyTicks, 2 * i);
  };

  const close = (state: SimState, i: number) => {
    const racks = held[i] ?? 0;
    owed[i] = 0;
    held[i] = 0;
    state.downRacks -= racks;
    returnRacks(state, racks);
  };

  return {
    attach(state, scheduleEvent) {
      schedule = scheduleEvent;
      windows.forEach((w, i) => {
        if (w.firstTick < state.scenario.horizonTicks) schedule(w.firstTick, 2 * i);
      });
    },
    onEvent(state, target) {
      if (target % 2 === 0) open(state, target / 2);
      else close(state, (target - 1) / 2);
    },
    // Racks a window is still owed (those of runs writing their last checkpoint, or back from
    // repair) are taken before the policy can give them to a run.
    beforeDecide(state) {
      for (let i = 0; i < owed.length; i += 1) if ((owed[i] ?? 0) > 0) take(state, i);
    },
  };
}

function latestStarted(a: RunState, b: RunState): number {
  return b.lastHoldStartTick - a.lastHoldStartTick || b.spec.index - a.spec.index;
}
