import type { RunSpec, Scenario } from '../scenario/scenario.js';
import { generateStream } from './stream.js';

/**
 * The jobs of the scenario's workload besides its named runs: every stream's, drawn for this
 * seed and replication, then every trace's. Indices follow the named runs.
 */
export function workloadJobs(scenario: Scenario, seed: number, replication: number): RunSpec[] {
  const workload = scenario.workload;
  if (!workload) return [];
  const jobs = [...workload.streams.flatMap((s) => generateStream(s, scenario, seed, replication)), ...workload.traceJobs];
  return jobs.map((job, i) => ({ ...job, index: scenario.runs.length + i }));
}
