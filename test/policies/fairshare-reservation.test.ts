import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { fairshare } from '../../src/policies/fairshare.js';
import type { ClusterView, QueuedRequest } from '../../src/policies/policy.js';
import { summarizeQueue } from '../../src/reports/queue-metrics.js';
import { aRun, aMinuteScenario } from '../builders.js';

const request = (id: number, team: string, racks = 1): QueuedRequest => ({
  id, name: `j${id}`, team, racks, priority: 0, submitTick: id, estimatedTicks: 100, restart: false,
});
const view = (freeRacks: number, running: ClusterView['running'] = []): ClusterView => ({
  nowTick: 0, installedRacks: 8, freeRacks, spareRacks: 0, downRacks: 0, running,
});

describe('fair share', () => {
  it('gives the next racks to the team furthest below its quota', () => {
    const running = [{ id: 50, team: 'a', racks: 4, priority: 0, startTick: 0, estimatedTicks: 100, preempting: false, releaseTick: null }];
    // a holds 4 racks at weight 2 (2 per unit), b holds none: b goes first, then they alternate by usage.
    const decisions = fairshare({ a: 2, b: 1 })(view(3, running), [request(1, 'a'), request(2, 'a'), request(3, 'b'), request(4, 'b')]);
    expect(decisions.map((d) => d.id)).toEqual([3, 4, 1]);
  });

  it('splits a saturated cluster between two teams in proportion to their quotas', () => {
    const team = (name: string) =>
      Array.from({ length: 60 }, (_, i) => aRun({ name: `${name}${i}`, team: name, racks: 1, totalFlop: 72 * 5000e12 * 0.4 * 3600 * 6, estimatedDays: 0.25 }));
    const scenario = aMinuteScenario({ cluster: { racks: 8 }, scheduler: { policy: 'fairshare', quotas: { a: 3, b: 1 } }, runs: [...team('a'), ...team('b')] });
    const record = simulateScenario(scenario);
    // While both teams still wait (the first 6-hour wave), a holds 6 racks and b 2.
    const firstWave = record.runs.filter((r) => r.firstStartTick === 0);
    expect(firstWave.filter((r) => r.team === 'a').length).toBe(6);
    expect(firstWave.filter((r) => r.team === 'b').length).toBe(2);
    const q = summarizeQueue(record, record.runs.map(() => 0));
    expect(q.jainFairness).not.toBeNull();
  });
});

describe('a reservation', () => {
  /** 8 racks; a 6-rack hero run submitted on day 3 with 6 racks reserved from then; small jobs meanwhile. */
  function reserved(withReservation: boolean) {
    const small = Array.from({ length: 24 }, (_, i) =>
      aRun({ name: `s${i}`, racks: 2, submit: `2026-07-0${1 + Math.floor(i / 8)}T0${i % 8}:00`, totalFlop: 2 * 72 * 5000e12 * 0.4 * 3600 * 20, estimatedDays: 1 }),
    );
    return aMinuteScenario({
      cluster: { racks: 8 },
      scheduler: { policy: 'fifo', ...(withReservation ? { reservations: [{ run: 'hero', racks: 6, from: '2026-07-03' }] } : {}) },
      runs: [aRun({ name: 'hero', racks: 6, submit: '2026-07-03', totalFlop: 6 * 72 * 5000e12 * 0.4 * 3600 * 48, estimatedDays: 2 }), ...small],
    });
  }

  it('starts the run at the reserved date, with racks kept free for it', () => {
    const scenario = reserved(true);
    const record = simulateScenario(scenario);
    const hero = record.runs[0];
    expect(hero?.firstStartTick).toBe(2 * 1440);
    const q = summarizeQueue(record, record.runs.map(() => 0));
    expect(q.reservations).toEqual([{ run: 'hero', racks: 6, from: '2026-07-03', started: '2026-07-03', startDelayHours: 0 }]);
  });

  it('is what makes the difference: without it the run waits behind the small jobs', () => {
    const record = simulateScenario(reserved(false));
    expect(record.runs[0]?.firstStartTick ?? Infinity).toBeGreaterThan(2 * 1440);
  });

  it('starts a run submitted early at the reserved date, though nothing else happens then', () => {
    const scenario = aMinuteScenario({
      cluster: { racks: 8 },
      scheduler: { policy: 'fifo', reservations: [{ run: 'hero', racks: 6, from: '2026-07-03' }] },
      runs: [aRun({ name: 'hero', racks: 6, submit: '2026-07-01T06:00', totalFlop: 1e22, estimatedDays: 1 })],
    });
    expect(simulateScenario(scenario).runs[0]?.firstStartTick).toBe(2 * 1440);
  });

  it('lets small jobs that end before the date use the racks meanwhile', () => {
    const record = simulateScenario(reserved(true));
    const beforeDate = record.runs.slice(1).filter((r) => (r.endTick ?? Infinity) <= 2 * 1440);
    expect(beforeDate.length).toBeGreaterThan(4);
  });
});
