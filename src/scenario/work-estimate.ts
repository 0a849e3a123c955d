import { distributionMean } from '../random/distributions.js';
import type { Scenario } from './scenario.js';

/** What one simulation of a scenario is expected to cost, before it runs. */
export interface WorkEstimate {
  /** Jobs simulated: named runs, the stream jobs expected from their rates, trace jobs. */
  jobs: number;
  /** Engine events expected: submissions, starts, completions, interruptions, repairs, facility hours. */
  events: number;
  /** Bytes of memory expected for the simulation and its report. */
  bytes: number;
  /** Milliseconds expected on one core. */
  milliseconds: number;
  /** Offered work / schedulable capacity: above 1 the queue grows through the horizon. */
  load: number;
}

/**
 * Costs measured with `npm run bench` and the scaling runs in the README (Node 20, one core of a
 * 2-core AMD EPYC), each rounded up to stay on the safe side of what was measured:
 * - an event costs 1-10 µs (the default scenario 5 µs, 10,000 racks 3.6 µs), plus ~0.02 µs per
 *   job running and ~0.05 µs per job waiting, since each scheduling decision looks at them (a
 *   stream at 1.2 times the cluster's capacity, 11,000 jobs waiting on average: 480 µs per event);
 * - a facility hour costs ~80 µs (power, cooling, cap at each hour boundary);
 * - memory: ~60 MB for the program, ~2 KB per job (its state, its record and its holds), ~300
 *   bytes per interruption (a hold and a record of it), ~200 bytes per facility hour.
 */
const cost = {
  microsecondsPerEvent: 10,
  microsecondsPerEventPerRunningJob: 0.02,
  microsecondsPerEventPerWaitingJob: 0.05,
  microsecondsPerFacilityHour: 80,
  baseBytes: 60 * 2 ** 20,
  bytesPerJob: 2048,
  bytesPerInterruption: 300,
  bytesPerFacilityHour: 200,
} as const;

/**
 * Estimate one simulation from the validated scenario: how many jobs, events and bytes, and how
 * long. An interruption rate may be added (a spot cloud's preemptions, for `capsim compare`).
 * Pure arithmetic on means, so a scenario is judged before it runs; the limits that use it sit
 * far enough above real scenarios that its approximations (mean sizes, no failures beyond the
 * offered work) cannot refuse one.
 */
export function estimateWork(scenario: Scenario, extraInterruptionsPerGpuHour = 0): WorkEstimate {
  const horizonHours = (scenario.horizonTicks * scenario.tickSeconds) / 3600;
  const gpusPerRack = scenario.rack.gpusPerRack;
  const schedulable = Math.max(1, scenario.cluster.maxRacks - scenario.cluster.spareRacks);
  let jobs = 0;
  let offeredRackHours = 0;
  let rackSize = 0;
  const addJobs = (count: number, racks: number, hours: number) => {
    jobs += count;
    offeredRackHours += count * racks * Math.min(hours, horizonHours);
    rackSize += count * racks;
  };
  const hoursOf = (flop: number, gpus: number, tflopsPerGpu: number) => flop / (gpus * tflopsPerGpu * 1e12 * 3600);
  for (const run of scenario.runs) addJobs(1, run.racks, hoursOf(run.totalFlop, run.gpus, run.tflopsPerGpu));
  for (const stream of scenario.workload?.streams ?? []) {
    const activeHours = Math.max(0, (Math.min(stream.untilTick, scenario.horizonTicks) - stream.fromTick) * scenario.tickSeconds) / 3600;
    const count = (stream.ratePerDay * activeHours) / 24;
    const racks = Math.min(schedulable, Math.max(1, distributionMean(stream.racks)));
    const hours = stream.durationHours ? distributionMean(stream.durationHours) : hoursOf(distributionMean(stream.totalFlop ?? { distribution: 'fixed', value: 0 }), racks * gpusPerRack, stream.tflopsPerGpu);
    addJobs(count, racks, hours);
  }
  for (const job of scenario.workload?.traceJobs ?? []) addJobs(1, job.racks, hoursOf(job.totalFlop, job.gpus, job.tflopsPerGpu));

  const capacityRackHours = schedulable * horizonHours;
  const load = offeredRackHours / capacityRackHours;
  // Racks held at the interruption rate: the work offered, at most the whole cluster all the time.
  const heldGpuHours = Math.min(offeredRackHours, capacityRackHours) * gpusPerRack;
  const interruptions = (scenario.failures.ratePerGpuHour + extraInterruptionsPerGpuHour) * heldGpuHours;
  const facilityHours = scenario.facility ? horizonHours : 0;
  const turbineOutages = scenario.facility ? (2 * scenario.facility.supply.turbines.units * horizonHours) / scenario.facility.supply.turbines.mtbfHours : 0;
  const events = 3 * jobs + 3 * interruptions + facilityHours + turbineOutages + scenario.cluster.phases.length;

  // Jobs a decision looks at: those running (held racks / mean size) and, past full load, a queue
  // that grows through the horizon (half its final length on average).
  const meanRacks = jobs > 0 ? rackSize / jobs : 1;
  const running = Math.min(jobs, Math.min(offeredRackHours, capacityRackHours) / horizonHours / meanRacks);
  const waiting = load > 1 ? (jobs * (1 - 1 / load)) / 2 : 0;
  const microseconds =
    events * (cost.microsecondsPerEvent + cost.microsecondsPerEventPerRunningJob * running + cost.microsecondsPerEventPerWaitingJob * waiting) +
    facilityHours * cost.microsecondsPerFacilityHour;
  const bytes = cost.baseBytes + jobs * cost.bytesPerJob + interruptions * cost.bytesPerInterruption + facilityHours * cost.bytesPerFacilityHour;
  return { jobs: Math.round(jobs), events: Math.round(events), bytes, milliseconds: microseconds / 1000, load };
}
