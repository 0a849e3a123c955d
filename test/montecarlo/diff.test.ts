import { describe, expect, it } from 'vitest';
import { diffScenarios } from '../../src/montecarlo/diff.js';
import { renderDiffTable } from '../../src/montecarlo/render-diff.js';
import { runCli } from '../cli/helpers.js';
import { aRun, aScenario, provenance } from '../builders.js';

const base = { failures: { ratePerGpuHour: 3e-4, restartMinutes: 15 }, cluster: { racks: 10, spareRacks: 1 }, runs: [aRun({ name: 'a', racks: 5, totalFlop: 4e24, checkpoint: { intervalMinutes: 'auto' as const } }), aRun({ name: 'b', racks: 4, totalFlop: 2e24 })] };
const settings = { seed: 3, replications: 6, metrics: [] };
const sides = { a: provenance, b: provenance };

describe('capsim diff', () => {
  it('a scenario against its own copy differs by exactly zero in every metric and every replication', () => {
    const d = diffScenarios(aScenario(base), aScenario(base), settings, sides);
    expect(d.metrics.length).toBeGreaterThan(30);
    for (const m of d.metrics) {
      expect(m.difference?.mean, m.metric).toBe(0);
      expect(m.difference?.sd, m.metric).toBe(0);
      expect(m.changedShare, m.metric).toBe(0);
    }
    expect(renderDiffTable(d, false)).toContain(`0 of ${d.metrics.length} metrics differ in some replication`);
  });

  it('pairs the replications: doubling the lease fee changes the money and nothing the runs did', () => {
    const dearer = aScenario({ ...base, lease: { monthlyUsd: 2_000_000 } });
    const d = diffScenarios(aScenario(base), dearer, settings, sides);
    const metric = (path: string) => d.metrics.find((m) => m.metric === path);
    // The same failures strike at the same moments in both: every run and cluster figure is equal.
    for (const m of d.metrics.filter((x) => x.metric.startsWith('cluster.') || /^runs\[\d\]\.(interruptions|ettr|lostGpuHours|wallClockDays)$/.test(x.metric))) {
      expect(m.changedShare, m.metric).toBe(0);
    }
    const paid = metric('money.leasePaidUsd');
    // Twice the fee, each month rounded to the cent: the difference is the fee again, to the cent.
    expect(Math.abs((paid?.difference?.mean ?? 0) - (paid?.a?.mean ?? 0))).toBeLessThanOrEqual(0.011);
    expect(paid?.difference?.sd).toBe(0);
    expect(metric('cluster.interruptions')?.a?.sd).toBeGreaterThan(0);
  });

  it('prints only the metrics that differ, and writes JSON with each side and the paired difference', async () => {
    const table = await runCli('diff', 'scenarios/memphis-no-heat-wave.yaml', 'scenarios/memphis-heat-wave.yaml', '--replications', '3', '--metric', 'facility.cappedHours', 'facility.gpuHoursLostToFacility');
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('facility.cappedHours');
    const json = await runCli('diff', 'scenarios/memphis-no-heat-wave.yaml', 'scenarios/memphis-heat-wave.yaml', '--replications', '3', '--metric', 'facility.cappedHours', '--format', 'json');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.metrics).toHaveLength(1);
    const capped = report.metrics[0];
    expect(capped.metric).toBe('facility.cappedHours');
    // The heat wave holds the campus back longer in every replication.
    expect(capped.difference.min).toBeGreaterThan(0);
    expect(capped.changedShare).toBe(1);
  }, 60_000);
});
