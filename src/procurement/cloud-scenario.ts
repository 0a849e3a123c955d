import type { RackType } from '../catalog/racks.js';
import type { InterruptionSource } from '../engine/interruptions.js';
import { checkpointIntervalTicks } from '../model/checkpoint.js';
import { minutesInTicks } from '../model/time.js';
import type { RunSpec, Scenario } from '../scenario/scenario.js';
import { interruptionSource } from './interruption-source.js';
import type { CloudOption } from './option.js';
import { runOnRack } from './run-on-rack.js';
import { schedulerForRuns } from './scheduler-for-runs.js';

export interface CloudSimulation {
  scenario: Scenario;
  /** Spot preemptions; undefined when the option has none. */
  interruptions: InterruptionSource | undefined;
}

/**
 * The workload on a cloud, as a scenario the engine already runs, on the option's hardware
 * (`rack`): every run keeps its GPUs and computes at the option's GPU speed (run-on-rack.ts). The
 * cluster is the option's capacity cap (or, held to a reservation, its commitment from its start),
 * else room for every run at once, twice. No spares and no facility. Failures are the engine's own, drawn
 * from each run's streams exactly as on the lease (so the same run, on the same hardware and size,
 * without waits, is interrupted at the same moments of its progress); a failed node is out of
 * service for the provider's replacement time, a cause fixed by a restart needs none. Spot
 * preemptions come on top as interruptions at absolute times, drawn from streams of their own.
 * `runs` are the workload's runs and jobs, already drawn for the replication.
 */
export function cloudScenario(scenario: Scenario, option: CloudOption, rack: RackType, runs: readonly RunSpec[]): CloudSimulation {
  const gpusPerRack = rack.gpusPerRack;
  const heldToCommitment = option.kind === 'reserved' && option.overflow === null;
  const commitment = option.commitments[0];
  const capGpus = heldToCommitment && commitment ? commitment.gpus : option.capacityGpus;
  const capRacks = capGpus === null ? Infinity : Math.max(1, Math.floor(capGpus / gpusPerRack));
  const hardwareRate = scenario.failures.ratePerGpuHour;
  const noticeTicks = minutesInTicks(option.noticeMinutes, scenario.tickSeconds);
  const savesWork = (spec: RunSpec) => option.preemptionsPerGpuHour > 0 && noticeTicks >= spec.checkpointWriteTicks;

  const converted = runs.map((spec, index): RunSpec => {
    const moved = runOnRack(spec, scenario.rack, rack, capRacks);
    const delayed = moved.gpus >= option.leadTimeAboveGpus ? option.leadTimeTicks : 0;
    // An optimum interval (auto, young) is chosen again when the run's size or the rate of
    // interruptions that lose work changed, for each of its phases too.
    const losingRate = hardwareRate + (savesWork(moved) ? 0 : option.preemptionsPerGpuHour);
    const setting = spec.checkpointSetting;
    const rechoose = (setting === 'auto' || setting === 'young') && (moved !== spec || losingRate !== hardwareRate);
    const interval = (gpus: number, current: number) => (rechoose ? checkpointIntervalTicks(setting, moved.checkpointWriteTicks, gpus, losingRate, scenario.tickSeconds) : current);
    return {
      ...moved,
      index,
      submitTick: moved.submitTick + delayed,
      checkpointIntervalTicks: interval(moved.gpus, moved.checkpointIntervalTicks),
      ...(moved.phases ? { phases: moved.phases.map((p) => ({ ...p, checkpointIntervalTicks: interval(p.gpus, p.checkpointIntervalTicks) })) } : {}),
    };
  });
  // Uncapped, the provider has room for every run at once twice over, so nodes out for
  // replacement never hold a restart back.
  const racks = Number.isFinite(capRacks) ? capRacks : Math.max(1, 2 * converted.reduce((a, r) => a + r.racks, 0));
  const from = heldToCommitment && commitment ? commitment.fromTick : 0;
  const phases = from > 0 ? [{ tick: 0, racks: 0 }, { tick: from, racks }] : [{ tick: 0, racks }];
  const replacement = { distribution: 'fixed' as const, value: option.replacementHours };
  const causes = scenario.failures.causes.map((c) => ({ ...c, repairHours: c.recovery === 'repair' && needsRepair(c.repairHours) ? replacement : c.repairHours }));

  // No facility limits on a cloud: the provider's power and cooling are its own. The workload's
  // jobs are in `runs` already, so the streams that would draw them again are dropped.
  const { facility: _facility, workload: _workload, scheduler, ...rest } = scenario;
  return {
    scenario: {
      ...rest,
      ...(scheduler ? { scheduler: schedulerForRuns(scheduler, converted, scenario.rack, rack) } : {}),
      rack,
      cluster: { phases, spareRacks: 0, maxRacks: racks },
      failures: { ...scenario.failures, causes },
      runs: converted,
    },
    interruptions:
      option.preemptionsPerGpuHour > 0
        ? interruptionSource([{ cause: 'spot-preemption', ratePerGpuHour: option.preemptionsPerGpuHour, savesWork }], scenario.tickSeconds, scenario.horizonTicks)
        : undefined,
  };
}

/** A cause that takes hardware out of service (the catalog's software causes need none). */
function needsRepair(d: Scenario['failures']['causes'][number]['repairHours']): boolean {
  return !(d.distribution === 'fixed' && d.value === 0);
}

