import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { backfill, shadowOf } from '../../src/policies/backfill.js';
import { fifo } from '../../src/policies/fifo.js';
import { poolOf } from '../../src/policies/pool.js';
import type { ClusterView, QueuedRequest } from '../../src/policies/policy.js';
import type { WrittenScenario } from '../../src/scenario/schema.js';
import { aScenario } from '../builders.js';
import { spy } from './spy.js';

type WrittenStream = NonNullable<NonNullable<WrittenScenario['workload']>['streams']>[number];

/** Mixed sizes on 16 racks, busy enough that the queue is rarely empty; estimates exact. */
function busyScenario(seed: number, streamOverrides: Partial<WrittenStream> = {}) {
  return aScenario({
    seed,
    start: '2026-07-01',
    end: '2026-09-30',
    cluster: { racks: 16 },
    runs: [],
    workload: {
      streams: [
        {
          name: 'mixed',
          ratePerDay: 14,
          racks: { distribution: 'empirical', values: [1, 2, 4, 8, 12], weights: [4, 3, 2, 1, 1] },
          durationHours: { distribution: 'lognormal', median: 4, p95: 40 },
          precision: 'fp8',
          mfu: 0.4,
          ...streamOverrides,
        },
      ],
    },
  });
}

const request = (id: number, racks: number, estimatedTicks: number | null, submitTick = id): QueuedRequest => ({
  id, name: `j${id}`, team: 't', racks, priority: 0, submitTick, estimatedTicks, restart: false,
});

const view = (freeRacks: number, running: ClusterView['running'] = [], nowTick = 100): ClusterView => ({
  nowTick, installedRacks: 16, freeRacks, spareRacks: 0, downRacks: 0, running,
});

describe('FIFO', () => {
  it('never starts a job needing more racks than are free, over a busy quarter', () => {
    const recorded = spy(fifo);
    simulateScenario(busyScenario(3), { policy: recorded.policy });
    expect(recorded.calls.length).toBeGreaterThan(100);
    for (const { view: v, queue, decisions } of recorded.calls) {
      let free = v.freeRacks;
      for (const d of decisions) {
        const r = queue.find((q) => q.id === d.id);
        expect(r).toBeDefined();
        free -= r?.racks ?? Infinity;
        expect(free).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('starts in queue order and stops at the first request that does not fit', () => {
    const decisions = fifo(view(5), [request(1, 2, 10), request(2, 4, 10), request(3, 1, 10)]);
    expect(decisions.map((d) => d.id)).toEqual([1]);
  });

  it('returns a shared list for a single start and never changes it when it starts more', () => {
    const one = fifo(view(5), [request(1, 2, 10)]);
    const three = fifo(view(5), [request(1, 2, 10), request(2, 1, 10), request(3, 1, 10)]);
    const again = fifo(view(5), [request(1, 2, 10)]);
    expect(three.map((d) => d.id)).toEqual([1, 2, 3]);
    expect(again).toBe(one);
    expect(again).toEqual([{ kind: 'start', id: 1, useSpares: false }]);
    expect(Object.isFrozen(again) && Object.isFrozen(again[0])).toBe(true);
  });
});

describe('EASY backfill', () => {
  it('starts a later job that ends before the head can start', () => {
    // 10 racks busy until tick 200; the head needs 12 of 16; a 4-rack job of 50 ticks fits before.
    const running = [{ id: 9, team: 't', racks: 10, priority: 0, startTick: 0, estimatedTicks: 200, preempting: false, releaseTick: null }];
    const decisions = backfill(view(6, running), [request(1, 12, 100), request(2, 4, 50), request(3, 4, 500)]);
    expect(decisions.map((d) => d.id)).toEqual([2]);
  });

  it('starts a long job only on racks the head will not need at its shadow time', () => {
    // At tick 200 the head gets 6 + 10 = 16 racks and needs 12: 4 are extra, so a 4-rack job may run long.
    const running = [{ id: 9, team: 't', racks: 10, priority: 0, startTick: 0, estimatedTicks: 200, preempting: false, releaseTick: null }];
    const head = request(1, 12, 100);
    expect(shadowOf(view(6, running), head, poolOf(view(6, running)))).toEqual({ tick: 200, extraRacks: 4 });
    expect(backfill(view(6, running), [head, request(2, 5, 500), request(3, 4, 500)]).map((d) => d.id)).toEqual([3]);
  });

  it('does not backfill when a running job has no estimate, since the head could then wait forever', () => {
    const running = [{ id: 9, team: 't', racks: 10, priority: 0, startTick: 0, estimatedTicks: null, preempting: false, releaseTick: null }];
    expect(backfill(view(6, running), [request(1, 12, 100), request(2, 1, 5)])).toEqual([]);
  });

  it('never delays the reserved start of the head of the queue, when estimates are exact', () => {
    for (const seed of [1, 2, 3]) {
      const recorded = spy(backfill);
      const scenario = busyScenario(seed);
      const record = simulateScenario(scenario, { policy: recorded.policy });
      let checked = 0;
      let backfilled = 0;
      for (const { view: v, queue, decisions } of recorded.calls) {
        const started = new Set(decisions.map((d) => d.id));
        const headIndex = queue.findIndex((q) => !started.has(q.id));
        const head = queue[headIndex];
        if (!head) continue;
        if (queue.slice(headIndex + 1).some((q) => started.has(q.id))) backfilled += 1;
        const startsNow = queue.slice(0, headIndex).map((q) => ({ racks: q.racks, endTick: v.nowTick + (q.estimatedTicks ?? Infinity) }));
        const pool = poolOf(v);
        pool.free -= startsNow.reduce((sum, s) => sum + s.racks, 0);
        const shadow = shadowOf(v, head, pool, startsNow);
        if (!shadow || shadow.tick >= scenario.horizonTicks) continue;
        const actual = record.runs[head.id]?.firstStartTick;
        expect(actual, `job ${head.id} reserved for tick ${shadow.tick}`).not.toBeNull();
        expect(actual ?? Infinity).toBeLessThanOrEqual(shadow.tick);
        checked += 1;
      }
      expect(checked).toBeGreaterThan(50);
      expect(backfilled).toBeGreaterThan(10);
    }
  });

  it('makes the queue wait less than FIFO on the same jobs', () => {
    const meanWait = (policy: typeof fifo) => {
      const runs = simulateScenario(busyScenario(4), { policy }).runs.filter((r) => r.firstStartTick !== null);
      return runs.reduce((sum, r) => sum + ((r.firstStartTick ?? 0) - r.submitTick), 0) / runs.length;
    };
    expect(meanWait(backfill)).toBeLessThan(meanWait(fifo));
  });
});
