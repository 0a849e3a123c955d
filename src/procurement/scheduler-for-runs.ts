import type { RackType } from '../catalog/racks.js';
import type { SchedulerSpec } from '../policies/scheduler-spec.js';
import type { RunSpec } from '../scenario/scenario.js';

/**
 * The scenario's scheduler for a derived list of runs, possibly on another rack type: each
 * reservation follows its run by name to its new index (dropped when the run is not in the list)
 * and holds the same GPUs (at least the run's racks); pods keep their GPUs too.
 */
export function schedulerForRuns(scheduler: SchedulerSpec, runs: readonly RunSpec[], from: RackType, to: RackType): SchedulerSpec {
  const scale = (racks: number) => (from === to ? racks : Math.max(1, Math.ceil((racks * from.gpusPerRack) / to.gpusPerRack)));
  const index = new Map(runs.map((r, i) => [r.name, i]));
  return {
    ...scheduler,
    reservations: scheduler.reservations.flatMap((r) => {
      const i = index.get(r.run);
      const run = i === undefined ? undefined : runs[i];
      return i === undefined || !run ? [] : [{ ...r, runIndex: i, racks: Math.max(run.racks, scale(r.racks)) }];
    }),
    placement: scheduler.placement ? { ...scheduler.placement, podRacks: scale(scheduler.placement.podRacks) } : null,
  };
}
