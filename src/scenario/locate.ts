import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { PathSegment, Problem } from './problems.js';

/**
 * Fill in a problem's line and column from the YAML source: the value at its key path, or the
 * key itself for an unknown key, or the nearest enclosing node when the key is missing.
 */
export function locate(problem: Problem, doc: Document, lines: LineCounter, file: string): Problem {
  const offset = offsetOf(doc, problem.path, problem.code === 'unknown-key');
  const pos = offset === undefined ? undefined : lines.linePos(offset);
  return { ...problem, file, ...(pos ? { line: pos.line, column: pos.col } : {}) };
}

function offsetOf(doc: Document, path: readonly PathSegment[], wantKey: boolean): number | undefined {
  let node: unknown = doc.contents;
  let best: Node | undefined = (node as Node | null) ?? undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === segment);
      if (!pair) break;
      const keyNode = pair.key as Node;
      best = last && wantKey ? keyNode : ((pair.value as Node | null) ?? keyNode);
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      best = item;
      node = item;
    } else {
      break;
    }
  }
  return best?.range?.[0];
}
