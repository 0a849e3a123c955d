import { formatQuantity } from './format.js';
import type { InputDescription } from '../scenario/uncertainty.js';

/** `cluster.racks: uniform 278 .. 919, whole` — for tables. */
export function formatInputDescription(d: InputDescription): string {
  const n = formatQuantity;
  const dist = d.distribution;
  const shape =
    dist.distribution === 'triangular' ? `triangular (mode ${n(dist.mode)})`
    : dist.distribution === 'lognormal' ? `lognormal (median ${n(dist.median)}, p95 ${n(dist.p95)})`
    : dist.distribution === 'exponential' ? `exponential (mean ${n(dist.mean)})`
    : dist.distribution === 'empirical' ? `empirical (${dist.values.length} values)`
    : dist.distribution;
  return `${d.path}: ${shape}, draws ${n(d.low)} .. ${n(d.high)}${d.whole ? ' (whole numbers)' : ''}`;
}
