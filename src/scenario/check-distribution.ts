import type { Distribution } from '../random/distributions.js';
import { error, type PathSegment, type Problem } from './problems.js';

/** What the shape of a distribution cannot say: its bounds in order, one weight per value. */
export function checkDistribution(d: Distribution | number | undefined, path: PathSegment[], push: (p: Problem) => void): void {
  if (d === undefined || typeof d === 'number') return;
  if (d.distribution === 'uniform' && d.max < d.min) {
    push(error('uniform-range', [...path, 'max'], `expected max >= min (${d.min}), found ${d.max}`));
  }
  if (d.distribution === 'triangular') {
    if (d.mode < d.min) push(error('triangular-range', [...path, 'mode'], `expected mode >= min (${d.min}), found ${d.mode}`));
    if (d.max < d.mode) push(error('triangular-range', [...path, 'max'], `expected max >= mode (${d.mode}), found ${d.max}`));
  }
  if (d.distribution === 'lognormal') {
    if (d.p95 < d.median) push(error('lognormal-range', [...path, 'p95'], `expected p95 >= median (${d.median}), found ${d.p95}`));
    if (d.min !== undefined && d.min > d.median) push(error('lognormal-range', [...path, 'min'], `expected min <= median (${d.median}), found ${d.min}`));
    if (d.max !== undefined && d.max < d.median) push(error('lognormal-range', [...path, 'max'], `expected max >= median (${d.median}), found ${d.max}`));
  }
  if (d.distribution === 'empirical') {
    if (d.weights && d.weights.length !== d.values.length) {
      push(error('empirical-weights', [...path, 'weights'], `expected one weight per value (${d.values.length}), found ${d.weights.length}`));
    } else if (d.weights && !d.weights.some((w) => w > 0)) {
      push(error('empirical-weights', [...path, 'weights'], 'expected at least one weight > 0'));
    }
  }
}
