import type { InterruptionSource } from '../engine/interruptions.js';
import { youngDalyInterval } from '../model/checkpoint.js';
import type { RunSpec, Scenario } from '../scenario/scenario.js';
import type { WrittenScenario } from '../scenario/schema.js';
import { interruptionSource, type InterruptionLayer } from './interruption-source.js';
import type { CloudOption } from './option.js';

export interface CloudSimulation {
  scenario: Scenario;
  interruptions: InterruptionSource;
}

/**
 * The same workload on a cloud, as a scenario the engine already runs: as many racks as the
 * capacity cap allows (or as the runs ask for at once), no spares, no facility. A run larger
 * than the cap is made smaller (same work, longer); runs beyond the cap together wait in the
 * queue. A large allocation starts after the provisioning lead time. The provider swaps a failed
 * node at once, so nothing goes to repair; hardware failures and spot preemptions come as
 * interruptions at absolute times (interruption-source.ts), so every cloud option sees the same
 * failures at the same moments.
 */
export function cloudScenario(scenario: Scenario, written: WrittenScenario, option: CloudOption): CloudSimulation {
  const gpusPerRack = scenario.rack.gpusPerRack;
  // Uncapped: room for every named run at once, and for job streams (whose jobs the scenario does
  // not list) 64 times the leased cluster, more than any stream a lease could carry asks at once.
  const asked = scenario.runs.reduce((a, r) => a + r.racks, 0) + scenario.cluster.maxRacks * (scenario.workload ? 64 : 1);
  const capGpus = option.kind === 'reserved' && option.overflowUsdPerGpuHour === null ? option.committedGpus : option.capacityGpus;
  const racks = capGpus === null ? asked : Math.max(1, Math.floor(capGpus / gpusPerRack));
  const hardwareRate = scenario.failures.ratePerGpuHour;
  const noticeTicks = option.noticeMinutes / scenario.tickMinutes;
  const savesWork = (spec: RunSpec) => option.preemptionsPerGpuHour > 0 && noticeTicks >= spec.checkpointWriteTicks;
  const layers: InterruptionLayer[] = [
    { cause: 'hardware', ratePerGpuHour: hardwareRate, savesWork: () => false },
    { cause: 'spot-preemption', ratePerGpuHour: option.preemptionsPerGpuHour, savesWork },
  ];

  const runs = scenario.runs.map((spec): RunSpec => {
    const runRacks = Math.min(spec.racks, racks);
    const gpus = runRacks * gpusPerRack;
    const delayed = spec.gpus >= option.leadTimeAboveGpus ? option.leadTimeTicks : 0;
    const auto = (written.runs?.find((r) => r.name === spec.name)?.checkpoint?.intervalMinutes ?? 'auto') === 'auto';
    // An `auto` interval is re-chosen for the run's size and the rate of interruptions that lose work.
    const losingRate = hardwareRate + (savesWork(spec) ? 0 : option.preemptionsPerGpuHour);
    return {
      ...spec,
      racks: runRacks,
      gpus,
      submitTick: spec.submitTick + delayed,
      checkpointIntervalTicks: auto ? autoInterval(spec.checkpointWriteTicks, gpus, losingRate, scenario.tickMinutes) : spec.checkpointIntervalTicks,
    };
  });

  // No facility limits on a cloud: the provider's power and cooling are its own.
  const { facility: _facility, ...withoutFacility } = scenario as Scenario & { facility?: unknown };
  return {
    scenario: {
      ...withoutFacility,
      cluster: { phases: [{ tick: 0, racks }], spareRacks: 0, maxRacks: racks },
      // The engine draws no failures of its own here: the interruption source gives them all.
      failures: { ratePerGpuHour: 0, causes: [] },
      runs,
    },
    interruptions: interruptionSource(layers, scenario.tickMinutes, scenario.horizonTicks),
  };
}

function autoInterval(writeTicks: number, gpus: number, ratePerGpuHour: number, tickMinutes: number): number {
  if (ratePerGpuHour <= 0) return Infinity;
  const mtbfMinutes = 60 / (gpus * ratePerGpuHour);
  return Math.max(1, Math.round(youngDalyInterval(writeTicks * tickMinutes, mtbfMinutes) / tickMinutes));
}
