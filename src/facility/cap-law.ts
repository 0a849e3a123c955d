import type { CapLaw } from './facility-spec.js';

/**
 * Throughput of a GPU capped at `share` of its uncapped training draw, as a share of its
 * uncapped speed: a calibrated curve (linear between its points, flat beyond its ends) or the
 * power law share ^ exponent. Sources of the default curve in defaults.ts.
 */
export function throughputAtCap(law: CapLaw, share: number): number {
  if (share >= 1) return 1;
  if (law.kind === 'exponent') return share ** law.exponent;
  const points = law.points;
  const first = points[0];
  if (!first) return 1;
  if (share <= first[0]) return first[1];
  for (let i = 1; i < points.length; i += 1) {
    const [x1, y1] = points[i] as readonly [number, number];
    const [x0, y0] = points[i - 1] as readonly [number, number];
    if (share <= x1) return y0 + ((y1 - y0) * (share - x0)) / (x1 - x0);
  }
  return points[points.length - 1]?.[1] ?? 1;
}

/** The law as one line of text, for reports and sizing. */
export function describeCapLaw(law: CapLaw): string {
  if (law.kind === 'exponent') return `throughput = cap share ^ ${law.exponent}`;
  return `throughput by cap share, linear between ${law.points.map(([x, y]) => `(${x}, ${y})`).join(', ')}`;
}
