import { z } from 'zod';
import type { PathSegment } from './problems.js';

/** The keys a strict object in `schema` accepts at `path`, for "did you mean" hints. */
export function keysAt(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  const keys = new Set<string>();
  for (const s of schemasAt(schema, path)) if (s instanceof z.ZodObject) for (const k of Object.keys(s.shape)) keys.add(k);
  return [...keys].sort();
}

/**
 * Every schema that may validate the value at `path` (each branch of a union followed, optional
 * and lazy wrappers removed; a union found at the end of the path is split into its branches).
 */
export function schemasAt(schema: z.ZodType, path: readonly PathSegment[]): z.ZodType[] {
  const out: z.ZodType[] = [];
  collect(schema, path, out);
  return out;
}

function collect(schema: z.ZodType, path: readonly PathSegment[], out: z.ZodType[]): void {
  const s = unwrap(schema);
  if (s instanceof z.ZodUnion) {
    for (const option of s.options as z.ZodType[]) collect(option, path, out);
    return;
  }
  const [head, ...rest] = path;
  if (head === undefined) {
    out.push(s);
    return;
  }
  if (s instanceof z.ZodObject && typeof head === 'string') {
    const child = Object.hasOwn(s.shape, head) ? (s.shape as Record<string, z.ZodType>)[head] : undefined;
    if (child) collect(child, rest, out);
  } else if (s instanceof z.ZodArray && typeof head === 'number') {
    collect(s.element as z.ZodType, rest, out);
  } else if (s instanceof z.ZodRecord && typeof head === 'string') {
    collect(s.valueType as z.ZodType, rest, out);
  }
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable || s instanceof z.ZodLazy) {
    s = s.unwrap() as z.ZodType;
  }
  return s;
}
