import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { backfill } from '../../src/policies/backfill.js';
import type { Policy } from '../../src/policies/policy.js';
import type { WrittenScenario } from '../../src/scenario/schema.js';
import { aRun, aScenario } from '../builders.js';
import { spy, type Call } from './spy.js';

/**
 * Eight runs on 8 racks, submitted over three hours, with the same estimates in both plans; the
 * true work (days of compute) grows with the run's index in one plan and shrinks in the other.
 */
function plan(truth: 'growing' | 'shrinking', failures: number): Partial<WrittenScenario> {
  return {
    failures: { ratePerGpuHour: failures },
    runs: Array.from({ length: 8 }, (_, i) =>
      aRun({
        name: `r${i}`,
        racks: 1 + (i % 4),
        submit: `2026-07-01T0${i % 3}:00`,
        totalFlop: (truth === 'growing' ? 4 + i : 12 - i) * (1 + (i % 4)) * 72 * 5000e12 * 0.4 * 86_400,
        estimatedDays: 6,
      }),
    ),
  };
}

/** The calls up to (not including) the first tick at which either simulation saw a run stop. */
function callsBeforeFirstStop(calls: Call[], stopTick: number): Call[] {
  return calls.filter((c) => c.view.nowTick < stopTick);
}

function firstStop(record: ReturnType<typeof simulateScenario>): number {
  return Math.min(...record.runs.map((r) => r.holds?.[0]?.stopTick ?? Infinity));
}

describe('a policy', () => {
  it('sees the same views and makes the same decisions whatever the true work, until a run stops', () => {
    const a = spy(backfill);
    const b = spy(backfill);
    const recordA = simulateScenario(aScenario(plan('growing', 0)), { policy: a.policy });
    const recordB = simulateScenario(aScenario(plan('shrinking', 0)), { policy: b.policy });
    const stop = Math.min(firstStop(recordA), firstStop(recordB));
    expect(stop).toBeGreaterThan(0);
    const before = callsBeforeFirstStop(a.calls, stop);
    expect(before.length).toBeGreaterThan(1);
    expect(callsBeforeFirstStop(b.calls, stop)).toEqual(before);
    // The true work does differ, and so do the outcomes once runs finish.
    expect(recordA.runs.map((r) => r.endTick)).not.toEqual(recordB.runs.map((r) => r.endTick));
  });

  it('sees the same views whatever failures the future holds, until the first failure or completion', () => {
    const a = spy(backfill);
    const b = spy(backfill);
    const recordA = simulateScenario(aScenario(plan('growing', 1e-5)), { policy: a.policy, seed: 1 });
    const recordB = simulateScenario(aScenario(plan('growing', 1e-5)), { policy: b.policy, seed: 2 });
    expect(recordA.runs.map((r) => r.interruptions)).not.toEqual(recordB.runs.map((r) => r.interruptions));
    const stop = Math.min(firstStop(recordA), firstStop(recordB));
    const before = callsBeforeFirstStop(a.calls, stop);
    expect(before.length).toBeGreaterThan(1);
    expect(callsBeforeFirstStop(b.calls, stop)).toEqual(before);
  });

  it('would be told apart if it could see true runtimes: shortest-true-job-first decides differently', () => {
    // The check above can fail: a policy given the truth (here from a first simulation) orders
    // the same queue differently in the two plans before any run stops.
    const trueTicks = (truth: 'growing' | 'shrinking') => simulateScenario(aScenario(plan(truth, 0))).runs.map((r) => (r.endTick ?? 0) - (r.firstStartTick ?? 0));
    const shortestTrueFirst = (ticks: number[]): Policy => (view, queue) => backfill(view, [...queue].sort((x, y) => (ticks[x.id] ?? 0) - (ticks[y.id] ?? 0)));
    const a = spy(shortestTrueFirst(trueTicks('growing')));
    const b = spy(shortestTrueFirst(trueTicks('shrinking')));
    const recordA = simulateScenario(aScenario(plan('growing', 0)), { policy: a.policy });
    const recordB = simulateScenario(aScenario(plan('shrinking', 0)), { policy: b.policy });
    const stop = Math.min(firstStop(recordA), firstStop(recordB));
    expect(callsBeforeFirstStop(b.calls, stop)).not.toEqual(callsBeforeFirstStop(a.calls, stop));
  });
});
