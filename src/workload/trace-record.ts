import { error, type PathSegment, type Problem } from '../scenario/problems.js';

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
