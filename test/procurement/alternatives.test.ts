import { describe, expect, it } from 'vitest';
import { alternatives } from '../../src/procurement/alternatives.js';
import { compareOptions } from '../../src/procurement/compare.js';
import { resolveOptions } from '../../src/procurement/resolve-options.js';
import { parseScenario } from '../../src/scenario/load.js';
import type { WrittenScenario } from '../../src/scenario/schema.js';
import { runCli } from '../cli/helpers.js';
import { aRun, aWrittenScenario, provenance } from '../builders.js';

/** One replication of the options on seed 1, and the alternatives a run would list from it. */
function alternativesOf(written: WrittenScenario) {
  const { scenario, written: w } = parseScenario(JSON.stringify(written), 'test.json');
  const c = compareOptions({ scenario, written: w }, resolveOptions(w, scenario), { seed: 1, replications: 1 }, provenance);
  return { c, rows: alternatives(c, scenario) };
}

describe('the alternatives a run lists beside the lease', () => {
  it('price the same work on one scale whatever the hardware: GPU-hours of the scenario\'s rack at each run\'s speed', () => {
    // Two runs of 2 racks at MFU 0.4 on GB300 FP8 (2,000 TFLOP/s per GPU): 144 GPUs x 24 h of work each.
    const work = 144 * 2000e12 * 3600 * 24;
    const written = aWrittenScenario({
      runs: [aRun({ name: 'a', racks: 2, totalFlop: work }), aRun({ name: 'b', racks: 2, totalFlop: work, submit: '2026-07-05' })],
      options: [
        { name: 'lease', kind: 'lease' },
        { name: 'h100', kind: 'on-demand', rack: 'hgx-h100', priceUsdPerGpuHour: 2 },
      ],
    });
    const { c, rows } = alternativesOf(written);
    for (const r of rows) {
      expect(r.deliveredShare, r.option).toBe(1);
      expect(r.workGpuHours, r.option).toBeCloseTo(2 * 144 * 24, 6);
      expect(r.usdPerWorkGpuHour, r.option).toBeCloseTo(r.totalCostUsd / (2 * 144 * 24), 9);
    }
    // The H100 bills 5,000 / 1,979 as many of its own GPU-hours for the same work.
    const h100 = c.options.find((o) => o.name === 'h100');
    expect((h100?.totalCostUsd ?? 0) / 2 / (2 * 144 * 24)).toBeCloseTo(5000 / 1979, 2);
  });

  it('say when the lessor ended the lease at this seed, and what that cost against the lease as written', () => {
    const written = aWrittenScenario({
      end: '2027-03-31',
      runs: [aRun({ name: 'long', racks: 4, submit: '2026-09-01', totalFlop: 4e24 })],
      lease: { monthlyUsd: 1_000_000, exit: { minimumMonths: 3, noticeDays: 30 }, termination: { probabilityPerMonth: 1 }, fallback: 'cloud' },
      options: [
        { name: 'lease', kind: 'lease' },
        { name: 'cloud', kind: 'on-demand', rack: 'gb300-nvl72', priceUsdPerGpuHour: 2 },
      ],
    });
    const { c, rows } = alternativesOf(written);
    expect(rows.find((r) => r.option === 'lease')?.note).toMatch(/^the lessor ended lease at this seed \(30 days' notice\); the runs still to do moved to cloud: \$[\d.]+M without the termination, \$[\d.]+[KM] (more|less) with it$/);
    // The cloud at $2 a GPU-hour is cheaper than this lease: the termination saved money here.
    expect(c.options.find((o) => o.name === 'lease')?.lease?.terminationRisk?.expectedCostUsd).toBeLessThan(0);
    expect(rows.find((r) => r.option === 'cloud')?.note).toBeNull();
  });

  it('capsim run lists them after the report when the scenario has options, and not otherwise', async () => {
    const withOptions = await runCli('run', 'scenarios/lease-vs-cloud.yaml');
    expect(withOptions.code).toBe(0);
    expect(withOptions.stdout).toContain('Alternatives at this seed');
    expect(withOptions.stdout).toMatch(/reflection-lease +lease +gb300-nvl72/);
    const without = await runCli('run', 'scenarios/small.yaml');
    expect(without.stdout).not.toContain('Alternatives at this seed');
  }, 60_000);
});
