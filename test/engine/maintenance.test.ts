import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { poolBuckets } from '../../src/reports/series.js';
import { summarize } from '../../src/reports/summary.js';
import { aRun, aScenario, provenance } from '../builders.js';

const total = (xs: number[]) => xs.reduce((a, x) => a + x, 0);

describe('planned maintenance windows', () => {
  it('take their racks out of service for their hours, every so many days, when nothing runs', () => {
    // 30 days, a window every 7 days from the start of day 7: 4 windows of 6 hours, 3 racks each.
    const scenario = aScenario({ runs: [], failures: { ratePerGpuHour: 0, maintenance: [{ everyDays: 7, hours: 6, racks: 3 }] } });
    const record = simulateScenario(scenario);
    expect(record.months.reduce((a, m) => a + m.downRackTicks, 0)).toBe(4 * 6 * 3600 * 3);
    expect(record.maintenance.map((m) => m.fromTick)).toEqual([7, 14, 21, 28].map((d) => d * 86_400));
  });

  it('make the runs on their racks write a checkpoint and stop, losing no work, then restart when the window closes', () => {
    const scenario = aScenario({
      failures: { ratePerGpuHour: 0, restartMinutes: 5, maintenance: [{ everyDays: 2, hours: 3, from: '2026-07-02T12:00' }] },
      runs: [aRun({ racks: 8, totalFlop: 1e24, checkpoint: { intervalMinutes: 60, writeMinutes: 2 } })],
    });
    const record = simulateScenario(scenario);
    const run = record.runs[0]!;
    expect(run.status).toBe('completed');
    expect(run.lostRackTicks).toBe(0);
    const windows = run.interruptionsByCause['planned-maintenance'] ?? 0;
    expect(windows).toBeGreaterThan(2);
    // Each window waits for the run's last checkpoint, then holds every rack until it closes.
    const restarts = (run.holds ?? []).filter((h) => !h.finalWrite).slice(1);
    expect(restarts).toHaveLength(windows);
    for (const [i, h] of restarts.entries()) expect(h.startTick).toBe(scenario.failures.maintenance[0]!.firstTick + i * 2 * 86_400 + 3 * 3600);
    expect(run.restartRackTicks).toBe(8 * 300 * windows);
  });

  it('keep the pools whole: down rack-ticks from maintenance appear in the series where they happened', () => {
    const scenario = aScenario({
      end: '2026-08-15',
      cluster: { racks: 10, spareRacks: 1 },
      failures: { ratePerGpuHour: 5e-4, maintenance: [{ everyDays: 5, hours: 8, racks: 4 }] },
      runs: [aRun({ name: 'a', racks: 5, totalFlop: 1e25 }), aRun({ name: 'b', racks: 3, totalFlop: 3e24, submit: '2026-07-03' })],
    });
    const record = simulateScenario(scenario, { seed: 3 });
    const b = poolBuckets(record, 'hour');
    expect(total(b.down)).toBe(record.months.reduce((a, m) => a + m.downRackTicks, 0));
    expect(total(b.allocated)).toBe(record.months.reduce((a, m) => a + m.allocatedRackTicks, 0));
    const s = summarize(record, provenance);
    const c = s.cluster;
    expect(c.productiveGpuHours + c.lostGpuHours + c.checkpointGpuHours + c.restartGpuHours + c.idleGpuHours + c.downGpuHours).toBeCloseTo(c.availableGpuHours, 6);
  });
});
