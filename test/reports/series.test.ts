import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { poolBuckets, poolSeries } from '../../src/reports/series.js';
import { aRun, aScenario } from '../builders.js';

const total = (xs: number[]) => xs.reduce((a, x) => a + x, 0);

// Failure-prone, growing, with a run that tick length does not divide into hours.
const busy = aScenario({
  end: '2026-08-31',
  tickMinutes: 7,
  cluster: { phases: [{ from: '2026-07-01', racks: 6 }, { from: '2026-07-20', racks: 10 }], spareRacks: 1 },
  failures: { ratePerGpuHour: 5e-4, restartMinutes: 15, repairHours: { distribution: 'lognormal', median: 3, p95: 30 } },
  runs: [
    aRun({ name: 'a', racks: 5, totalFlop: 3e24, checkpoint: { intervalMinutes: 42, writeMinutes: 7 } }),
    aRun({ name: 'b', racks: 3, submit: '2026-07-05T13:17', totalFlop: 8e23, checkpoint: { intervalMinutes: 'auto', writeMinutes: 7 } }),
    aRun({ name: 'c', racks: 9, submit: '2026-08-02', totalFlop: 1e26 }),
  ],
});

describe('pool series', () => {
  for (const seed of [1, 2, 3]) {
    it(`sums, per pool, to the run and month integrals exactly, hourly and daily (seed ${seed})`, () => {
      const record = simulateScenario(busy, { seed });
      const runs = (f: (r: (typeof record.runs)[number]) => number) => total(record.runs.map(f));
      const months = (f: (m: (typeof record.months)[number]) => number) => total(record.months.map(f));
      for (const resolution of ['hour', 'day'] as const) {
        const b = poolBuckets(record, resolution);
        expect(total(b.installed)).toBe(months((m) => m.installedRackTicks));
        expect(total(b.allocated)).toBe(months((m) => m.allocatedRackTicks));
        expect(total(b.down)).toBe(months((m) => m.downRackTicks));
        expect(total(b.productive)).toBe(runs((r) => r.productiveRackTicks));
        expect(total(b.lost)).toBe(runs((r) => r.lostRackTicks));
        expect(total(b.checkpoint)).toBe(runs((r) => r.checkpointRackTicks));
        expect(total(b.restart)).toBe(runs((r) => r.restartRackTicks));
        expect(runs((r) => r.lostRackTicks)).toBeGreaterThan(0);
      }
    });
  }

  it('counts a preempted run\'s last checkpoint write as checkpoint time, as the run does', () => {
    // An urgent run arrives every few days and preempts the long one, which writes a checkpoint
    // (four minutes) before its racks come back.
    const urgent = (day: number) =>
      aRun({ name: `urgent-${day}`, racks: 3, priority: 5, submit: `2026-07-${String(day).padStart(2, '0')}T10:00`, totalFlop: 2e22 });
    const preempting = aScenario({
      cluster: { racks: 4 },
      scheduler: { policy: 'priority', preemption: true },
      runs: [aRun({ name: 'long', racks: 4, totalFlop: 1e25, checkpoint: { intervalMinutes: 60, writeMinutes: 4 } }), ...[3, 7, 11, 15].map(urgent)],
    });
    const record = simulateScenario(preempting);
    const long = record.runs.find((r) => r.name === 'long');
    expect(long?.holds?.length).toBeGreaterThan(4);
    for (const resolution of ['hour', 'day'] as const) {
      const b = poolBuckets(record, resolution);
      expect(total(b.checkpoint)).toBe(total(record.runs.map((r) => r.checkpointRackTicks)));
      expect(total(b.restart)).toBe(total(record.runs.map((r) => r.restartRackTicks)));
      expect(total(b.allocated)).toBe(total(record.months.map((m) => m.allocatedRackTicks)));
    }
  });

  it('splits every bucket into productive, lost, checkpoint, restart, idle and down with nothing left over', () => {
    const record = simulateScenario(busy, { seed: 4 });
    const b = poolBuckets(record, 'hour');
    b.startTicks.forEach((_, k) => {
      const held = (b.productive[k] ?? 0) + (b.lost[k] ?? 0) + (b.checkpoint[k] ?? 0) + (b.restart[k] ?? 0);
      expect(held).toBe(b.allocated[k]);
      expect((b.installed[k] ?? 0) - (b.allocated[k] ?? 0) - (b.down[k] ?? 0)).toBeGreaterThanOrEqual(0);
    });
  });

  it('places checkpoint writes at their cycle times: 1 of every 31 minutes for a run checkpointing every 30 minutes', () => {
    const scenario = aScenario({ runs: [aRun({ racks: 2, totalFlop: 1e24, checkpoint: { intervalMinutes: 30, writeMinutes: 1 } })] });
    const record = simulateScenario(scenario);
    const b = poolBuckets(record, 'hour');
    // The run starts at 00:00, so writes take minutes [30,31), [61,62), [92,93)...: hour k holds
    // the writes whose start m = 31j + 30 falls in [60k, 60k + 60).
    const writesInHour = (k: number) => Array.from({ length: 200 }, (_, j) => 31 * j + 30).filter((m) => m >= 60 * k && m < 60 * k + 60).length;
    // In rack-seconds: 2 racks x 60 s per write minute.
    for (let k = 0; k < 20; k++) expect(b.checkpoint[k]).toBe(2 * 60 * writesInHour(k));
    expect(b.productive[0]).toBe(2 * 60 * (60 - writesInHour(0)));
  });

  it('reports GPU-hours per day with ISO starts at midnight', () => {
    const record = simulateScenario(aScenario());
    const series = poolSeries(record, 'day');
    expect(series).toHaveLength(30);
    expect(series[1]?.start).toBe('2026-07-02T00:00');
    expect(series[0]?.availableGpuHours).toBe(8 * 72 * 24);
    const idle = series.map((p) => p.idleGpuHours + p.allocatedGpuHours + p.downGpuHours - p.availableGpuHours);
    expect(idle.every((x) => x === 0)).toBe(true);
  });
});

describe('pool series of every example scenario', () => {
  it('sums back to the cluster totals of its summary, whatever the scenario adds (facility, streams, options)', async () => {
    const { readdirSync } = await import('node:fs');
    const { loadScenario } = await import('../../src/scenario/load.js');
    const { summarize } = await import('../../src/reports/summary.js');
    for (const file of readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).sort()) {
      const loaded = await loadScenario(`scenarios/${file}`);
      const record = simulateScenario(loaded.scenario);
      const c = summarize(record, { version: 'test', scenarioHash: 'test' }).cluster;
      const series = poolSeries(record, 'day');
      const sumOf = (key: keyof (typeof series)[number]) => series.reduce((a, p) => a + (p[key] as number), 0);
      for (const key of ['availableGpuHours', 'allocatedGpuHours', 'productiveGpuHours', 'lostGpuHours', 'checkpointGpuHours', 'restartGpuHours', 'downGpuHours', 'idleGpuHours'] as const) {
        expect(sumOf(key), `${file} ${key}`).toBeCloseTo(c[key], 3);
      }
    }
  }, 60_000);
});
