import type { Rng } from '../random/rng.js';

/**
 * n points in [0, 1)^dims, one in each of the n equal strata of every dimension (McKay, Beckman
 * and Conover 1979): a random permutation of the strata per dimension, a uniform draw within each.
 * Spreads n runs over every parameter's whole range, where a grid would need n^dims.
 */
export function latinHypercube(n: number, dims: number, rng: Rng): number[][] {
  const points = Array.from({ length: n }, () => new Array<number>(dims).fill(0));
  for (let d = 0; d < dims; d += 1) {
    const strata = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i -= 1) {
      const j = Math.floor(rng() * (i + 1));
      [strata[i], strata[j]] = [strata[j] as number, strata[i] as number];
    }
    strata.forEach((stratum, i) => {
      (points[i] as number[])[d] = (stratum + rng()) / n;
    });
  }
  return points;
}
