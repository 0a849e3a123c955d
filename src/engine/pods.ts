import type { RunState } from './state.js';

/**
 * Runs placed in pods of `podRacks` racks: installed racks fill pods in order (the last may be
 * partial). A run goes into the pod with the fewest free racks that still holds it whole (best
 * fit); if none does, it spreads over the pods with the most free racks first, and runs at
 * (1 - penalty) of its speed while it holds them. Only racks held by runs are placed: spares and
 * racks under repair are not tracked per pod, so a pod may look free where its racks are down.
 */
export interface PodTracker {
  podRacks: number;
  penalty: number;
  /** Racks held by runs, per pod. */
  used: number[];
  /** Racks each run holds per pod, by run index, while it holds them. */
  placement: Array<Map<number, number> | undefined>;
}

export function createPodTracker(podRacks: number, penalty: number): PodTracker {
  return { podRacks, penalty, used: [], placement: [] };
}

/** Choose the run's pods now, and give it the speed of that placement for this hold. */
export function placeRun(pods: PodTracker, run: RunState, installedRacks: number): number {
  const i = run.spec.index;
  // The run's specification in its phase, before a placement's penalty.
  const base = run.phaseSpec;
  const free = podCapacities(pods.podRacks, installedRacks).map((capacity, p) => ({ p, free: capacity - (pods.used[p] ?? 0) }));
  const whole = free.filter((f) => f.free >= base.racks).sort((a, b) => a.free - b.free || a.p - b.p)[0];
  const order = whole ? [whole] : [...free].sort((a, b) => b.free - a.free || a.p - b.p);
  const taken = new Map<number, number>();
  let left = base.racks;
  for (const { p, free: f } of order) {
    if (left === 0) break;
    const n = Math.min(left, Math.max(0, f));
    if (n === 0) continue;
    taken.set(p, n);
    pods.used[p] = (pods.used[p] ?? 0) + n;
    left -= n;
  }
  pods.placement[i] = taken;
  const spread = taken.size > 1;
  run.spec = spread ? { ...base, tflopsPerGpu: base.tflopsPerGpu * (1 - pods.penalty) } : base;
  return taken.size;
}

/** The run stopped holding racks: its pods have them back. */
export function releasePods(pods: PodTracker, runIndex: number): void {
  for (const [p, n] of pods.placement[runIndex] ?? []) pods.used[p] = (pods.used[p] ?? 0) - n;
  pods.placement[runIndex] = undefined;
}

function podCapacities(podRacks: number, installedRacks: number): number[] {
  const count = Math.ceil(installedRacks / podRacks);
  return Array.from({ length: count }, (_, p) => Math.min(podRacks, installedRacks - p * podRacks));
}
