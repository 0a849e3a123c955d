import { ScenarioError } from '../errors.js';
import { error } from '../scenario/problems.js';
import { limits } from '../scenario/limits.js';
import { readBoundedText, ReadRefused } from '../scenario/read-bounded-text.js';
import { digestOf } from '../montecarlo/partial.js';
import { pointInconsistency, sweepPointSchema } from '../montecarlo/partial-schema.js';
import type { Setting } from '../montecarlo/setting.js';
import type { SweepPointResult } from '../montecarlo/sweep-report.js';
import { writeFilesAtomic } from './write-files-atomic.js';

/**
 * A completed sweep point, kept in `<out>.points/` so an interrupted sweep resumes: its job's key
 * (a point of another job is not reused), the result, and a digest of both.
 */
export function writePoint(file: string, key: string, result: SweepPointResult): void {
  writeFilesAtomic([{ path: file, real: file, content: `${JSON.stringify({ key, result, digest: digestOf({ key, result }) })}\n` }]);
}

/**
 * A point written by an earlier sweep of the same job; null when there is none, or when it
 * belongs to another job (its key differs: it is run again and replaced). A point of this job
 * that does not verify (edited, damaged, or not the point its name says) is refused, exit 2:
 * a resumed sweep never reuses numbers capsim did not write.
 */
export async function readPoint(file: string, key: string, index: number, settings: Setting[], replications: number): Promise<SweepPointResult | null> {
  let text: string;
  try {
    text = await readBoundedText(file, limits.maxPointFileBytes);
  } catch (cause) {
    if (cause instanceof ReadRefused && cause.reason === 'no such file') return null;
    return refuse(file, cause instanceof ReadRefused ? cause.reason : String(cause));
  }
  let saved: { key?: unknown; result?: unknown; digest?: unknown };
  try {
    saved = JSON.parse(text) as typeof saved;
  } catch {
    return refuse(file, 'it is not JSON (truncated?)');
  }
  if (typeof saved !== 'object' || saved === null || saved.key !== key) return null;
  if (saved.digest !== digestOf({ key: saved.key, result: saved.result })) return refuse(file, 'its digest does not match its content (edited or damaged since capsim wrote it)');
  const shape = sweepPointSchema.safeParse(saved.result);
  if (!shape.success) return refuse(file, 'its result is malformed');
  const result = shape.data as SweepPointResult;
  const inconsistency = pointInconsistency(result, index, settings, replications);
  return inconsistency ? refuse(file, inconsistency) : result;
}

function refuse(file: string, reason: string): never {
  throw new ScenarioError([{ ...error('sweep-point', [], `a completed point of this sweep does not verify: ${reason}; delete the file to run the point again`), file }]);
}
