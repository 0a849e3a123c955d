import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { priority, preemptFor } from '../../src/policies/priority.js';
import type { RunningView, QueuedRequest } from '../../src/policies/policy.js';
import { aRun, aMinuteScenario } from '../builders.js';
import { spy } from './spy.js';

// 6 racks x 72 GPUs x 5,000 TFLOP/s x 0.4, per minute
const flopPerMinute6 = 6 * 72 * 5000e12 * 0.4 * 60;

/** A long low-priority run on 6 of 8 racks, checkpointing every 60 min (5 min writes), and an urgent 4-rack run. */
function contested(urgentSubmit: string, failures = 0) {
  return aMinuteScenario({
    failures: { ratePerGpuHour: failures, restartMinutes: 10 },
    scheduler: { policy: 'priority', preemption: true },
    runs: [
      aRun({ name: 'background', racks: 6, priority: 0, totalFlop: flopPerMinute6 * 3000, estimatedDays: 3, checkpoint: { intervalMinutes: 60, writeMinutes: 5 } }),
      aRun({ name: 'urgent', racks: 4, priority: 5, submit: urgentSubmit, totalFlop: 4 * 72 * 5000e12 * 0.4 * 60 * 600, estimatedDays: 0.5 }),
    ],
  });
}

describe('priority with preemption', () => {
  it('checkpoints the preempted run first: it loses no work and pays one write', () => {
    // Submitted at minute 1,457: the background run is 27 minutes into its 23rd cycle (65 min each).
    const record = simulateScenario(contested('2026-07-02T00:17'));
    const [background, urgent] = record.runs;
    expect(urgent?.firstStartTick).toBe(1457 + 5);
    expect(background?.lostRackTicks).toBe(0);
    expect(background?.status).toBe('completed');
    expect(background?.doneFlop).toBe(background?.totalFlop);
    // Every compute minute it needs, no more: nothing was computed twice.
    expect(background?.productiveRackTicks).toBe(6 * 3000);
    // The writes of its cycles, plus the preemption's write, plus one restart overhead.
    expect(background?.restartRackTicks).toBe(6 * 10);
    const holds = background?.holds ?? [];
    expect(holds.map((h) => h.startTick)).toEqual([0, 1457, urgent?.endTick]);
  });

  it('lets a preempted run that is writing a checkpoint finish that write, and no more', () => {
    // Minute 1,492 = 22 cycles + 62: two minutes into the write of the 23rd cycle.
    const record = simulateScenario(contested('2026-07-02T00:52'));
    expect(record.runs[1]?.firstStartTick).toBe(1492 + 3);
    expect(record.runs[0]?.lostRackTicks).toBe(0);
  });

  it('loses at most the work since the last checkpoint, with failures striking too', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const scenario = contested('2026-07-02T00:17', 5e-4);
      const record = simulateScenario(scenario, { seed });
      const background = record.runs[0];
      // Every interruption (failure) loses at most one interval of compute on its racks; preemption none.
      expect(background?.lostRackTicks ?? Infinity).toBeLessThanOrEqual((background?.interruptions ?? 0) * 6 * 60);
    }
  });

  it('preempts the lowest priority runs first, and only as many as needed', () => {
    const running = (id: number, racks: number, priorityValue: number, startTick: number): RunningView => ({
      id, team: 't', racks, priority: priorityValue, startTick, estimatedTicks: 100, preempting: false, releaseTick: null,
    });
    const request: QueuedRequest = { id: 9, name: 'r', team: 't', racks: 6, priority: 5, submitTick: 0, estimatedTicks: 10, restart: false };
    const victims = preemptFor(request, 1, [running(1, 4, 3, 0), running(2, 4, 1, 0), running(3, 2, 1, 50), running(4, 8, 7, 0)]);
    // Needs 5 more: priority 1 first, the most recently started first (3: 2 racks, then 2: 4 racks).
    expect(victims).toEqual([{ kind: 'preempt', id: 3 }, { kind: 'preempt', id: 2 }]);
    expect(preemptFor(request, 1, [running(4, 8, 7, 0)])).toEqual([]);
  });

  it('does not preempt again while the racks of an earlier preemption are on their way', () => {
    const request: QueuedRequest = { id: 9, name: 'r', team: 't', racks: 4, priority: 5, submitTick: 0, estimatedTicks: 10, restart: false };
    const coming: RunningView = { id: 1, team: 't', racks: 4, priority: 0, startTick: 0, estimatedTicks: 100, preempting: true, releaseTick: 7 };
    const other: RunningView = { ...coming, id: 2, preempting: false, releaseTick: null };
    expect(preemptFor(request, 0, [coming, other])).toEqual([]);
  });

  it('without preemption, makes the urgent run wait for the racks', () => {
    const scenario = contested('2026-07-02T00:17');
    const record = simulateScenario(scenario, { policy: priority({ preemption: false }) });
    expect(record.runs[1]?.firstStartTick).toBe(record.runs[0]?.endTick);
  });

  it('starts waiting requests by priority, then by submission', () => {
    const recorded = spy(priority({ preemption: false }));
    const scenario = aMinuteScenario({
      cluster: { racks: 4 },
      runs: [
        aRun({ name: 'first', racks: 4, totalFlop: 1e21 }),
        aRun({ name: 'low', racks: 4, priority: 0, submit: '2026-07-01T00:01', totalFlop: 1e21 }),
        aRun({ name: 'high', racks: 4, priority: 2, submit: '2026-07-01T00:02', totalFlop: 1e21 }),
      ],
    });
    const runs = simulateScenario(scenario, { policy: recorded.policy }).runs;
    expect(runs[2]?.firstStartTick).toBe(runs[0]?.endTick);
    expect(runs[1]?.firstStartTick).toBe(runs[2]?.endTick);
  });
});
