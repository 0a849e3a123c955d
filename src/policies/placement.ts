import type { RunSpec, Scenario } from '../scenario/scenario.js';

/** Pods a run of `racks` spans at least, with racks grouped into pods of `podRacks`. */
export function podsSpanned(racks: number, podRacks: number): number {
  return Math.ceil(racks / podRacks);
}

/**
 * Placement in pods: a run larger than one pod must span several, and its collectives cross
 * the pods' spine, so it runs at (1 - crossPodMfuPenalty) of its speed. Applied to the run's
 * specification, so that anything that later scales its speed (a power cap) scales the
 * penalised speed. Runs that fit in a pod are taken to be placed within one.
 */
export function placed(scenario: Scenario, specs: RunSpec[]): RunSpec[] {
  const placement = scenario.scheduler?.placement;
  if (!placement || placement.crossPodMfuPenalty === 0) return specs;
  return specs.map((spec) =>
    podsSpanned(spec.racks, placement.podRacks) > 1 ? { ...spec, tflopsPerGpu: spec.tflopsPerGpu * (1 - placement.crossPodMfuPenalty) } : spec,
  );
}
