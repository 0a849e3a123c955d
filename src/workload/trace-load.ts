import { dirname, resolve } from 'node:path';
import { ScenarioError } from '../errors.js';
import { readBoundedText } from '../scenario/read-bounded-text.js';
import { error, type Problem } from '../scenario/problems.js';
import { limits } from '../scenario/limits.js';
import type { Scenario } from '../scenario/scenario.js';
import { parseJobCsv } from './csv.js';
import { parseSwf } from './swf.js';
import type { TraceJob } from './spec.js';
import { traceJobs } from './trace-jobs.js';

/**
 * Read the traces a scenario names (relative to the scenario file) and attach their jobs.
 * Every malformed line of every trace is reported at once, with its line number.
 */
export async function attachTraces(scenario: Scenario, scenarioPath: string): Promise<Scenario> {
  if ((scenario.workload?.traces ?? []).length === 0) return scenario;
  return withTraceJobs(scenario, await readTraceTexts(scenario, scenarioPath), (file) => resolve(dirname(scenarioPath), file));
}

/** The text of each trace the scenario names, by the file name written in the scenario. */
export async function readTraceTexts(scenario: Scenario, scenarioPath: string): Promise<Map<string, string>> {
  const traces = scenario.workload?.traces ?? [];
  const texts = new Map<string, string>();
  const problems: Problem[] = [];
  for (const [i, trace] of traces.entries()) {
    const path = resolve(dirname(scenarioPath), trace.file);
    try {
      texts.set(trace.file, await readBoundedText(path, limits.maxTraceBytes));
    } catch (cause) {
      problems.push({ ...error('trace-file', ['workload', 'traces', i, 'file'], `cannot read trace ${path}: ${(cause as Error).message}`), file: scenarioPath });
    }
  }
  if (problems.length > 0) throw new ScenarioError(problems);
  return texts;
}

/** Pure: parse each trace's text (by the file name written in the scenario) and map its jobs. */
export function withTraceJobs(scenario: Scenario, texts: ReadonlyMap<string, string>, displayPath: (file: string) => string = (f) => f): Scenario {
  const workload = scenario.workload;
  if (!workload) return scenario;
  const problems: Problem[] = [];
  const jobs: TraceJob[] = [];
  for (const [i, trace] of workload.traces.entries()) {
    const path = ['workload', 'traces', i, 'file'];
    const text = texts.get(trace.file) ?? '';
    const parsed = trace.format === 'swf' ? parseSwf(text, displayPath(trace.file), path) : parseJobCsv(text, displayPath(trace.file), path);
    for (const p of parsed.problems) problems.push(p);
    if (parsed.records.length === 0 && parsed.problems.length === 0) {
      problems.push({ ...error('empty-trace', path, `expected at least one job that can run, found none (${parsed.skipped} skipped)`), file: displayPath(trace.file) });
    }
    for (const job of traceJobs(parsed.records, trace, scenario)) jobs.push(job);
  }
  // Streams' expected jobs and the traces' together: all are held before the simulation starts.
  const streamJobs = workload.streams.reduce((n, st) => n + (st.ratePerDay * Math.max(0, Math.min(st.untilTick, scenario.horizonTicks) - st.fromTick) * scenario.tickSeconds) / 86_400, 0);
  if (problems.length === 0 && jobs.length + streamJobs > limits.maxJobs) {
    problems.push(
      error(
        'too-many-jobs',
        ['workload', 'traces'],
        `expected at most ${limits.maxJobs.toLocaleString('en-US')} jobs from traces and streams together, found ${jobs.length.toLocaleString('en-US')} trace jobs and ${Math.round(streamJobs).toLocaleString('en-US')} expected from streams`,
      ),
    );
  }
  if (problems.length > 0) throw new ScenarioError(problems);
  return { ...scenario, workload: { ...workload, traceJobs: jobs } };
}
