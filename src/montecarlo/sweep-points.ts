import { createRng } from '../random/rng.js';
import { latinHypercube } from './latin-hypercube.js';
import type { Range, Setting } from './setting.js';

/**
 * The points of a sweep: the grid of every `--set` (the first varies slowest), times the Latin
 * hypercube over the `--range`s when one is asked for. The hypercube's draws come from their own
 * stream, so they depend on the seed and nothing else.
 */
export function sweepPoints(grid: ReadonlyArray<{ path: string; values: unknown[] }>, ranges: readonly Range[], lhsPoints: number, seed: number): Setting[][] {
  let points: Setting[][] = [[]];
  for (const axis of grid) points = points.flatMap((p) => axis.values.map((value) => [...p, { path: axis.path, value }]));
  if (ranges.length === 0 || lhsPoints === 0) return points;
  const cube = latinHypercube(lhsPoints, ranges.length, createRng(seed, 0, 'sweep:latin-hypercube'));
  const lhs = cube.map((u) =>
    ranges.map((r, d): Setting => {
      const x = r.min + (u[d] as number) * (r.max - r.min);
      return { path: r.path, value: r.integer ? Math.min(r.max, Math.floor(x + 0.5)) : x };
    }),
  );
  return points.flatMap((p) => lhs.map((l) => [...p, ...l]));
}

/** Points in the grid of every `--set`, counted without building it (capped past the safe integers). */
export function gridSize(grid: ReadonlyArray<{ values: unknown[] }>): number {
  return grid.reduce((n, axis) => Math.min(Number.MAX_SAFE_INTEGER, n * axis.values.length), 1);
}
