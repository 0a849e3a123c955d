import type { Rng } from '../random/rng.js';
import type { StragglerSpec } from './spec.js';

/**
 * A run's speed for one hold when racks may hold slow nodes: each of its racks is slow with
 * probability p, independently, and the run goes at its slowest rack's speed. One uniform draw
 * per hold from the run's own stream decides whether any is slow (probability 1 - (1 - p)^racks),
 * so the draws stay paired across options; a slow rack is swapped out at the next restart.
 */
export function drawSpeedShare(spec: StragglerSpec | null, racks: number, rng: Rng): number {
  if (spec === null || spec.probabilityPerRack <= 0) return 1;
  const anySlow = 1 - (1 - spec.probabilityPerRack) ** racks;
  return rng() < anySlow ? spec.speedShare : 1;
}
