import type { PathSegment } from '../scenario/problems.js';
import { traceProblem, type ParsedTrace, type TraceRecord } from './trace-record.js';

/**
 * The Standard Workload Format of the Parallel Workloads Archive (Chapin et al. 1999): one job
 * per line, 18 whitespace-separated numbers, -1 for unknown; header lines start with `;`.
 * Fields used: 1 job number, 2 submit time (s), 4 run time (s), 5 allocated processors,
 * 8 requested processors (when 5 is unknown), 9 requested time (s, the user's estimate),
 * 12 user id, 13 group id. A job with no run time or no processors (cancelled before it
 * started) is skipped and counted, not an error: real logs hold many.
 */
const fieldNames = [
  'job number', 'submit time', 'wait time', 'run time', 'allocated processors', 'average CPU time', 'used memory',
  'requested processors', 'requested time', 'requested memory', 'status', 'user id', 'group id', 'executable',
  'queue', 'partition', 'preceding job', 'think time',
];

export function parseSwf(text: string, file: string, path: PathSegment[]): ParsedTrace {
  const records: TraceRecord[] = [];
  const problems: ParsedTrace['problems'] = [];
  let skipped = 0;
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith(';')) return;
    const fields = [...raw.matchAll(/\S+/g)];
    if (fields.length !== fieldNames.length) {
      problems.push(traceProblem(file, path, line, 1, `expected ${fieldNames.length} fields per SWF line, found ${fields.length}`));
      return;
    }
    const values: number[] = [];
    for (const [k, match] of fields.entries()) {
      const value = Number(match[0]);
      if (!/^-?\d+(\.\d+)?$/.test(match[0]) || !Number.isFinite(value)) {
        problems.push(traceProblem(file, path, line, (match.index ?? 0) + 1, `field ${k + 1} (${fieldNames[k]}): expected a number (-1 if unknown), found "${match[0]}"`));
        return;
      }
      values.push(value);
    }
    const at = (field: number) => values[field - 1] ?? -1;
    if (at(2) < 0) {
      problems.push(traceProblem(file, path, line, (fields[1]?.index ?? 0) + 1, `field 2 (submit time): expected seconds >= 0, found ${at(2)}`));
      return;
    }
    const gpus = at(5) > 0 ? at(5) : at(8);
    if (at(4) <= 0 || gpus <= 0) {
      skipped += 1;
      return;
    }
    records.push({
      line,
      id: String(at(1)),
      submitSeconds: at(2),
      runSeconds: at(4),
      gpus,
      estimateSeconds: at(9) > 0 ? at(9) : null,
      team: at(13) >= 0 ? `group-${at(13)}` : at(12) >= 0 ? `user-${at(12)}` : null,
    });
  });
  return { records, skipped, problems };
}
