import { dirname, isAbsolute, join, normalize } from 'node:path';
import { ScenarioError } from '../errors.js';
import { limits } from './limits.js';
import { locate } from './locate.js';
import { parseYamlSafely, type ParsedYaml } from './safe-yaml.js';
import { describeValue, error, type PathSegment, type Problem } from './problems.js';

/**
 * `extends:` lets a scenario start from others. Included files resolve relative to the including
 * file and are merged in order, the including file last:
 * - mappings merge key by key, recursively;
 * - lists, numbers, strings and booleans from the including file replace the included value whole
 *   (a list of runs is never concatenated: say every run you want);
 * - a key set to null in the including file removes the included key (for example `racks: null`
 *   to give `phases` instead).
 * Each value remembers the file it came from, so a problem found later points at that file.
 */

/** Where a value of the merged scenario was written; children override per key. */
interface Origin {
  layer: ParsedYaml;
  keys?: Map<string, Origin>;
}

export interface ResolvedScenario {
  data: unknown;
  /** The top file; the file it names comes first in a chain. */
  top: ParsedYaml;
  /** Place a problem found in the merged data in the file its value came from. */
  place(problem: Problem): Problem;
}

export type ReadText = (path: string) => Promise<string>;

/** A single document, with no `extends` resolution: `extends` is reported as needing a file. */
export function resolveSingle(layer: ParsedYaml): ResolvedScenario {
  if (isMapping(layer.data) && Object.hasOwn(layer.data, 'extends')) {
    throw new ScenarioError([place(layer, error('extends-needs-file', ['extends'], 'extends can only be resolved for a scenario read from a file'))]);
  }
  return resolved(layer.data, { layer }, layer);
}

/** Read `file` and every file it extends (through `read`), detect cycles, and merge them. */
export async function resolveExtends(file: string, read: ReadText): Promise<ResolvedScenario> {
  const { value, origin } = await loadLayer(file, [], read, undefined);
  return resolved(value, origin, origin.layer);
}

interface Including {
  layer: ParsedYaml;
  path: PathSegment[];
}

async function loadLayer(file: string, chain: string[], read: ReadText, from: Including | undefined): Promise<{ value: unknown; origin: Origin }> {
  // Paths stay as the user wrote them, joined and normalised: comparable without asking the
  // process for its working directory. A symlink loop still ends at maxExtendsDepth.
  const absolute = normalize(file);
  if (chain.includes(absolute) && from) {
    const cycle = [...chain.slice(chain.indexOf(absolute)), absolute].join(' -> ');
    throw new ScenarioError([place(from.layer, error('extends-cycle', from.path, `extends forms a cycle: ${cycle}`))]);
  }
  if (chain.length > limits.maxExtendsDepth && from) {
    throw new ScenarioError([place(from.layer, error('extends-too-deep', from.path, `extends chain deeper than ${limits.maxExtendsDepth} files: ${chain.join(' -> ')}`))]);
  }
  let text: string;
  try {
    text = await read(file);
  } catch (cause) {
    // An included file that cannot be read is the including file's problem: point at its extends.
    if (!(cause instanceof ScenarioError) || !from) throw cause;
    const reason = cause.problems.map((p) => p.message).join('; ');
    throw new ScenarioError([place(from.layer, error('extends-unreadable', from.path, `cannot include ${absolute}: ${reason}`))]);
  }
  const layer = parseYamlSafely(text, file);
  if (layer.problems.length > 0) throw new ScenarioError(layer.problems);
  const own = layer.data;
  if (from && !isMapping(own)) {
    // A base that is not a mapping would merge as nothing at all: say so rather than ignore it.
    const found = own === null || own === undefined ? 'it is empty' : `it holds ${describeValue(own)}`;
    throw new ScenarioError([place(from.layer, error('extends-not-mapping', from.path, `cannot include ${absolute}: ${found}, not a scenario (a mapping of keys such as name, cluster, runs)`))]);
  }
  if (!isMapping(own) || !Object.hasOwn(own, 'extends')) return { value: own, origin: { layer } };

  const targets = extendsTargets(layer, own.extends);
  let merged: { value: unknown; origin: Origin } | undefined;
  for (const { target, path } of targets) {
    const base = await loadLayer(isAbsolute(target) ? target : join(dirname(file), target), [...chain, absolute], read, { layer, path });
    merged = merged ? merge(merged, base) : base;
  }
  const withoutExtends = Object.fromEntries(Object.entries(own).filter(([k]) => k !== 'extends'));
  const top = { value: withoutExtends, origin: { layer } };
  return merged ? merge(merged, top) : top;
}

function extendsTargets(layer: ParsedYaml, value: unknown): Array<{ target: string; path: PathSegment[] }> {
  if (typeof value === 'string' && value !== '') return [{ target: value, path: ['extends'] }];
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v !== '')) {
    return value.map((target: string, i) => ({ target, path: ['extends', i] }));
  }
  throw new ScenarioError([place(layer, error('extends-invalid', ['extends'], 'expected a file path, or a list of file paths, relative to this file'))]);
}

/** Merge `over` onto `base` by the rules above; objects are built fresh, so no key can reach a prototype. */
function merge(base: { value: unknown; origin: Origin }, over: { value: unknown; origin: Origin }): { value: unknown; origin: Origin } {
  if (!isMapping(base.value) || !isMapping(over.value)) return over;
  const entries = new Map<string, unknown>(Object.entries(base.value));
  const keys = new Map<string, Origin>([...entries.keys()].map((k) => [k, childOrigin(base.origin, k)]));
  for (const [key, value] of Object.entries(over.value)) {
    const overChild = { value, origin: childOrigin(over.origin, key) };
    if (value === null) {
      entries.delete(key);
      keys.delete(key);
    } else if (entries.has(key)) {
      const m = merge({ value: entries.get(key), origin: keys.get(key) as Origin }, overChild);
      entries.set(key, m.value);
      keys.set(key, m.origin);
    } else {
      entries.set(key, value);
      keys.set(key, overChild.origin);
    }
  }
  return { value: Object.fromEntries(entries), origin: { layer: over.origin.layer, keys } };
}

function childOrigin(origin: Origin, key: string): Origin {
  return origin.keys?.get(key) ?? { layer: origin.layer };
}

function resolved(data: unknown, origin: Origin, top: ParsedYaml): ResolvedScenario {
  return {
    data,
    top,
    place: (problem) => {
      let at = origin;
      for (const segment of problem.path) {
        const next = typeof segment === 'string' ? at.keys?.get(segment) : undefined;
        if (!next) break;
        at = next;
      }
      return place(at.layer, problem);
    },
  };
}

function place(layer: ParsedYaml, problem: Problem): Problem {
  return locate(problem, layer.doc, layer.lines, layer.file);
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
