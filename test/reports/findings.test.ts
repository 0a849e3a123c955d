import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { summarize } from '../../src/reports/summary.js';
import { keyFindings } from '../../src/reports/html/findings.js';
import { facilityPoints } from '../../src/reports/html/facility-power-chart.js';
import { aRun, aScenario, provenance } from '../builders.js';

describe('key findings', () => {
  it('say what the lease buys, how much the runs hold, and when the work runs out', () => {
    const summary = summarize(simulateScenario(aScenario({ end: '2026-09-30', runs: [aRun({ name: 'a' }), aRun({ name: 'b', totalFlop: 3e22 })] })), provenance);
    const text = keyFindings(summary).join(' ');
    expect(text).toContain(`The lease buys ${Math.round(summary.cluster.availableGpuHours).toLocaleString('en-US')} GPU-hours`);
    expect(text).toMatch(/All 2 runs finish by 2026-07-0\d; the \d+ days of the term after that have no work planned/);
    expect(text).toMatch(/The costliest run is b:/);
    expect(text).not.toMatch(/Failures interrupted/);
  });

  it('with a workload, count its jobs among the holders and say how they wait, not that the term is empty', () => {
    const scenario = aScenario({
      end: '2026-09-30',
      runs: [aRun({ name: 'a' })],
      workload: { streams: [{ name: 'evals', ratePerDay: 4, racks: 1, durationHours: 6, precision: 'fp8', mfu: 0.3, deadlineHours: 48 }] },
    });
    const summary = summarize(simulateScenario(scenario), provenance);
    const text = keyFindings(summary).join(' ');
    expect(summary.queue?.jobs).toBeGreaterThan(300);
    expect(text).toContain(`The named runs and the workload's ${((summary.queue?.jobs ?? 0) - 1).toLocaleString('en-US')} jobs hold`);
    expect(text).toMatch(/All 1 named runs finish by 2026-07-0\d; the workload's jobs wait [\d.]+ hours on average \(p95 [\d.]+ h\) under fifo, and \d+% meet their deadline\./);
    expect(text).not.toContain('no work planned');
  });

  it('name the runs that do not finish within the term', () => {
    const summary = summarize(simulateScenario(aScenario({ runs: [aRun({ name: 'huge', totalFlop: 1e28 })] })), provenance);
    expect(keyFindings(summary).join(' ')).toContain('0 of 1 runs finish within the term; huge does not.');
  });
});

describe('facility points for charts', () => {
  const hourly = (hours: number) =>
    Array.from({ length: hours }, (_, h) => ({
      start: new Date(Date.UTC(2026, 6, 1, h)).toISOString().slice(0, 16),
      facilityMw: 100 + (h % 24),
      supplyMw: h % 24 === 5 ? 110 : 150,
      capped: h === 30,
      outdoorC: 20 + (h % 24) / 2,
      pue: 1.1,
    }));

  it('stay hourly over a few months', () => {
    expect(facilityPoints(hourly(48))).toHaveLength(48);
  });

  it('become one point a day over a long term: peak draw, lowest supply, hottest hour, capped if any hour was', () => {
    const days = facilityPoints(hourly(24 * 200));
    expect(days).toHaveLength(200);
    expect(days[0]).toMatchObject({ facilityMw: 123, supplyMw: 110, capped: false, outdoorC: 31.5 });
    expect(days[1]?.capped).toBe(true);
    expect(days[0]?.pue).toBeCloseTo(1.1, 12);
  });
});

describe('key findings with a facility', () => {
  it('say how long and at what cost power and cooling held training back, and nothing when they never did', () => {
    const base = summarize(simulateScenario(aScenario()), provenance);
    const held = { ...base, facility: { cappedHours: 12, shedHours: 5, gpuHoursLostToFacility: 7235, costOfLostGpuHoursUsd: 22_012.5 } } as typeof base;
    expect(keyFindings(held)).toContain('Power and cooling limits held training back in 17 hours, costing 7,235 GPU-hours ($22.0K at the lease price).');
    const never = { ...base, facility: { cappedHours: 0, shedHours: 0, gpuHoursLostToFacility: 0 } } as typeof base;
    expect(keyFindings(never).join(' ')).not.toContain('held training back');
  });
});
