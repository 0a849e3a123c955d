import { max, min, quantileSorted, sum } from 'simple-statistics';
import type { RunOutcome, RunRecord } from '../simulation/record.js';
import { centsToUsd } from '../model/money.js';
import { minutesInTicks, tickToIso, ticksToDays, ticksToHours } from '../model/time.js';
import { gpuHours, heldRackTicks, ratio } from './metrics.js';

// Bounded slowdown's threshold (Feitelson et al. 1997 use 10 s for HPC jobs). Training jobs
// last hours, and a restart alone costs minutes, so 10 minutes keeps a short job's slowdown
// from exploding without hiding real waits; an assumption, stated in the README.
export const boundedSlowdownMinutes = 10;

/** Queue metrics of one group of jobs (all, a team, a stream); waits and times in hours. */
export interface GroupMetrics {
  jobs: number;
  started: number;
  completed: number;
  meanWaitHours: number | null;
  p50WaitHours: number | null;
  p95WaitHours: number | null;
  maxWaitHours: number | null;
  meanCompletionHours: number | null;
  meanSlowdown: number | null;
  meanBoundedSlowdown: number | null;
  /** The last completion in the group (ISO, UTC), or null if none completed. */
  lastFinish: string | null;
  gpuHoursHeld: number;
  utilization: number | null;
  costUsageShareUsd: number;
}

/** The jobs a record's metrics run over: those submitted within the horizon. */
function submitted(record: RunRecord): number[] {
  const horizon = record.scenario.horizonTicks;
  return record.runs.flatMap((r, i) => (r.status !== 'pending' && r.submitTick < horizon ? [i] : []));
}

/**
 * Queue metrics over every job (named runs, stream and trace jobs): waits, completion times,
 * slowdowns, makespan, use and cost by team and by stream, Jain's fairness index over teams,
 * deadlines met and reservation delays. `usageCents` are the usage-share costs, one per run.
 */
export function summarizeQueue(record: RunRecord, usageCents: readonly number[]) {
  const s = record.scenario;
  const ids = submitted(record);
  const installed = sum(record.months.map((m) => m.installedRackTicks));
  const group = (members: number[]) => groupMetrics(record, members, installed, usageCents);
  const byKey = (key: (r: RunOutcome) => string) => {
    const groups = new Map<string, number[]>();
    for (const i of ids) {
      const k = key(record.runs[i] as RunOutcome);
      const list = groups.get(k);
      if (list) list.push(i);
      else groups.set(k, [i]);
    }
    return [...groups].sort(([a], [b]) => a.localeCompare(b));
  };
  const teams = byKey((r) => r.team);
  const quotas = s.scheduler?.quotas ?? {};
  // hasOwn: a team named toString or __proto__ weighs 1 like any team without a quota.
  const weight = (team: string) => (Object.hasOwn(quotas, team) ? (quotas[team] ?? 1) : 1);
  const held = (members: number[]) => sum(members.map((i) => heldRackTicks(record.runs[i] as RunOutcome)));
  return {
    policy: s.scheduler?.policy ?? 'fifo',
    ...group(ids),
    waitingAtEnd: ids.filter((i) => record.runs[i]?.firstStartTick === null).length,
    makespanDays: makespanDays(record, ids),
    jainFairness: jainIndex(teams.map(([team, members]) => held(members) / weight(team))),
    deadlines: deadlines(record, ids),
    byTeam: teams.map(([team, members]) => ({ team, quotaWeight: weight(team), ...group(members) })),
    byStream: byKey((r) => r.stream ?? 'runs').map(([stream, members]) => ({ stream, ...group(members) })),
    reservations: (s.scheduler?.reservations ?? []).map((r) => {
      const run = record.runs[r.runIndex];
      const from = Math.max(r.fromTick, run?.submitTick ?? 0);
      const start = run?.firstStartTick ?? null;
      return {
        run: r.run,
        racks: r.racks,
        from: tickToIso(s.startMinutes, s.tickSeconds, r.fromTick),
        started: start === null ? null : tickToIso(s.startMinutes, s.tickSeconds, start),
        startDelayHours: start === null ? null : ticksToHours(start - from, s.tickSeconds),
      };
    }),
  };
}

export type QueueSummary = ReturnType<typeof summarizeQueue>;

function groupMetrics(record: RunRecord, members: number[], installedRackTicks: number, usageCents: readonly number[]): GroupMetrics {
  const s = record.scenario;
  const hours = (ticks: number) => ticksToHours(ticks, s.tickSeconds);
  const runs = members.map((i) => record.runs[i] as RunOutcome);
  const waits = runs.flatMap((r) => (r.firstStartTick === null ? [] : [hours(r.firstStartTick - r.submitTick)])).sort((a, b) => a - b);
  const done = runs.filter((r) => r.status === 'completed' && r.endTick !== null && r.firstStartTick !== null);
  const held = sum(runs.map(heldRackTicks));
  return {
    jobs: runs.length,
    started: waits.length,
    completed: done.length,
    meanWaitHours: mean(waits),
    p50WaitHours: waits.length > 0 ? quantileSorted(waits, 0.5) : null,
    p95WaitHours: waits.length > 0 ? quantileSorted(waits, 0.95) : null,
    maxWaitHours: waits.length > 0 ? (waits[waits.length - 1] ?? null) : null,
    meanCompletionHours: mean(done.map((r) => hours(completionTicks(r)))),
    meanSlowdown: mean(done.map((r) => slowdown(r))),
    meanBoundedSlowdown: mean(done.map((r) => boundedSlowdown(r, minutesInTicks(boundedSlowdownMinutes, s.tickSeconds)))),
    lastFinish: done.length > 0 ? tickToIso(s.startMinutes, s.tickSeconds, max(done.map((r) => r.endTick ?? 0))) : null,
    gpuHoursHeld: gpuHours(held, s.rack.gpusPerRack, s.tickSeconds),
    utilization: ratio(held, installedRackTicks),
    costUsageShareUsd: centsToUsd(sum(members.map((i) => usageCents[i] ?? 0))),
  };
}

/** Job completion time: finish - submit, in ticks. */
export function completionTicks(r: RunOutcome): number {
  return (r.endTick ?? NaN) - r.submitTick;
}

/** Slowdown: (finish - submit) / (finish - first start). */
export function slowdown(r: RunOutcome): number {
  return completionTicks(r) / Math.max(1, (r.endTick ?? NaN) - (r.firstStartTick ?? NaN));
}

/** Bounded slowdown: max(1, (finish - submit) / max(finish - first start, threshold)). */
export function boundedSlowdown(r: RunOutcome, thresholdTicks: number): number {
  return Math.max(1, completionTicks(r) / Math.max((r.endTick ?? NaN) - (r.firstStartTick ?? NaN), thresholdTicks));
}

/** Jain's fairness index (Jain, Chiu and Hawe 1984): (Σx)² / (n Σx²); 1 when all are equal. */
export function jainIndex(xs: readonly number[]): number | null {
  const squares = sum(xs.map((x) => x * x));
  return xs.length > 0 && squares > 0 ? sum(xs) ** 2 / (xs.length * squares) : null;
}

function makespanDays(record: RunRecord, ids: number[]): number | null {
  const done = ids.map((i) => record.runs[i] as RunOutcome).filter((r) => r.endTick !== null && r.status === 'completed');
  if (done.length === 0) return null;
  const first = min(ids.map((i) => record.runs[i]?.submitTick ?? Infinity));
  const last = max(done.map((r) => r.endTick ?? -Infinity));
  return ticksToDays(last - first, record.scenario.tickSeconds);
}

function deadlines(record: RunRecord, ids: number[]) {
  const withDeadline = ids.map((i) => record.runs[i] as RunOutcome).filter((r) => r.deadlineTick !== null && r.deadlineTick !== undefined);
  const met = withDeadline.filter((r) => r.status === 'completed' && r.endTick !== null && r.endTick <= (r.deadlineTick ?? -Infinity)).length;
  return { jobs: withDeadline.length, met, share: ratio(met, withDeadline.length) };
}

function mean(xs: readonly number[]): number | null {
  return xs.length > 0 ? sum(xs) / xs.length : null;
}
