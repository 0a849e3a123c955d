import { isoToTick } from '../model/time.js';
import type { WrittenScenario } from '../scenario/schema.js';
import type { SchedulerSpec } from './scheduler-spec.js';

/** The `scheduler:` section with defaults applied; reservation dates to ticks. */
export function normalizeScheduler(w: WrittenScenario, startMinutes: number, tickSeconds: number): SchedulerSpec | undefined {
  const s = w.scheduler;
  if (!s) return undefined;
  const runs = w.runs ?? [];
  return {
    policy: s.policy,
    preemption: s.preemption ?? false,
    quotas: { ...s.quotas },
    // 0.1: an assumption. A training step that crosses pods leaves the pod's rail-optimised
    // fabric for the spine; published slowdowns vary with the model's parallelism, so a
    // scenario should set its own.
    placement: s.placement ? { podRacks: s.placement.podRacks, crossPodMfuPenalty: s.placement.crossPodMfuPenalty ?? 0.1 } : null,
    reservations: (s.reservations ?? []).map((r) => ({
      run: r.run,
      runIndex: runs.findIndex((run) => run.name === r.run),
      racks: r.racks,
      fromTick: Math.max(0, isoToTick(r.from, startMinutes, tickSeconds)),
    })),
  };
}
