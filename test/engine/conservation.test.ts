import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { heldRackTicks } from '../../src/reports/metrics.js';
import { summarize } from '../../src/reports/summary.js';
import { aRun, aScenario, provenance } from '../builders.js';

// Busy, failure-prone and growing: three runs competing for racks that arrive in two phases.
const scenario = aScenario({
  end: '2026-09-30',
  cluster: { phases: [{ from: '2026-07-01', racks: 6 }, { from: '2026-08-10', racks: 10 }], spareRacks: 1 },
  failures: { ratePerGpuHour: 5e-4, restartMinutes: 15, repairHours: { distribution: 'lognormal', median: 3, p95: 30 } },
  lease: { monthlyUsd: 3_333_333.33 },
  runs: [
    aRun({ name: 'a', racks: 5, totalFlop: 3e24, checkpoint: { intervalMinutes: 45, writeMinutes: 2 } }),
    aRun({ name: 'b', racks: 3, submit: '2026-07-05T13:17', totalFlop: 8e23, checkpoint: { intervalMinutes: 'auto', writeMinutes: 1 } }),
    aRun({ name: 'c', racks: 9, submit: '2026-08-20', totalFlop: 1e26 }),
  ],
});

describe('conservation', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    const record = simulateScenario(scenario, { seed });
    const summary = summarize(record, provenance);

    it(`GPU-hours held by runs equal the allocated integral (seed ${seed})`, () => {
      const allocated = record.months.reduce((a, m) => a + m.allocatedRackTicks, 0);
      expect(record.runs.reduce((a, r) => a + heldRackTicks(r), 0)).toBe(allocated);
    });

    it(`productive + lost + checkpoint + restart + idle + down = available (seed ${seed})`, () => {
      const c = summary.cluster;
      const parts = c.productiveGpuHours + c.lostGpuHours + c.checkpointGpuHours + c.restartGpuHours + c.idleGpuHours + c.downGpuHours;
      expect(parts).toBeCloseTo(c.availableGpuHours, 6);
      expect(c.lostGpuHours).toBeGreaterThan(0);
      expect(c.downGpuHours).toBeGreaterThan(0);
    });

    it(`usage-share costs plus idle cost equal the lease paid, to the cent (seed ${seed})`, () => {
      const cents = (usd: number) => Math.round(usd * 100);
      const usage = summary.runs.reduce((a, r) => a + cents(r.costUsageShareUsd), 0);
      expect(usage + cents(summary.money.idleCostUsd)).toBe(cents(summary.money.leasePaidUsd));
      const loaded = summary.runs.reduce((a, r) => a + cents(r.costFullyLoadedUsd), 0);
      expect(loaded).toBe(cents(summary.money.leasePaidUsd));
      const monthly = summary.months.reduce((a, m) => a + cents(m.leasePaidUsd), 0);
      expect(monthly).toBe(cents(summary.money.leasePaidUsd));
    });

    it(`monthly integrals add up to the horizon's (seed ${seed})`, () => {
      const available = summary.months.reduce((a, m) => a + m.availableGpuHours, 0);
      expect(available).toBeCloseTo(summary.cluster.availableGpuHours, 6);
      // 6 racks until 10 Aug, then 10: (40 x 6 + 52 x 10) days x 24 h x 72 GPUs
      expect(summary.cluster.availableGpuHours).toBe((40 * 6 + 52 * 10) * 24 * 72);
    });
  }
});
