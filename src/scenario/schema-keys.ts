import { z } from 'zod';
import type { PathSegment } from './problems.js';

/** The keys a strict object in `schema` accepts at `path`, for "did you mean" hints. */
export function keysAt(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  const keys = new Set<string>();
  collect(schema, path, keys);
  return [...keys].sort();
}

function collect(schema: z.ZodType, path: readonly PathSegment[], keys: Set<string>): void {
  const s = unwrap(schema);
  if (s instanceof z.ZodUnion) {
    for (const option of s.options as z.ZodType[]) collect(option, path, keys);
    return;
  }
  const [head, ...rest] = path;
  if (head === undefined) {
    if (s instanceof z.ZodObject) for (const k of Object.keys(s.shape)) keys.add(k);
    return;
  }
  if (s instanceof z.ZodObject && typeof head === 'string') {
    const child = (s.shape as Record<string, z.ZodType>)[head];
    if (child) collect(child, rest, keys);
  } else if (s instanceof z.ZodArray && typeof head === 'number') {
    collect(s.element as z.ZodType, rest, keys);
  }
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable || s instanceof z.ZodLazy) {
    s = s.unwrap() as z.ZodType;
  }
  return s;
}
