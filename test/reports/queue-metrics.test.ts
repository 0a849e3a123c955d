import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { boundedSlowdown, jainIndex, slowdown, summarizeQueue } from '../../src/reports/queue-metrics.js';
import { summarize } from '../../src/reports/summary.js';
import { renderTable } from '../../src/reports/table.js';
import { aRun, aMinuteScenario, provenance } from '../builders.js';

// One minute of a 1-rack run: 72 GPUs x 5,000 TFLOP/s x 0.4 x 60 s.
const minuteOf1 = 72 * 5000e12 * 0.4 * 60;

/** Two racks; three 60-minute single-rack runs submitted at once (two of team a, one of b). */
function threeJobs() {
  const scenario = aMinuteScenario({
    cluster: { racks: 2 },
    scheduler: { policy: 'fifo' },
    runs: [
      aRun({ name: 'a1', team: 'a', racks: 1, totalFlop: minuteOf1 * 60 }),
      aRun({ name: 'a2', team: 'a', racks: 1, totalFlop: minuteOf1 * 60 }),
      aRun({ name: 'b1', team: 'b', racks: 1, totalFlop: minuteOf1 * 60 }),
    ],
  });
  const record = simulateScenario(scenario);
  // Deadlines 90 minutes after submission: the third job, finishing at 120, misses its own.
  for (const r of record.runs) r.deadlineTick = 90;
  return record;
}

describe('queue metrics', () => {
  it('follow their definitions on a queue worked out by hand', () => {
    const q = summarizeQueue(threeJobs(), [0, 0, 0]);
    // Waits 0, 0, 60 min; completion times 60, 60, 120 min; slowdowns 1, 1, 2.
    expect(q.jobs).toBe(3);
    expect(q.meanWaitHours).toBeCloseTo(1 / 3, 12);
    expect(q.maxWaitHours).toBe(1);
    expect(q.meanCompletionHours).toBeCloseTo(80 / 60, 12);
    expect(q.meanSlowdown).toBeCloseTo(4 / 3, 12);
    expect(q.meanBoundedSlowdown).toBeCloseTo(4 / 3, 12);
    expect(q.makespanDays).toBeCloseTo(120 / 1440, 12);
    expect(q.deadlines).toEqual({ jobs: 3, met: 2, share: 2 / 3 });
    // Team a held 120 rack-minutes, b 60: Jain = 180² / (2 x (120² + 60²)) = 0.9.
    expect(q.jainFairness).toBeCloseTo(0.9, 12);
    expect(q.byTeam.map((t) => [t.team, t.jobs, t.gpuHoursHeld])).toEqual([
      ['a', 2, 2 * 72],
      ['b', 1, 72],
    ]);
    expect(q.byStream.map((s) => s.stream)).toEqual(['runs']);
  });

  it('bound the slowdown of very short jobs by the threshold', () => {
    const job = { submitTick: 0, firstStartTick: 100, endTick: 102 } as Parameters<typeof slowdown>[0];
    expect(slowdown(job)).toBe(51);
    expect(boundedSlowdown(job, 10)).toBeCloseTo(10.2, 12);
    expect(boundedSlowdown({ ...job, firstStartTick: 0, endTick: 2 }, 10)).toBe(1);
  });

  it("give Jain's index 1 for equal shares, 1/n when one takes all, and nothing for no use", () => {
    expect(jainIndex([5, 5, 5])).toBe(1);
    expect(jainIndex([9, 0, 0])).toBeCloseTo(1 / 3, 12);
    expect(jainIndex([0, 0])).toBeNull();
    expect(jainIndex([])).toBeNull();
  });

  it('appear in the JSON summary and the table only for scenarios that schedule or stream', () => {
    const withQueue = summarize(threeJobs(), provenance);
    expect(withQueue.queue?.policy).toBe('fifo');
    expect(renderTable(withQueue)).toMatch(/Queue · policy fifo/);
    const plain = summarize(simulateScenario(aMinuteScenario()), provenance);
    expect(plain.queue).toBeUndefined();
    expect(renderTable(plain)).not.toMatch(/Queue/);
  });

  it('keep stream jobs out of runs[] and their costs in byStream, so that the costs still add up to the lease', () => {
    const scenario = aMinuteScenario({
      cluster: { racks: 8 },
      workload: { streams: [{ name: 'exp', ratePerDay: 24, racks: 1, durationHours: 2, precision: 'fp8', mfu: 0.4 }] },
    });
    const s = summarize(simulateScenario(scenario), provenance);
    expect(s.runs.map((r) => r.name)).toEqual(['run']);
    const streamCost = s.queue?.byStream.find((g) => g.stream === 'exp')?.costUsageShareUsd ?? 0;
    expect(streamCost).toBeGreaterThan(0);
    const cents = (usd: number) => Math.round(usd * 100);
    expect(cents(s.runs[0]?.costUsageShareUsd ?? 0) + cents(streamCost) + cents(s.money.idleCostUsd)).toBe(cents(s.money.leasePaidUsd));
  });
});
