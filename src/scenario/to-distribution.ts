import type { Distribution } from '../random/distributions.js';
import type { WrittenDistribution } from './schema-primitives.js';

/** A written distribution as the samplers take it: a plain number is a fixed value. */
export function toDistribution(d: WrittenDistribution | undefined): Distribution | undefined {
  if (d === undefined) return undefined;
  if (typeof d === 'number') return { distribution: 'fixed', value: d };
  return d;
}
