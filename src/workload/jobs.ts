import type { RunSpec, Scenario } from '../scenario/scenario.js';
import { generateStream } from './stream.js';

/**
 * The jobs of the scenario's workload besides its named runs: every stream's, drawn for this
 * seed and replication, then every trace's. Indices follow the named runs.
 */
export function workloadJobs(scenario: Scenario, seed: number, replication: number): RunSpec[] {
  const workload = scenario.workload;
  if (!workload) return [];
  const first = scenario.runs.length;
  const jobs: RunSpec[] = [];
  // Stream jobs are drawn afresh and take their index in place; trace jobs are the scenario's, so copied.
  for (const stream of workload.streams) for (const job of generateStream(stream, scenario, seed, replication)) jobs.push(Object.assign(job, { index: first + jobs.length }));
  for (const job of workload.traceJobs) jobs.push({ ...job, index: first + jobs.length });
  return jobs;
}
