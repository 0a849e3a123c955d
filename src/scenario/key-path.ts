import type { PathSegment } from './problems.js';

/**
 * `runs[0].mfu` or `runs.0.mfu` -> ['runs', 0, 'mfu']; null when the text is not a key path.
 */
export function parseKeyPath(text: string): PathSegment[] | null {
  if (!/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*|\.\d+|\[\d+\])*$/.test(text)) return null;
  const segments: PathSegment[] = [];
  for (const m of text.matchAll(/([A-Za-z_][\w-]*)|\[(\d+)\]|(\d+)/g)) {
    if (m[1] !== undefined) segments.push(m[1]);
    else segments.push(Number(m[2] ?? m[3]));
  }
  return segments;
}

/** The value at `path` in data; undefined when any step is missing. */
export function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let node: unknown = data;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<PathSegment, unknown>)[segment];
  }
  return node;
}
