import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { cloudScenario } from '../../src/procurement/cloud-scenario.js';
import type { CloudOption } from '../../src/procurement/option.js';
import { heldRackTicks } from '../../src/reports/metrics.js';
import { compareOptions } from '../../src/procurement/compare.js';
import { evaluateOption } from '../../src/procurement/evaluate-option.js';
import { interruptionSource } from '../../src/procurement/interruption-source.js';
import type { WrittenOption } from '../../src/scenario/option-schema.js';
import { resolveOptions } from '../../src/procurement/resolve-options.js';
import { parseScenario } from '../../src/scenario/load.js';
import type { WrittenScenario } from '../../src/scenario/schema.js';
import { aRun, aScenario, aWrittenScenario, provenance } from '../builders.js';

function load(overrides: Partial<WrittenScenario>) {
  const loaded = parseScenario(JSON.stringify(aWrittenScenario(overrides)), 'test.json');
  return { ctx: { scenario: loaded.scenario, written: loaded.written }, options: resolveOptions(loaded.written, loaded.scenario) };
}

// Failure-prone runs that compete for a capped cloud: every mechanism that draws random numbers.
const busy: Partial<WrittenScenario> = {
  end: '2026-08-31',
  failures: { ratePerGpuHour: 3e-4, restartMinutes: 12 },
  runs: [
    aRun({ name: 'big', racks: 6, totalFlop: 4e24, checkpoint: { intervalMinutes: 60, writeMinutes: 3 } }),
    aRun({ name: 'small', racks: 2, submit: '2026-07-02T08:00', totalFlop: 5e23, checkpoint: { intervalMinutes: 'auto', writeMinutes: 1 } }),
  ],
};

describe('common random numbers', () => {
  it('an option compared with an identical copy of itself differs by exactly zero in every replication', () => {
    const spot: WrittenOption = { name: 'spot', kind: 'spot', offer: 'hyperscaler-b200-spot', preemptionsPerGpuHour: 2e-4, capacityGpus: 576 };
    const { ctx, options } = load({
      ...busy,
      // Long enough for every option to deliver all the work: only those can be the cheapest.
      end: '2026-12-31',
      options: [
        { name: 'lease', kind: 'lease', powerUsdPerMwh: 70 },
        { name: 'lease-copy', kind: 'lease', powerUsdPerMwh: 70 },
        spot,
        { ...spot, name: 'spot-copy' },
      ],
    });
    const c = compareOptions(ctx, options, { seed: 9, replications: 6 }, provenance);
    expect(c.options[1]?.differenceFromBaselineUsd.meanUsd).toBe(0);
    expect(c.options[1]?.differenceFromBaselineUsd.ci95Usd).toEqual([0, 0]);
    expect(c.options[2]?.totalCostUsd).toBe(c.options[3]?.totalCostUsd);
    for (let r = 0; r < 6; r++) {
      expect(evaluateOption(ctx, options[3]!, 9, r)).toEqual({ ...evaluateOption(ctx, options[2]!, 9, r), name: 'spot-copy' });
    }
    // The copies tie, so they share the wins: the probabilities still sum to one.
    expect(c.options.every((o) => o.deliveredAllShare === 1)).toBe(true);
    expect(c.options.reduce((a, o) => a + o.probabilityCheapest, 0)).toBeCloseTo(1, 12);
    expect(c.options[1]?.probabilityCheapest).toBe(c.options[0]?.probabilityCheapest);
  });

  it('a different seed changes the draws (the zero above is not a constant)', () => {
    const { ctx, options } = load({ ...busy, options: [{ name: 'spot', kind: 'spot', priceUsdPerGpuHour: 3, preemptionsPerGpuHour: 2e-4 }] });
    const costs = [1, 2, 3, 4].map((seed) => evaluateOption(ctx, options[0]!, seed, 0).totalCostUsd);
    expect(new Set(costs).size).toBeGreaterThan(1);
  });

  it('a higher rate adds interruptions to the same timeline and moves none', () => {
    const spec = aScenario({ runs: [aRun({ racks: 8 })] }).runs[0]!;
    const times = (preemptionsPerGpuHour: number) => {
      const layers = [
        { cause: 'hardware', ratePerGpuHour: 1e-4, savesWork: () => false },
        { cause: 'spot-preemption', ratePerGpuHour: preemptionsPerGpuHour, savesWork: () => false },
      ];
      const next = interruptionSource(layers, 1, 30 * 86_400)(spec, 3, 0);
      const out: string[] = [];
      for (let i = next(); i; i = next()) out.push(`${i.tick}:${i.cause}`);
      return out;
    };
    const low = times(1e-4);
    const high = times(4e-4);
    expect(low.length).toBeGreaterThan(10);
    expect(high.length).toBeGreaterThan(low.length);
    expect(low.every((t) => high.includes(t))).toBe(true);
    // Hardware interruptions do not depend on the spot rate at all.
    expect(high.filter((t) => t.endsWith('hardware'))).toEqual(low.filter((t) => t.endsWith('hardware')));
  });
});

describe('spot preemption', () => {
  // One run on an uncapped spot cloud restarts at once after every interruption, so its cost is
  // its time from start to finish: with the interruption timeline only growing, it cannot fall.
  const spotAt = (preemptionsPerGpuHour: number, noticeMinutes: number): WrittenOption => ({
    name: `spot-${preemptionsPerGpuHour}-${noticeMinutes}`,
    kind: 'spot',
    priceUsdPerGpuHour: 3,
    preemptionsPerGpuHour,
    noticeMinutes,
  });
  const rates = [0, 2e-4, 2.1e-4, 2.2e-4, 2.3e-4, 8e-4];

  it('a higher preemption rate never costs less for the same run, replication by replication (no notice: work since the checkpoint is lost)', () => {
    // Hardware failures off: the engine draws them afresh at every start, so with them a
    // preemption moves the failures that follow and the order holds only on average.
    const { ctx, options } = load({
      end: '2026-09-30',
      failures: { ratePerGpuHour: 0, restartMinutes: 10 },
      runs: [aRun({ name: 'train', racks: 4, totalFlop: 3e24, checkpoint: { intervalMinutes: 40, writeMinutes: 3 } })],
      options: rates.map((r) => spotAt(r, 1)),
    });
    for (let replication = 0; replication < 12; replication++) {
      const costs = options.map((o) => evaluateOption(ctx, o, 5, replication).totalCostUsd);
      for (let i = 1; i < costs.length; i++) expect(costs[i], `replication ${replication}`).toBeGreaterThanOrEqual(costs[i - 1] ?? 0);
      expect(costs[costs.length - 1]).toBeGreaterThan(costs[0] ?? 0);
    }
  });

  it('a higher preemption rate never costs less with notice enough to checkpoint (restart longer than the write)', () => {
    const { ctx, options } = load({
      end: '2026-09-30',
      failures: { ratePerGpuHour: 0, restartMinutes: 10 },
      runs: [aRun({ name: 'train', racks: 4, totalFlop: 3e24, checkpoint: { intervalMinutes: 40, writeMinutes: 3 } })],
      options: rates.map((r) => spotAt(r, 5)),
    });
    for (let replication = 0; replication < 12; replication++) {
      const costs = options.map((o) => evaluateOption(ctx, o, 5, replication).totalCostUsd);
      for (let i = 1; i < costs.length; i++) expect(costs[i], `replication ${replication}`).toBeGreaterThanOrEqual(costs[i - 1] ?? 0);
    }
  });

  it('with notice at least the checkpoint write, a preemption loses no work', () => {
    const { ctx, options } = load({
      failures: { ratePerGpuHour: 0 },
      runs: [aRun({ name: 'train', racks: 4, totalFlop: 1e24, checkpoint: { intervalMinutes: 40, writeMinutes: 3 } })],
      options: [spotAt(5e-4, 3), spotAt(5e-4, 2)],
    });
    const run = (option: (typeof options)[number]) => {
      const cloud = cloudScenario(ctx.scenario, option as CloudOption, (option as CloudOption).rack, ctx.scenario.runs);
      return simulateScenario(cloud.scenario, { seed: 1, ...(cloud.interruptions ? { interruptions: cloud.interruptions } : {}) }).runs[0]!;
    };
    const saved = run(options[0]!);
    const lost = run(options[1]!);
    expect(saved.interruptions).toBeGreaterThan(3);
    expect(saved.interruptionsByCause['spot-preemption']).toBe(saved.interruptions);
    expect(saved.lostRackTicks).toBe(0);
    expect(lost.lostRackTicks).toBeGreaterThan(0);
    expect(saved.status).toBe('completed');
    expect(heldRackTicks(saved)).toBeLessThan(heldRackTicks(lost));
  });
});
