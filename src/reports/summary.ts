import { sum } from 'simple-statistics';
import { summarizeFacility } from '../facility/summarize-facility.js';
import type { RunRecord } from '../simulation/record.js';
import { summarizeQueue } from './queue-metrics.js';
import { centsToUsd } from '../model/money.js';
import { billLease } from '../procurement/lease-bill.js';
import { tickToIso, ticksToDays, ticksToMinutes } from '../model/time.js';
import { ettr, gpuHours, heldRackTicks, queueWaitTicks, ratio, wallClockTicks } from './metrics.js';
import { runPhases } from './run-phases.js';

export interface Provenance {
  version: string;
  scenarioHash: string;
}

/**
 * The report of one simulation: the stable contract behind `--format json`. Field names carry
 * their units; every field is defined in the README.
 */
export type Summary = ReturnType<typeof summarize>;

/** `inputs`: the uncertain inputs drawn for this replication, by key path (absent when there are none). */
export function summarize(record: RunRecord, provenance: Provenance, inputs: Record<string, number> | null = null) {
  const s = record.scenario;
  const hours = (rackTicks: number) => gpuHours(rackTicks, s.rack.gpusPerRack, s.tickSeconds);
  const days = (ticks: number) => ticksToDays(ticks, s.tickSeconds);
  const at = (tick: number | null) => (tick === null ? null : tickToIso(s.startMinutes, s.tickSeconds, tick));

  const installed = sum(record.months.map((m) => m.installedRackTicks));
  const allocated = sum(record.months.map((m) => m.allocatedRackTicks));
  const down = sum(record.months.map((m) => m.downRackTicks));
  const held = record.runs.map(heldRackTicks);
  const runTotal = (f: (r: (typeof record.runs)[number]) => number) => sum(record.runs.map(f));

  // The lease's bill, as `capsim compare` bills it: fees and any power passed through. Usage share:
  // each run pays for its share of the available GPU-hours, the rest is idle cost; fully loaded:
  // the whole lease spread over the runs by GPU-hours held.
  const bill = billLease(record, s.lease);
  const leaseCents = bill.totalCents;
  const paidCents = bill.feeCentsByMonth.map((fee, i) => fee + (bill.powerCentsByMonth[i] ?? 0));
  const usageCents = bill.usageShareCents;
  const idleCents = bill.idleCents;
  const loadedCents = bill.fullyLoadedCents;

  return {
    capsim: {
      version: provenance.version,
      scenarioHash: provenance.scenarioHash,
      seed: record.seed,
      replication: record.replication,
    },
    scenario: {
      name: s.name,
      start: s.startIso,
      end: s.endIso,
      horizonDays: days(s.horizonTicks),
      tickSeconds: s.tickSeconds,
      rack: s.rack.id,
      rackName: s.rack.name,
      gpusPerRack: s.rack.gpusPerRack,
      racks: s.cluster.maxRacks,
      spareRacks: s.cluster.spareRacks,
      gpus: s.cluster.maxRacks * s.rack.gpusPerRack,
      failureRatePerGpuHour: s.failures.ratePerGpuHour,
      leaseMonthlyUsd: s.lease.schedule[0]?.monthlyUsd ?? 0,
    },
    ...(inputs ? { inputs } : {}),
    runs: record.runs.map((r, i) => ({
      name: r.name,
      team: r.team,
      status: r.status,
      racks: r.racks,
      gpus: r.gpus,
      submitted: at(r.submitTick),
      started: at(r.firstStartTick),
      finished: at(r.endTick),
      queueWaitDays: r.status === 'pending' ? null : days(queueWaitTicks(r, s.horizonTicks)),
      wallClockDays: days(wallClockTicks(r, s.horizonTicks)),
      progress: r.doneFlop / r.totalFlop,
      totalFlop: r.totalFlop,
      checkpointIntervalMinutes: Number.isFinite(r.checkpointIntervalTicks) ? ticksToMinutes(r.checkpointIntervalTicks, s.tickSeconds) : null,
      gpuHoursHeld: hours(held[i] ?? 0),
      productiveGpuHours: hours(r.productiveRackTicks),
      lostGpuHours: hours(r.lostRackTicks),
      checkpointGpuHours: hours(r.checkpointRackTicks),
      restartGpuHours: hours(r.restartRackTicks),
      hungGpuHours: hours(r.hungRackTicks ?? 0),
      gpuHoursLostToStragglers: hours(r.stragglerLossRackTicks ?? 0),
      interruptions: r.interruptions,
      interruptionsByCause: withEveryCause(r.interruptionsByCause, s.failures.causes),
      ettr: ettr(r, s.horizonTicks),
      costUsageShareUsd: centsToUsd(usageCents[i] ?? 0),
      costFullyLoadedUsd: centsToUsd(loadedCents[i] ?? 0),
      ...withPhases(runPhases(r, s, s.horizonTicks, usageCents[i] ?? 0)),
    })).filter((_, i) => record.runs[i]?.stream === undefined), // stream and trace jobs: in `queue`
    cluster: {
      availableGpuHours: hours(installed),
      allocatedGpuHours: hours(allocated),
      productiveGpuHours: hours(runTotal((r) => r.productiveRackTicks)),
      lostGpuHours: hours(runTotal((r) => r.lostRackTicks)),
      checkpointGpuHours: hours(runTotal((r) => r.checkpointRackTicks)),
      restartGpuHours: hours(runTotal((r) => r.restartRackTicks)),
      idleGpuHours: hours(installed - allocated - down),
      downGpuHours: hours(down),
      utilization: ratio(allocated, installed),
      goodput: ratio(runTotal((r) => r.productiveRackTicks), installed),
      interruptions: runTotal((r) => r.interruptions),
    },
    months: record.months.map((m, i) => ({
      month: m.label,
      availableGpuHours: hours(m.installedRackTicks),
      allocatedGpuHours: hours(m.allocatedRackTicks),
      idleGpuHours: hours(m.installedRackTicks - m.allocatedRackTicks - m.downRackTicks),
      downGpuHours: hours(m.downRackTicks),
      utilization: ratio(m.allocatedRackTicks, m.installedRackTicks),
      leasePaidUsd: centsToUsd(paidCents[i] ?? 0),
    })),
    money: {
      leasePaidUsd: centsToUsd(leaseCents),
      idleCostUsd: centsToUsd(idleCents),
      costPerAvailableGpuHourUsd: ratio(leaseCents / 100, hours(installed)),
      costPerAllocatedGpuHourUsd: ratio(leaseCents / 100, hours(allocated)),
    },
    ...(s.scheduler || s.workload ? { queue: summarizeQueue(record, usageCents) } : {}),
    ...(record.facility ? { facility: summarizeFacility(record.facility, record, ratio(leaseCents / 100, hours(installed))) } : {}),
  };
}

/**
 * A run's interruptions by cause, with every cause of the scenario present (zero when it never
 * struck), sorted by name: a cause that did not strike in one replication counts as 0 in the
 * statistics over replications, not as missing.
 */
function withEveryCause(byCause: Record<string, number>, causes: ReadonlyArray<{ name: string }>): Record<string, number> {
  const names = [...new Set([...causes.map((c) => c.name), ...Object.keys(byCause)])].sort((a, b) => a.localeCompare(b));
  return Object.fromEntries(names.map((name) => [name, byCause[name] ?? 0]));
}

/** `phases`, only for a run that has several. */
function withPhases<T>(phases: T[] | null): { phases?: T[] } {
  return phases ? { phases } : {};
}
