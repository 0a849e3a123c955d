import { z } from 'zod';
import type { PathSegment } from './problems.js';
import { scenarioSchema } from './schema.js';
import { schemasAt } from './schema-keys.js';

/**
 * The bounds a numeric key's own check states (its JSON Schema keywords, zod's min and max); an
 * exclusive bound is stepped inside by a millionth. [-Infinity, Infinity] when none is stated.
 */
export function keyBounds(path: readonly PathSegment[]): { min: number; max: number } {
  let min = -Infinity;
  let max = Infinity;
  for (const leaf of schemasAt(scenarioSchema, path)) {
    if (!(leaf instanceof z.ZodNumber)) continue;
    const meta = (z.globalRegistry.get(leaf) ?? {}) as { minimum?: number; exclusiveMinimum?: number; maximum?: number; exclusiveMaximum?: number };
    const inside = (v: number) => Math.abs(v) * 1e-6 || 1e-6;
    const lows = [leaf.minValue, meta.minimum, meta.exclusiveMinimum === undefined ? undefined : meta.exclusiveMinimum + inside(meta.exclusiveMinimum)];
    const highs = [leaf.maxValue, meta.maximum, meta.exclusiveMaximum === undefined ? undefined : meta.exclusiveMaximum - inside(meta.exclusiveMaximum)];
    for (const v of lows) if (typeof v === 'number' && Number.isFinite(v)) min = Math.max(min, v);
    for (const v of highs) if (typeof v === 'number' && Number.isFinite(v)) max = Math.min(max, v);
  }
  return { min, max };
}
