import type { PathSegment } from './problems.js';

/**
 * `data` with the value at `path` replaced, copied along the path only (the rest is shared, and
 * `data` itself is not changed). Missing mappings on the way are created; a list index beyond
 * the list's end extends it.
 */
export function setAt(data: unknown, path: readonly PathSegment[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (typeof head === 'number') {
    const list = Array.isArray(data) ? [...data] : [];
    list[head] = setAt(list[head], rest, value);
    return list;
  }
  const mapping = typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {};
  // defineProperty, not assignment: a key named __proto__ stays an ordinary key.
  const copy = { ...(mapping as Record<string, unknown>) };
  Object.defineProperty(copy, head, { value: setAt(Object.hasOwn(copy, head) ? copy[head] : undefined, rest, value), enumerable: true, writable: true, configurable: true });
  return copy;
}

/** `data` with each path set to its value, in order. */
export function setAll(data: unknown, settings: ReadonlyArray<{ segments: readonly PathSegment[]; value: unknown }>): unknown {
  return settings.reduce((d, s) => setAt(d, s.segments, s.value), data);
}
