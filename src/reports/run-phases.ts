import { allocateCents, centsToUsd } from '../model/money.js';
import { tickToIso, ticksToDays } from '../model/time.js';
import type { RunOutcome } from '../simulation/record.js';
import type { Scenario } from '../scenario/scenario.js';
import { gpuHours } from './metrics.js';

/**
 * A run's phases as the report gives them: when each began and ended, its wall-clock days, the
 * GPU-hours held in it and its part of the run's usage-share cost (split by GPU-hours held, to
 * the cent). Null for a run of one phase.
 */
export function runPhases(run: RunOutcome, s: Scenario, horizonTicks: number, runCents: number) {
  if (!run.phases) return null;
  const cents = allocateCents(runCents, run.phases.map((p) => p.heldRackTicks));
  return run.phases.map((p, i) => ({
    name: p.name,
    racks: p.racks,
    gpus: p.racks * s.rack.gpusPerRack,
    started: p.firstTick === null ? null : tickToIso(s.startMinutes, s.tickSeconds, p.firstTick),
    ended: p.endTick === null ? null : tickToIso(s.startMinutes, s.tickSeconds, p.endTick),
    wallClockDays: p.firstTick === null ? null : ticksToDays((p.endTick ?? horizonTicks) - p.firstTick, s.tickSeconds),
    gpuHoursHeld: gpuHours(p.heldRackTicks, s.rack.gpusPerRack, s.tickSeconds),
    costUsageShareUsd: centsToUsd(cents[i] ?? 0),
  }));
}
