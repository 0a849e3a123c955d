import { parseIsoMinutes } from '../model/time.js';
import type { WrittenScenario } from '../scenario/schema.js';
import type { SchedulerSpec } from './scheduler-spec.js';

/** The `scheduler:` section with defaults applied; reservation dates to ticks. */
export function normalizeScheduler(w: WrittenScenario, startMinutes: number, tickMinutes: number): SchedulerSpec | undefined {
  const s = w.scheduler;
  if (!s) return undefined;
  const runs = w.runs ?? [];
  return {
    policy: s.policy,
    preemption: s.preemption ?? false,
    quotas: { ...s.quotas },
    reservations: (s.reservations ?? []).map((r) => ({
      run: r.run,
      runIndex: runs.findIndex((run) => run.name === r.run),
      racks: r.racks,
      fromTick: Math.max(0, Math.floor((parseIsoMinutes(r.from) - startMinutes) / tickMinutes)),
    })),
  };
}
