import { z } from 'zod';
import type { Distribution } from '../random/distributions.js';
import type { PathSegment } from './problems.js';

/**
 * An input a planner does not know: a numeric key of the scenario written as a distribution.
 * It is drawn once per replication from its own stream, `input:<path>`, and the draw is the
 * key's value for every option of that replication (common random numbers).
 */
export interface UncertainInput {
  /** The key path as written (`cluster.racks`, `options[1].priceUsdPerGpuHour`): it names the stream. */
  path: string;
  segments: PathSegment[];
  distribution: Distribution;
  /** The key takes whole numbers: each draw is rounded to the nearest one (halves up). */
  whole: boolean;
  /** The least and the greatest value a draw can give (after rounding): checked at load time. */
  low: number;
  high: number;
  /** The median draw (u = 0.5), used where nothing is drawn (`capsim validate`, `size`). */
  nominal: number;
}

const finite = (what: string) => z.number({ error: `expected ${what}` }).refine(Number.isFinite, { error: `expected ${what}, not a non-finite number` });
const positive = (what: string) => finite(what).refine((v) => v > 0, { error: `expected ${what}` });

/**
 * The distributions an uncertain input may be written as. Unlike the distributions of durations
 * and repair times, the values may be negative (a temperature): the key's own check applies to
 * every value a draw can give.
 */
export const inputDistributionSchema = z.discriminatedUnion(
  'distribution',
  [
    z.strictObject({ distribution: z.literal('fixed'), value: finite('a number') }),
    z.strictObject({ distribution: z.literal('uniform'), min: finite('a number'), max: finite('a number') }),
    z.strictObject({ distribution: z.literal('triangular'), min: finite('a number'), mode: finite('a number'), max: finite('a number') }),
    z.strictObject({ distribution: z.literal('exponential'), mean: positive('a positive mean') }),
    z.strictObject({
      distribution: z.literal('lognormal'),
      median: positive('a positive median'),
      p95: positive('a positive 95th percentile'),
      min: finite('a number').optional(),
      max: finite('a number').optional(),
    }),
    z.strictObject({
      distribution: z.literal('empirical'),
      values: z.array(finite('a number')).min(1, { error: 'expected at least one value' }),
      weights: z.array(finite('a weight >= 0').refine((v) => v >= 0, { error: 'expected a weight >= 0' })).optional(),
    }),
  ],
  { error: 'expected distribution: fixed, uniform, triangular, exponential, lognormal or empirical' },
);
