import { simulate } from '../engine/simulate.js';
import type { Participant } from '../engine/participant.js';
import type { Policy } from '../engine/policy.js';
import { interruptionParticipant, type InterruptionSource } from '../engine/interruptions.js';
import { facilityParticipant } from '../facility/attach-facility.js';
import { policyFor, wakeTicks } from '../policies/registry.js';
import { workloadJobs } from '../workload/jobs.js';
import type { Scenario } from '../scenario/scenario.js';
import type { RunRecord } from './record.js';

export interface SimulateScenarioOptions {
  /** Default: the scenario's seed. */
  seed?: number;
  /** Default: 0. Replication r draws every stream from (seed, r, stream name). */
  replication?: number;
  /** Default: the scenario's scheduler (FIFO when it names none). */
  policy?: Policy;
  /** Interruptions at absolute ticks besides the scenario's failures (a cloud's, say). */
  interruptions?: InterruptionSource;
  /** Record the runs' timelines (default true); see the engine's SimulateOptions. */
  timeline?: boolean;
  /** Asked every few thousand steps; true stops with SimulationStopped (see the engine's SimulateOptions). */
  shouldStop?: () => boolean;
}

/**
 * One replication of a scenario: its named runs and its workload's jobs, scheduled by its
 * policy, with its facility and any outside interruptions taking part (engine/participant.ts).
 */
export function simulateScenario(scenario: Scenario, options: SimulateScenarioOptions = {}): RunRecord {
  const seed = options.seed ?? scenario.seed;
  const replication = options.replication ?? 0;
  const participants: Participant[] = [];
  if (options.interruptions) participants.push(interruptionParticipant(options.interruptions, seed, replication));
  const facility = scenario.facility ? facilityParticipant(scenario, scenario.facility, seed, replication) : undefined;
  if (facility) participants.push(facility);
  const record: RunRecord = simulate(scenario, {
    seed,
    replication,
    policy: options.policy ?? policyFor(scenario),
    jobs: workloadJobs(scenario, seed, replication),
    wakeTicks: wakeTicks(scenario),
    placement: scenario.scheduler?.placement ?? null,
    participants,
    timeline: options.timeline ?? true,
    ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}),
  });
  if (facility?.record) record.facility = facility.record;
  return record;
}
