import { rackCatalog, type RackType } from '../catalog/racks.js';
import { normalizeFacility } from '../facility/normalize-facility.js';
import { defaultCauses } from '../catalog/failures.js';
import type { Distribution } from '../random/distributions.js';
import { daysToTicks, isoToTick, minutesToTicks, parseIsoMinutes } from '../model/time.js';
import { tickSecondsOf } from './tick-seconds.js';
import { flopPerTick, trainingFlop } from '../model/work.js';
import { runRacks, spareRacks as spareRackCount } from './run-racks.js';
import { checkpointIntervalTicks } from '../model/checkpoint.js';
import { defaults } from './defaults.js';
import { normalizeLease } from './normalize-lease.js';
import { schedulingSections } from '../workload/sections.js';
import type { WrittenDistribution, WrittenRun, WrittenScenario } from './schema.js';
import type { FailureSpec, RunSpec, Scenario } from './scenario.js';

/**
 * WrittenScenario -> Scenario: defaults applied, catalog resolved, dates to ticks. Assumes
 * checkRules() found no errors.
 */
export function normalize(w: WrittenScenario): Scenario {
  const tickSeconds = tickSecondsOf(w);
  const startMinutes = parseIsoMinutes(w.start);
  const endMinutes = parseIsoMinutes(w.end) + 24 * 60;
  const horizonTicks = Math.floor(((endMinutes - startMinutes) * 60) / tickSeconds);
  const toTick = (iso: string) => isoToTick(iso, startMinutes, tickSeconds);

  const rack = resolveRack(w);
  const phases = w.cluster.phases
    ? w.cluster.phases.map((p) => ({ tick: toTick(p.from), racks: p.racks }))
    : [{ tick: 0, racks: w.cluster.racks ?? 0 }];
  if (phases[0] && phases[0].tick > 0) phases.unshift({ tick: 0, racks: 0 });
  const maxRacks = phases.reduce((m, p) => Math.max(m, p.racks), 0);

  const failures = normalizeFailures(w);
  const restartMinutes = w.failures?.restartMinutes ?? defaults.restartMinutes;

  const spareRacks = spareRackCount(w.cluster.spareRacks ?? defaults.spareRacks, maxRacks);
  const runs = (w.runs ?? []).map((run, index): RunSpec => {
    const racks = runRacks(run.racks, maxRacks - spareRacks);
    const gpus = racks * rack.gpusPerRack;
    const tflopsPerGpu = run.achievedTflopsPerGpu ?? (rack.gpu.denseTflops[run.precision] ?? 0) * (run.mfu ?? 0);
    const writeMinutes = run.checkpoint?.writeMinutes ?? defaults.checkpointWriteMinutes;
    return {
      index,
      name: run.name,
      team: run.team ?? 'default',
      racks,
      gpus,
      submitTick: run.submit === undefined ? 0 : toTick(run.submit),
      priority: run.priority ?? defaults.priority,
      precision: run.precision,
      tflopsPerGpu,
      totalFlop: run.totalFlop ?? (run.computeDays === undefined ? trainingFlop(run.activeParams ?? 0, run.tokens ?? 0) : flopPerTick(gpus, tflopsPerGpu, 86_400) * run.computeDays),
      checkpointIntervalTicks: checkpointIntervalTicks(run.checkpoint?.intervalMinutes ?? defaults.checkpointInterval, minutesToTicks(writeMinutes, tickSeconds), gpus, failures.ratePerGpuHour, tickSeconds),
      checkpointWriteTicks: minutesToTicks(writeMinutes, tickSeconds),
      restartTicks: minutesToTicks(run.restartMinutes ?? restartMinutes, tickSeconds),
      estimatedTicks: run.estimatedDays === undefined ? null : daysToTicks(run.estimatedDays, tickSeconds),
    };
  });

  return {
    name: w.name,
    description: w.description ?? '',
    seed: w.seed,
    startIso: w.start,
    endIso: w.end,
    startMinutes,
    tickSeconds,
    horizonTicks,
    rack,
    cluster: { phases, spareRacks, maxRacks },
    failures,
    lease: normalizeLease(w.lease, { startMinutes, tickSeconds, fullRacks: maxRacks }),
    discountRatePerYear: w.discountRatePerYear ?? 0,
    runs,
    ...schedulingSections(w, { startMinutes, tickSeconds, horizonTicks, rack }),
    ...(w.facility ? { facility: normalizeFacility(w.facility, { startMinutes, rack, racks: maxRacks }) } : {}),
  };
}

function resolveRack(w: WrittenScenario): RackType {
  const base = rackCatalog[w.hardware.rack];
  if (!base) throw new Error(`unknown rack type ${w.hardware.rack}`);
  const gpuOverrides = w.hardware.gpuOverrides ?? {};
  const gpu = {
    ...base.gpu,
    ...stripUndefined({ name: gpuOverrides.name, tdpW: gpuOverrides.tdpW, idleW: gpuOverrides.idleW, hbmGb: gpuOverrides.hbmGb }),
    denseTflops: { ...base.gpu.denseTflops, ...stripUndefined(gpuOverrides.denseTflops ?? {}) },
  };
  return { ...base, ...stripUndefined(w.hardware.rackOverrides ?? {}), gpu };
}

function normalizeFailures(w: WrittenScenario): FailureSpec {
  const repair = toDistribution(w.failures?.repairHours) ?? defaults.repairHours;
  const causes = w.failures?.causes
    ? w.failures.causes.map((c) => ({ name: c.name, share: c.share, repairHours: toDistribution(c.repairHours) ?? repair }))
    : defaultCauses(repair);
  const total = causes.reduce((sum, c) => sum + c.share, 0);
  return {
    ratePerGpuHour: w.failures?.ratePerGpuHour ?? defaults.failureRatePerGpuHour,
    causes: causes.map((c) => ({ ...c, share: c.share / total })),
  };
}

export function toDistribution(d: WrittenDistribution | undefined): Distribution | undefined {
  if (d === undefined) return undefined;
  if (typeof d === 'number') return { distribution: 'fixed', value: d };
  return d;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
