import { error, type PathSegment, type Problem } from '../scenario/problems.js';
import { limits } from '../scenario/limits.js';

/** One job of a trace, format-neutral, before it is mapped to capsim's racks and ticks. */
export interface TraceRecord {
  /** Line of the trace file the job came from (1-based). */
  line: number;
  id: string;
  submitSeconds: number;
  runSeconds: number;
  gpus: number;
  /** The user's runtime request or estimate; null if the log has none. */
  estimateSeconds: number | null;
  team: string | null;
}

export interface ParsedTrace {
  records: TraceRecord[];
  /** Jobs the log holds but that cannot run (cancelled before start, no run time, no GPUs). */
  skipped: number;
  problems: Problem[];
}

/** A malformed line of a trace file, placed at its line and column in that file. */
export function traceProblem(file: string, path: PathSegment[], line: number, column: number, message: string): Problem {
  return { ...error('trace-syntax', path, message), file, line, column };
}

/**
 * A trace's problems, at most limits.maxProblemsShown of them, then how many more: a 64 MiB file
 * of garbage would otherwise hold millions of problems in memory.
 */
export class TraceProblems {
  readonly list: Problem[] = [];
  private more = 0;

  constructor(
    private readonly file: string,
    private readonly path: PathSegment[],
  ) {}

  add(line: number, column: number, message: string): void {
    if (this.list.length < limits.maxProblemsShown) this.list.push(traceProblem(this.file, this.path, line, column, message));
    else this.more += 1;
  }

  get count(): number {
    return this.list.length + this.more;
  }

  /** The problems, the last one saying how many more were found and not listed. */
  all(): Problem[] {
    if (this.more === 0) return this.list;
    return [...this.list, { ...error('trace-syntax', this.path, `${this.more.toLocaleString('en-US')} more malformed lines not listed`), file: this.file }];
  }
}

/** The problem of a trace with more job lines than capsim reads, placed at the first one too many. */
export function tooManyJobLines(file: string, path: PathSegment[], line: number): Problem {
  return traceProblem(file, path, line, 1, `expected at most ${limits.maxJobs.toLocaleString('en-US')} job lines in a trace (every job is read before the simulation starts, ~2 KB each), found more; reading stopped here`);
}

/** Text held in a trace field (name, team, user) without control characters, in Unicode NFC. */
export function traceText(raw: string): string | null {
  const nfc = raw.normalize('NFC');
  return /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u.test(nfc) ? null : nfc;
}
