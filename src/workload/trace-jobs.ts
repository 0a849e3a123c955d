import { flopPerTick } from '../model/work.js';
import type { Scenario } from '../scenario/scenario.js';
import type { TraceJob, TraceSpec } from './spec.js';
import { checkpointIntervalTicks } from '../model/checkpoint.js';
import type { TraceRecord } from './trace-record.js';

/**
 * A trace's jobs as capsim jobs. The rules (also in the README):
 * - racks = ceil(GPUs / gpusPerRack), at least 1 and at most the racks the cluster can
 *   schedule (a job larger than the cluster is cut to it, and its duration kept);
 * - time: the first submission lands at the trace's `start` (default: the scenario's start);
 *   later ones keep their offsets times `submitScale`; durations and estimates are multiplied
 *   by `durationScale`; all round to the nearest tick (a job takes at least one);
 * - a job computes for its (scaled) duration at the trace's speed, so its work is that many
 *   compute ticks of FLOPs; the log's requested time is the user's estimate;
 * - jobs submitted after the horizon are dropped.
 */
export function traceJobs(records: readonly TraceRecord[], trace: TraceSpec, scenario: Scenario): TraceJob[] {
  const tickSeconds = scenario.tickSeconds;
  const schedulable = Math.max(1, scenario.cluster.maxRacks - scenario.cluster.spareRacks);
  const origin = records.reduce((m, r) => Math.min(m, r.submitSeconds), Infinity);
  const jobs: TraceJob[] = [];
  for (const r of records) {
    const submitTick = trace.startTick + Math.round(((r.submitSeconds - origin) * trace.submitScale) / tickSeconds);
    if (submitTick >= scenario.horizonTicks) continue;
    const racks = Math.min(schedulable, Math.max(1, Math.ceil(r.gpus / trace.gpusPerRack)));
    const gpus = racks * scenario.rack.gpusPerRack;
    const computeTicks = Math.max(1, Math.round((r.runSeconds * trace.durationScale) / tickSeconds));
    jobs.push({
      name: `${trace.name}-${r.id}`,
      team: r.team ?? trace.team,
      racks,
      gpus,
      submitTick,
      priority: trace.priority,
      precision: trace.precision,
      tflopsPerGpu: trace.tflopsPerGpu,
      totalFlop: computeTicks * flopPerTick(gpus, trace.tflopsPerGpu, tickSeconds),
      checkpointIntervalTicks: checkpointIntervalTicks(trace.checkpointInterval, trace.checkpointWriteTicks, gpus, scenario.failures.ratePerGpuHour, scenario.tickSeconds),
      checkpointWriteTicks: trace.checkpointWriteTicks,
      restartMinutes: trace.restartMinutes,
      checkpointSetting: trace.checkpointInterval,
      estimatedTicks: r.estimateSeconds === null ? null : Math.max(1, Math.round((r.estimateSeconds * trace.durationScale) / tickSeconds)),
      stream: trace.name,
      deadlineTick: null,
    });
  }
  return jobs;
}
