import { max } from 'simple-statistics';
import { createRng } from '../random/rng.js';
import { createSampler } from '../random/distributions.js';
import { flopPerTick } from '../model/work.js';
import { checkpointIntervalTicks } from '../model/checkpoint.js';
import { hoursToTicks, minutesInTicks, ticksToMinutes } from '../model/time.js';
import type { Scenario } from '../scenario/scenario.js';
import type { StreamSpec, TraceJob } from './spec.js';

const minutesPerDay = 24 * 60;
// 1970-01-01, minute 0 of the epoch, was a Thursday: index 3 when Monday is 0.
const epochWeekday = 3;

/**
 * The jobs of one stream over the horizon: a Poisson process at `ratePerDay`, modulated by hour
 * of day and day of week by thinning (Lewis and Shedler 1979): candidates arrive at the peak
 * rate and each is kept with probability rate(t) / peak. Arrivals, thinning, sizes, durations
 * each draw from their own named stream, so changing the size distribution leaves the arrival
 * times where they were.
 */
export function generateStream(stream: StreamSpec, scenario: Scenario, seed: number, replication: number): TraceJob[] {
  const rng = (purpose: string) => createRng(seed, replication, `workload:${stream.name}:${purpose}`);
  const arrivals = rng('arrivals');
  const thinning = rng('thinning');
  const sizes = rng('sizes');
  const durations = rng('durations');
  const sampleRacks = createSampler(stream.racks);
  const sampleWork = createSampler(stream.durationHours ?? stream.totalFlop ?? { distribution: 'fixed', value: 0 });
  const tickSeconds = scenario.tickSeconds;
  const peak = max(stream.hourOfDay ?? [1]) * max(stream.dayOfWeek ?? [1]);
  const peakPerMinute = (stream.ratePerDay * peak) / minutesPerDay;
  const schedulable = Math.max(1, scenario.cluster.maxRacks - scenario.cluster.spareRacks);
  const jobs: TraceJob[] = [];
  let minutes = ticksToMinutes(stream.fromTick, tickSeconds);
  const endMinutes = ticksToMinutes(Math.min(stream.untilTick, scenario.horizonTicks), tickSeconds);
  for (;;) {
    minutes += -Math.log(1 - arrivals()) / peakPerMinute;
    if (minutes >= endMinutes) break;
    if (thinning() * peak >= rateFactor(stream, scenario.startMinutes + minutes)) continue;
    const submitTick = Math.floor(minutesInTicks(minutes, tickSeconds));
    // Sizes are whole racks, at least one, at most what the cluster can ever schedule.
    const racks = Math.min(schedulable, Math.max(1, Math.round(sampleRacks(sizes))));
    jobs.push(jobOf(stream, scenario, `${stream.name}-${jobs.length + 1}`, submitTick, racks, sampleWork(durations)));
  }
  return jobs;
}

/** The relative arrival rate at an absolute minute (UTC): hour-of-day x day-of-week weights. */
export function rateFactor(stream: Pick<StreamSpec, 'hourOfDay' | 'dayOfWeek'>, absoluteMinutes: number): number {
  const day = Math.floor(absoluteMinutes / minutesPerDay);
  const hour = Math.floor((absoluteMinutes - day * minutesPerDay) / 60);
  const weekday = (((day + epochWeekday) % 7) + 7) % 7;
  return (stream.hourOfDay?.[hour] ?? 1) * (stream.dayOfWeek?.[weekday] ?? 1);
}

function jobOf(stream: StreamSpec, scenario: Scenario, name: string, submitTick: number, racks: number, work: number): TraceJob {
  const tickSeconds = scenario.tickSeconds;
  const gpus = racks * scenario.rack.gpusPerRack;
  const perTick = flopPerTick(gpus, stream.tflopsPerGpu, tickSeconds);
  // A duration becomes the job's work at its speed, so it computes for exactly that many ticks.
  const computeTicks = stream.durationHours ? Math.max(1, hoursToTicks(work, tickSeconds)) : Math.max(1, Math.ceil(work / perTick));
  const totalFlop = stream.durationHours ? computeTicks * perTick : Math.max(work, 1);
  return {
    name,
    team: stream.team,
    racks,
    gpus,
    submitTick,
    priority: stream.priority,
    precision: stream.precision,
    tflopsPerGpu: stream.tflopsPerGpu,
    totalFlop,
    checkpointIntervalTicks: checkpointIntervalTicks(stream.checkpointInterval, stream.checkpointWriteTicks, gpus, scenario.failures.ratePerGpuHour, tickSeconds),
    checkpointWriteTicks: stream.checkpointWriteTicks,
    restartMinutes: stream.restartMinutes,
    checkpointSetting: stream.checkpointInterval,
    estimatedTicks: Math.max(1, Math.round(computeTicks * stream.estimateFactor)),
    stream: stream.name,
    deadlineTick: stream.deadlineHours === null ? null : submitTick + hoursToTicks(stream.deadlineHours, tickSeconds),
  };
}
