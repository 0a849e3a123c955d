import { z } from 'zod';
import { boundedQuantile, support, type Distribution } from '../random/distributions.js';
import { checkDistribution } from './check-distribution.js';
import { error, formatPath, type PathSegment, type Problem } from './problems.js';
import { keysAt, schemasAt } from './schema-keys.js';
import { inputDistributionSchema, type UncertainInput } from './uncertain-input.js';
import { problemsFromZod } from './zod-problems.js';

export interface FoundInputs {
  /** The data with every uncertain input replaced by its nominal value. */
  data: unknown;
  inputs: UncertainInput[];
  problems: Problem[];
}

/** Keys that shape the simulation itself rather than describe the world: never uncertain. */
const fixedKeys = new Set(['seed', 'tickSeconds', 'tickMinutes']);

/**
 * The uncertain inputs of a scenario's data (after `extends`, before the shape is checked): each
 * `{distribution: ...}` written where the schema takes a number and no distribution of its own
 * (`repairHours`, a stream's `durationHours` are drawn per event and stay as they are; the
 * numbers inside them may be uncertain). Each is replaced by its nominal value, so the data can
 * be checked like any scenario. Inputs are found in the order of the document.
 */
export function findUncertainInputs(data: unknown, schema: z.ZodType): FoundInputs {
  const inputs: UncertainInput[] = [];
  const problems: Problem[] = [];
  // Aliases can make the data a cycle (`&a [*a]`): a node met again on its own path is left for the shape check.
  const open = new Set<unknown>();
  const walk = (node: unknown, path: PathSegment[]): unknown => {
    if (typeof node !== 'object' || node === null || open.has(node)) return node;
    open.add(node);
    try {
      return visit(node, path);
    } finally {
      open.delete(node);
    }
  };
  const visit = (node: object, path: PathSegment[]): unknown => {
    if (Array.isArray(node)) return rebuildList(node, (item, i) => walk(item, [...path, i]));
    if (!isMapping(node)) return node;
    if (Object.hasOwn(node, 'distribution') && path.length > 0) {
      const leaves = schemasAt(schema, path);
      if (!leaves.some(takesDistribution)) {
        const numbers = leaves.filter((l): l is z.ZodNumber => l instanceof z.ZodNumber);
        if (numbers.length === 0 || (path.length === 1 && fixedKeys.has(String(path[0])))) return node;
        const input = readInput(node, path, numbers, problems);
        if (!input) return node;
        inputs.push(input);
        return input.nominal;
      }
    }
    return rebuildMapping(node, (key, child) => walk(child, [...path, key]));
  };
  return { data: walk(data, []), inputs, problems };
}

function readInput(node: unknown, path: PathSegment[], numbers: z.ZodNumber[], problems: Problem[]): UncertainInput | null {
  const parsed = inputDistributionSchema.safeParse(node, { reportInput: true });
  if (!parsed.success) {
    const found = problemsFromZod(parsed.error.issues, (p) => keysAt(inputDistributionSchema, p));
    for (const p of found) problems.push({ ...p, path: [...path, ...p.path] });
    return null;
  }
  const d = parsed.data as Distribution;
  const before = problems.length;
  checkDistribution(d, path, (p) => problems.push(p));
  if (problems.length > before) return null;
  const median = boundedQuantile(d, 0.5);
  const whole = numbers.some((n) => takesWholeNumbers(n, median));
  const round = (v: number) => (whole ? Math.floor(v + 0.5) : v);
  const [low, high] = support(d).map(round) as [number, number];
  if (!Number.isFinite(low) || !Number.isFinite(high)) {
    problems.push(error('input-range', path, `expected a distribution whose draws are finite, found one reaching ${low} .. ${high}`));
    return null;
  }
  return { path: formatPath(path), segments: path, distribution: d, whole, low, high, nominal: round(median) };
}

/**
 * Whether a number schema takes only whole numbers: zod's int, or a refinement that accepts a
 * whole number and refuses the halves beside it (the facility's counts are written that way).
 */
function takesWholeNumbers(n: z.ZodNumber, near: number): boolean {
  if (n.isInt) return true;
  const r = Math.max(1, Math.floor(near + 0.5));
  return n.safeParse(r).success && !n.safeParse(r + 0.5).success && !n.safeParse(r - 0.5).success;
}

/** A schema that is itself a distribution (a union with a `{distribution: ...}` branch). */
function takesDistribution(schema: z.ZodType): boolean {
  if (!(schema instanceof z.ZodObject)) return false;
  return Object.hasOwn(schema.shape, 'distribution');
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The list with each item mapped; the same list when nothing changed. */
function rebuildList(list: unknown[], f: (item: unknown, i: number) => unknown): unknown[] {
  const mapped = list.map(f);
  return mapped.every((v, i) => v === list[i]) ? list : mapped;
}

/** The mapping with each value mapped; the same mapping when nothing changed (own keys kept as own keys). */
function rebuildMapping(node: Record<string, unknown>, f: (key: string, value: unknown) => unknown): Record<string, unknown> {
  const entries = Object.entries(node).map(([k, v]) => [k, f(k, v)] as const);
  return entries.every(([k, v]) => v === node[k]) ? node : Object.fromEntries(entries);
}
