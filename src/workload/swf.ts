import type { PathSegment } from '../scenario/problems.js';
import { limits } from '../scenario/limits.js';
import { tooManyJobLines, TraceProblems, type ParsedTrace, type TraceRecord } from './trace-record.js';

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
  const problems = new TraceProblems(file, path);
  let skipped = 0;
  let jobLines = 0;
  // Line by line without splitting the whole text: a 64 MiB log is read once, and reading stops
  // at the first job line past the limit.
  for (let start = 0, line = 1; start <= text.length; line += 1) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const raw = text.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith(';')) continue;
    if ((jobLines += 1) > limits.maxJobs) return { records, skipped, problems: [...problems.all(), tooManyJobLines(file, path, line)] };
    const fields = [...raw.matchAll(/\S+/g)];
    if (fields.length !== fieldNames.length) {
      problems.add(line, 1, `expected ${fieldNames.length} fields per SWF line, found ${fields.length}`);
      continue;
    }
    const values: number[] = [];
    const bad = fields.findIndex((match) => !/^-?\d+(\.\d+)?$/.test(match[0]) || !Number.isFinite(Number(match[0])));
    if (bad !== -1) {
      const match = fields[bad] as RegExpExecArray;
      problems.add(line, (match.index ?? 0) + 1, `field ${bad + 1} (${fieldNames[bad]}): expected a number (-1 if unknown), found "${match[0]}"`);
      continue;
    }
    for (const match of fields) values.push(Number(match[0]));
    const at = (field: number) => values[field - 1] ?? -1;
    if (at(2) < 0) {
      problems.add(line, (fields[1]?.index ?? 0) + 1, `field 2 (submit time): expected seconds >= 0, found ${at(2)}`);
      continue;
    }
    const gpus = at(5) > 0 ? at(5) : at(8);
    if (at(4) <= 0 || gpus <= 0) {
      skipped += 1;
      continue;
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
  }
  return { records, skipped, problems: problems.all() };
}
