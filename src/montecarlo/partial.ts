import { canonicalJson } from '../scenario/hash.js';
import { createHash } from 'node:crypto';
import type { Shard } from './shard.js';

/**
 * A shard's partial result. `key` names the whole job (command, scenario, seed, options, version):
 * only partials of the same job merge, and they merge to the bytes the unsharded job prints.
 */
export interface Partial<Kind extends string = string, Body = unknown> {
  capsimPartial: 1;
  kind: Kind;
  key: string;
  shard: Shard;
  /** How the merged result is rendered, as the unsharded command would have. */
  format: string;
  body: Body;
}

export function jobKey(job: unknown): string {
  return createHash('sha256').update(canonicalJson(job)).digest('hex');
}

export function renderPartial(partial: Partial): string {
  return `${JSON.stringify(partial)}\n`;
}

/** Why a set of partials cannot be merged; empty when they can. */
export function mergeProblems(partials: ReadonlyArray<{ file: string; partial: Partial }>): string[] {
  const first = partials[0];
  if (!first) return ['no partial results given'];
  const problems: string[] = [];
  const count = first.partial.shard.count;
  const seen = new Map<number, string>();
  for (const { file, partial } of partials) {
    if (partial.kind !== first.partial.kind || partial.key !== first.partial.key) {
      problems.push(`${file}: a partial of another job than ${first.file} (different scenario, seed, options or capsim version)`);
    } else if (partial.shard.count !== count) {
      problems.push(`${file}: shard ${partial.shard.index}/${partial.shard.count}, expected one of ${count} shards`);
    } else if (seen.has(partial.shard.index)) {
      problems.push(`${file}: shard ${partial.shard.index}/${count} is also in ${seen.get(partial.shard.index)}`);
    } else seen.set(partial.shard.index, file);
  }
  if (problems.length === 0) {
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter((k) => !seen.has(k));
    if (missing.length > 0) problems.push(`missing shard(s) ${missing.map((k) => `${k}/${count}`).join(', ')}`);
  }
  return problems;
}

/** Whether parsed JSON looks like a partial (its body is checked by the merge of its kind). */
export function isPartial(value: unknown): value is Partial {
  const v = value as Partial | null;
  return (
    typeof v === 'object' && v !== null && v.capsimPartial === 1 && typeof v.kind === 'string' && typeof v.key === 'string' &&
    typeof v.format === 'string' && typeof v.shard?.index === 'number' && typeof v.shard?.count === 'number' && hasBody(v)
  );
}

/** The parts of a body that merging reads, by kind: a truncated or hand-edited file is refused, not a crash. */
function hasBody(v: Partial): boolean {
  const body = v.body as { header?: unknown; accumulator?: { metrics?: unknown }; report?: unknown; points?: unknown } | null;
  if (typeof body !== 'object' || body === null) return false;
  if (v.kind === 'replications') return typeof body.header === 'object' && Array.isArray(body.accumulator?.metrics);
  if (v.kind === 'sweep') return typeof body.report === 'object' && Array.isArray(body.points);
  return false;
}
