import { isAlias, isCollection, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { limits } from './limits.js';
import { error, type Problem } from './problems.js';

export interface ParsedYaml {
  file: string;
  doc: Document;
  lines: LineCounter;
  /** The document as plain data; undefined when `problems` holds an error. */
  data: unknown;
  problems: Problem[];
}

// YAML 1.2 core schema: the only tags a scenario may carry, explicitly or implicitly. Anything
// else (!!js/function, !!binary, !!set, custom !tags) is refused, so no tag constructs an object.
const allowedTags = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/**
 * Parse YAML (or JSON) text defensively: bounded size, nesting and alias expansion, no tags
 * beyond plain data, unique keys. Never throws for bad input: every problem is returned, placed.
 */
export function parseYamlSafely(written: string, file: string): ParsedYaml {
  // YAML 1.2 counts a lone CR as a line break (b-break), but yaml does not: a file saved with
  // classic Mac line ends read as one line, all comment, "empty". Same length, same offsets.
  const text = written.includes('\r') ? written.replace(/\r(?!\n)/g, '\n') : written;
  const lines = new LineCounter();
  const at = (p: Problem, offset?: number): Problem => {
    const pos = offset === undefined ? undefined : lines.linePos(offset);
    return { ...p, file, ...(pos ? { line: pos.line, column: pos.col } : {}) };
  };
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limits.maxScenarioBytes) {
    const problem = at(error('too-large', [], `the file is ${bytes} bytes; a scenario may be at most ${limits.maxScenarioBytes} bytes (2 MiB)`));
    return { file, doc: parseDocument(''), lines, data: undefined, problems: [problem] };
  }
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true, resolveKnownTags: false, schema: 'core', logLevel: 'error' });
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    return { file, doc, lines, data: undefined, problems: [at(error('binary', [], 'the file contains a NUL byte; expected YAML or JSON text, not a binary file'), nul)] };
  }
  const syntax = doc.errors.slice(0, limits.maxYamlErrors).map((e) => at(error('yaml-syntax', [], e.code === 'MULTIPLE_DOCS' ? 'the file holds more than one YAML document (a second ---); a scenario is one document' : `invalid YAML: ${reasonOf(e.message)}`), e.pos[0]));
  if (doc.errors.length > limits.maxYamlErrors) {
    const next = doc.errors[limits.maxYamlErrors];
    syntax.push(at(error('yaml-syntax', [], `${doc.errors.length - limits.maxYamlErrors} more YAML errors not listed, the next one here`), next?.pos[0]));
  }
  if (syntax.length > 0) return { file, doc, lines, data: undefined, problems: syntax };

  const shape = shapeProblems(doc);
  if (shape.length > 0) return { file, doc, lines, data: undefined, problems: shape.map((s) => at(s.problem, s.offset)) };
  const { added, cycle } = aliasNodes(doc);
  if (cycle !== null) {
    const problem = error('alias-cycle', [], 'an alias inside the block its anchor names makes the document endless (a cycle); write the values out');
    return { file, doc, lines, data: undefined, problems: [at(problem, cycle)] };
  }
  if (added > limits.maxAliasNodes) {
    const problem = error('alias-bomb', [], `aliases expand to ${added.toLocaleString('en-US')} more nodes, more than the ${limits.maxAliasNodes.toLocaleString('en-US')} allowed (an alias bomb?); write the values out or use fewer aliases`);
    return { file, doc, lines, data: undefined, problems: [at(problem, firstAliasOffset(doc))] };
  }
  try {
    return { file, doc, lines, data: doc.toJS({ maxAliasCount: limits.maxAliasCount }), problems: [] };
  } catch (cause) {
    // yaml throws for an alias bomb or an alias to an anchor that is not (yet) defined.
    const message = (cause as Error).message;
    const bomb = /alias count/i.test(message);
    const problem = bomb
      ? error('alias-bomb', [], `aliases expand to too many nodes (more than ${limits.maxAliasCount} alias expansions: an alias bomb?); write the values out or use fewer aliases`)
      : error('yaml-alias', [], `invalid YAML: ${reasonOf(message)}`);
    return { file, doc, lines, data: undefined, problems: [at(problem, firstAliasOffset(doc))] };
  }
}

/** Nesting too deep and refused tags, found by an iterative walk (no recursion to overflow). */
function shapeProblems(doc: Document): Array<{ problem: Problem; offset: number | undefined }> {
  const found: Array<{ problem: Problem; offset: number | undefined }> = [];
  const stack: Array<{ node: unknown; depth: number }> = [{ node: doc.contents, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    if (isPair(node)) {
      if (isCollection(node.key)) {
        found.push({ problem: error('yaml-key', [], 'a list or mapping used as a key; keys are plain names'), offset: node.key.range?.[0] });
      }
      stack.push({ node: node.value, depth }, { node: node.key, depth });
      continue;
    }
    if (!isScalar(node) && !isCollection(node) && !isAlias(node)) continue;
    const offset = (node as Node).range?.[0];
    const tag = (node as Node).tag;
    if (tag !== undefined && !allowedTags.has(tag)) {
      found.push({
        problem: error('yaml-tag', [], `tag ${tag.replace('tag:yaml.org,2002:', '!!')} is not allowed; a scenario holds plain data (strings, numbers, booleans, lists, mappings), so tags are refused rather than executed or converted`),
        offset,
      });
    }
    if (depth > limits.maxNestingDepth) {
      found.push({ problem: error('too-deep', [], `lists and mappings nested deeper than ${limits.maxNestingDepth} levels; a scenario needs fewer than 10`), offset });
      return found;
    }
    if (isCollection(node)) for (const item of [...node.items].reverse()) stack.push({ node: item, depth: depth + 1 });
  }
  return found.slice(0, limits.maxYamlErrors);
}

/**
 * Nodes the document's aliases add once expanded. Each collection's expanded size is computed
 * once, children first, in document order (an anchor always comes before its aliases), so an
 * alias costs a lookup: a bomb is counted, never expanded, and a chain of anchors never recurses.
 * yaml's own alias count does not see one large anchored list aliased many times. An alias to a
 * block still open (`&a [*a]`) would make the data cyclic: its offset is returned as `cycle`.
 */
function aliasNodes(doc: Document): { added: number; cycle: number | null } {
  const sizes = new Map<unknown, number>();
  const open = new Set<unknown>();
  // Anchors as the walk meets them: an alias names the latest anchor of its name before it (yaml's
  // own Alias.resolve searches the whole document, once per alias).
  const anchors = new Map<string, unknown>();
  const sizeOf = (node: unknown): number => {
    const target = isAlias(node) ? anchors.get(node.source) : node;
    return isCollection(target) ? (sizes.get(target) ?? 1) : 1;
  };
  const children = (node: unknown): unknown[] => (isCollection(node) ? node.items.flatMap((item) => (isPair(item) ? [item.key, item.value] : [item])) : []);
  const enter = (node: unknown) => {
    const anchor = (node as { anchor?: string } | null)?.anchor;
    if (anchor) anchors.set(anchor, node);
  };
  let added = 0;
  const stack = [{ node: doc.contents as unknown, kids: children(doc.contents), next: 0 }];
  enter(doc.contents);
  open.add(doc.contents);
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { node: unknown; kids: unknown[]; next: number };
    if (top.next < top.kids.length) {
      const kid = top.kids[top.next++];
      if (isCollection(kid)) {
        enter(kid);
        stack.push({ node: kid, kids: children(kid), next: 0 });
        open.add(kid);
      } else if (isAlias(kid)) {
        if (open.has(anchors.get(kid.source))) return { added, cycle: kid.range?.[0] ?? 0 };
        added = Math.min(Number.MAX_SAFE_INTEGER, added + sizeOf(kid) - 1);
      } else enter(kid);
      continue;
    }
    stack.pop();
    open.delete(top.node);
    if (isCollection(top.node)) sizes.set(top.node, Math.min(Number.MAX_SAFE_INTEGER, top.kids.reduce((total: number, kid) => total + sizeOf(kid), 1)));
  }
  return { added, cycle: null };
}

function firstAliasOffset(doc: Document): number | undefined {
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) return node.range?.[0];
    if (isPair(node)) stack.push(node.value, node.key);
    else if (isCollection(node)) for (let i = node.items.length - 1; i >= 0; i -= 1) stack.push(node.items[i]);
  }
  return undefined;
}

/** The first line of yaml's message, without the position it repeats ("at line 3, column 1"). */
function reasonOf(message: string): string {
  return (message.split('\n')[0] ?? 'invalid YAML').replace(/ at line \d+, column \d+:?$/, '');
}
