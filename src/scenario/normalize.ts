import { rackCatalog, type RackType } from '../catalog/racks.js';
import { normalizeFacility } from '../facility/normalize-facility.js';
import { isoToTick, parseIsoMinutes } from '../model/time.js';
import { tickSecondsOf } from './tick-seconds.js';
import { spareRacks as spareRackCount } from './rack-counts.js';
import { defaults } from './defaults.js';
import { normalizeLease } from './normalize-lease.js';
import { normalizeFailures } from './normalize-failures.js';
import { normalizeRun } from './normalize-run.js';
import { toDistribution } from './to-distribution.js';
import { schedulingSections } from '../workload/sections.js';
import type { WrittenScenario } from './schema.js';
import type { Scenario } from './scenario.js';

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

  const cluster = { phases, spareRacks: spareRackCount(w.cluster.spareRacks ?? defaults.spareRacks, maxRacks), maxRacks };
  const failures = normalizeFailures(w, { startMinutes, tickSeconds, cluster });
  const restartMinutes = toDistribution(w.failures?.restartMinutes) ?? defaults.restartMinutes;
  const runs = (w.runs ?? []).map((run, index) => normalizeRun(run, index, { startMinutes, tickSeconds, rack, ratePerGpuHour: failures.ratePerGpuHour, restartMinutes, schedulableRacks: maxRacks - cluster.spareRacks }));

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
    cluster,
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

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
