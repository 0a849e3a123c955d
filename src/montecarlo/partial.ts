import { createHash } from 'node:crypto';
import { canonicalJson } from '../scenario/hash.js';
import { shardRange, type Shard } from './shard.js';

/**
 * A shard's partial result. `job` names the whole job (command, scenario, seed, options, version
 * and how many replications or points it has): only partials of the same job merge, and they
 * merge to the bytes the unsharded job prints. `digest` is the sha256 of everything else, so a
 * partial whose numbers, version or counts were edited, or that was damaged, does not verify.
 * The digest guards against accidents and casual edits, not a forger: anyone can recompute it.
 */
export interface Partial<Kind extends string = string, Body = unknown> {
  capsimPartial: 2;
  kind: Kind;
  job: PartialJob;
  shard: Shard;
  /** How the merged result is rendered, as the unsharded command would have. */
  format: string;
  body: Body;
  digest: string;
}

/** A job's identity: the kind, capsim's version, and `items`, the replications or points it has. */
export interface PartialJob {
  kind: string;
  version: string;
  items: number;
  [key: string]: unknown;
}

export function jobKey(job: unknown): string {
  return digestOf(job);
}

/** sha256 of a value's canonical JSON (sorted keys), hex. */
export function digestOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/** A partial with its digest, ready to write. */
export function sealPartial<Kind extends string, Body>(p: Omit<Partial<Kind, Body>, 'capsimPartial' | 'digest'>): Partial<Kind, Body> {
  const unsealed = { capsimPartial: 2 as const, kind: p.kind, job: p.job, shard: p.shard, format: p.format, body: p.body };
  return { ...unsealed, digest: digestOf(unsealed) };
}

export function renderPartial(partial: Partial): string {
  return `${JSON.stringify(partial)}\n`;
}

/** Whether a partial's digest matches its content: false when it was edited or damaged. */
export function verifies(partial: Partial): boolean {
  const { digest, ...unsealed } = partial;
  return digest === digestOf(unsealed);
}

/** The items [from, to) a partial's shard covers. */
export function itemsOf(partial: Partial): { from: number; to: number } {
  return shardRange(partial.job.items, partial.shard);
}

/** Why a set of verified partials cannot be merged, each with the file it concerns; empty when they can. */
export function mergeProblems(partials: ReadonlyArray<{ file: string; partial: Partial }>, version: string): Array<{ file?: string; message: string }> {
  const first = partials[0];
  if (!first) return [{ message: 'no partial results given' }];
  const problems: Array<{ file?: string; message: string }> = [];
  const key = jobKey(first.partial.job);
  const count = first.partial.shard.count;
  const seen = new Map<number, string>();
  for (const { file, partial } of partials) {
    if (partial.job.version !== version) {
      problems.push({ file, message: `a partial written by capsim ${partial.job.version}; this is capsim ${version}, and merging gives the bytes of one version: merge with capsim ${partial.job.version}` });
    } else if (partial.kind !== first.partial.kind || jobKey(partial.job) !== key) {
      problems.push({ file, message: `a partial of another job than ${first.file} (different scenario, seed, options or capsim version)` });
    } else if (partial.shard.count !== count) {
      problems.push({ file, message: `shard ${partial.shard.index}/${partial.shard.count}, expected one of ${count} shards` });
    } else if (seen.has(partial.shard.index)) {
      problems.push({ file, message: `shard ${partial.shard.index}/${count} is also in ${seen.get(partial.shard.index)}` });
    } else seen.set(partial.shard.index, file);
  }
  if (problems.length === 0) {
    const missing: string[] = [];
    for (let k = 1; k <= count && missing.length <= 10; k += 1) if (!seen.has(k)) missing.push(`${k}/${count}`);
    if (missing.length > 0) problems.push({ message: `missing shard(s) ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ' and more' : ''}` });
  }
  return problems;
}
