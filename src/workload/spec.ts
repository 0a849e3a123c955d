import type { Precision } from '../catalog/gpus.js';
import type { Distribution } from '../random/distributions.js';
import type { CheckpointSetting } from '../model/checkpoint.js';
import type { RunSpec } from '../scenario/scenario.js';

/** A stream of jobs, normalised: times in ticks, speed resolved, weights scaled to mean 1. */
export interface StreamSpec {
  name: string;
  team: string;
  ratePerDay: number;
  fromTick: number;
  /** Exclusive. */
  untilTick: number;
  /** 24 relative rates, mean 1, or null for a flat day. */
  hourOfDay: number[] | null;
  /** 7 relative rates, Monday first, mean 1, or null for a flat week. */
  dayOfWeek: number[] | null;
  racks: Distribution;
  /** One of the two: how long a job computes, or how much it computes. */
  durationHours: Distribution | null;
  totalFlop: Distribution | null;
  estimateFactor: number;
  precision: Precision;
  tflopsPerGpu: number;
  priority: number;
  deadlineHours: number | null;
  /** Minutes, `auto` (Daly for the job's size), `young` or `none`. */
  checkpointInterval: CheckpointSetting;
  checkpointWriteTicks: number;
  restartMinutes: Distribution;
}

/** A trace's jobs, already mapped to capsim jobs (index assigned when the simulation starts). */
export type TraceJob = Omit<RunSpec, 'index'>;

/** A trace to replay, normalised: where it is, and how its jobs map to racks and ticks. */
export interface TraceSpec {
  name: string;
  /** As written: relative to the scenario file. */
  file: string;
  format: 'swf' | 'csv';
  /** The tick at which the trace's first submission lands. */
  startTick: number;
  gpusPerRack: number;
  submitScale: number;
  durationScale: number;
  team: string;
  priority: number;
  precision: Precision;
  tflopsPerGpu: number;
  checkpointInterval: CheckpointSetting;
  checkpointWriteTicks: number;
  restartMinutes: Distribution;
}

export interface WorkloadSpec {
  streams: StreamSpec[];
  traces: TraceSpec[];
  /** The traces' jobs, once their files are read (workload/trace-load.ts); empty until then. */
  traceJobs: TraceJob[];
}
