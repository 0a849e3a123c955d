import { defaultCauses, type FailureCause } from '../catalog/failures.js';
import { daysToTicks, hoursToTicks, isoToTick, minutesToTicks } from '../model/time.js';
import type { Distribution } from '../random/distributions.js';
import type { ClusterSpec, FailureSpec } from '../engine/spec.js';
import { defaults } from './defaults.js';
import { toDistribution } from './to-distribution.js';
import type { WrittenScenario } from './schema.js';

export interface FailuresContext {
  startMinutes: number;
  tickSeconds: number;
  cluster: ClusterSpec;
}

/**
 * The `failures:` section resolved: the rate and how it changes, the causes (the catalog's Llama 3
 * mix unless given) with their recoveries, slow nodes and maintenance windows, times in ticks.
 */
export function normalizeFailures(w: WrittenScenario, ctx: FailuresContext): FailureSpec {
  const f = w.failures;
  const toTick = (iso: string) => isoToTick(iso, ctx.startMinutes, ctx.tickSeconds);
  const repair = toDistribution(f?.repairHours) ?? defaults.repairHours;
  const swap = toDistribution(f?.swapMinutes) ?? defaults.swapMinutes;
  const hangMinutes = f?.hangDetectionMinutes ?? defaults.hangDetectionMinutes;
  const causes: FailureCause[] = f?.causes
    ? f.causes.map((c) => {
        // A cause without a recovery takes its rack to repair, as causes always have.
        const recovery = c.recovery ?? 'repair';
        return {
          name: c.name,
          share: c.share,
          recovery,
          repairHours: recovery === 'repair' ? (toDistribution(c.repairHours) ?? repair) : none,
          swapMinutes: recovery === 'swap' ? (toDistribution(c.swapMinutes) ?? swap) : none,
          restartMinutes: toDistribution(c.restartMinutes) ?? null,
          hangDetectionMinutes: c.hang ? hangMinutes : null,
          rollbackCheckpoints: c.rollbackCheckpoints ?? 0,
        };
      })
    : defaultCauses(repair, swap, hangMinutes);
  const total = causes.reduce((sum, c) => sum + c.share, 0);
  return {
    ratePerGpuHour: f?.ratePerGpuHour ?? defaults.failureRatePerGpuHour,
    causes: causes.map((c) => ({ ...c, share: c.share / total })),
    rateSteps: (f?.rateSchedule ?? []).map((s) => ({ tick: Math.max(0, toTick(s.from)), ratePerGpuHour: s.ratePerGpuHour })),
    burnIn: f?.burnIn
      ? {
          shape: f.burnIn.shape,
          scaleTicks: daysToTicks(f.burnIn.scaleDays, ctx.tickSeconds),
          installs: f.burnIn.installed ? [{ tick: toTick(f.burnIn.installed), racks: ctx.cluster.maxRacks }] : addedRacks(ctx.cluster),
        }
      : null,
    stragglers: f?.stragglers
      ? {
          probabilityPerRack: f.stragglers.probabilityPerRack,
          speedShare: f.stragglers.speedShare,
          detectionTicks: f.stragglers.detectionMinutes === undefined ? null : minutesToTicks(f.stragglers.detectionMinutes, ctx.tickSeconds),
        }
      : null,
    maintenance: (f?.maintenance ?? []).map((m) => {
      const everyTicks = Math.max(1, daysToTicks(m.everyDays, ctx.tickSeconds));
      return {
        firstTick: m.from === undefined ? everyTicks : Math.max(0, toTick(m.from)),
        everyTicks,
        durationTicks: Math.max(1, hoursToTicks(m.hours, ctx.tickSeconds)),
        racks: m.racks ?? null,
      };
    }),
  };
}

const none: Distribution = { distribution: 'fixed', value: 0 };

/** The racks each cluster phase adds, on its date: new racks whose burn-in starts then. */
function addedRacks(cluster: ClusterSpec): Array<{ tick: number; racks: number }> {
  return cluster.phases
    .map((p, i) => ({ tick: p.tick, racks: p.racks - (cluster.phases[i - 1]?.racks ?? 0) }))
    .filter((p) => p.racks > 0);
}
