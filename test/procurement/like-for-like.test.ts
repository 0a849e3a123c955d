import { describe, expect, it } from 'vitest';
import { evaluateOption } from '../../src/procurement/evaluate-option.js';
import { compareOptions } from '../../src/procurement/compare.js';
import { resolveOptions } from '../../src/procurement/resolve-options.js';
import { parseScenario } from '../../src/scenario/load.js';
import type { WrittenScenario } from '../../src/scenario/schema.js';
import { aRun, aWrittenScenario, provenance } from '../builders.js';

function load(overrides: Partial<WrittenScenario>) {
  const loaded = parseScenario(JSON.stringify(aWrittenScenario(overrides)), 'test.json');
  return { ctx: { scenario: loaded.scenario, written: loaded.written }, options: resolveOptions(loaded.written, loaded.scenario), warnings: loaded.warnings };
}

const day = 24 * 60;

describe('a cloud option on its own hardware', () => {
  it('trains the same run on hgx-h100 5,000 / 1,979 times as long as on gb300-nvl72, failures off, on the same GPUs', () => {
    const { ctx, options } = load({
      end: '2026-12-31',
      runs: [aRun({ racks: 4, precision: 'fp8', mfu: 0.4, totalFlop: 1e24 })],
      options: [
        { name: 'gb300', kind: 'on-demand', rack: 'gb300-nvl72', priceUsdPerGpuHour: 1 },
        { name: 'h100', kind: 'on-demand', rack: 'hgx-h100', priceUsdPerGpuHour: 1 },
      ],
    });
    const [gb300, h100] = options.map((o) => evaluateOption(ctx, o, 1, 0));
    const fast = gb300!.runs[0]!;
    const slow = h100!.runs[0]!;
    expect([fast.gpus, slow.gpus]).toEqual([288, 288]);
    expect([fast.rack, slow.rack]).toEqual(['gb300-nvl72', 'hgx-h100']);
    // Whole minutes: each time is its work over its speed, rounded up to the tick.
    expect(Math.abs(slow.timeToTrainDays! - (fast.timeToTrainDays! * 5000) / 1979)).toBeLessThanOrEqual(2 / day);
    expect(slow.timeToTrainDays! / fast.timeToTrainDays!).toBeCloseTo(5000 / 1979, 3);
    // Billed per GPU-hour of its own GPUs: 36 eight-GPU servers for the 4 NVL72 racks.
    expect(slow.gpuHoursHeld / fast.gpuHoursHeld).toBeCloseTo(5000 / 1979, 3);
  });

  it('computes a run at FP4 at FP8 on a GPU without FP4, and says so in a warning', () => {
    const { ctx, options, warnings } = load({
      runs: [aRun({ name: 'fp4-run', racks: 4, precision: 'fp4', mfu: 0.3, totalFlop: 1e23 })],
      options: [{ name: 'h100', kind: 'on-demand', offer: 'aws-h100-on-demand' }],
    });
    expect(warnings.map((w) => w.message)).toContain('the NVIDIA H100 SXM has no FP4: fp4-run compute at FP8 on this option');
    const run = evaluateOption(ctx, options[0]!, 1, 0).runs[0]!;
    const seconds = Math.ceil(1e23 / (288 * 1979e12 * 0.3));
    expect(run.timeToTrainDays! * 86_400).toBeCloseTo(seconds, 6);
  });

  it('scales a run given as achieved TFLOP/s by the ratio of the dense peaks', () => {
    const { ctx, options } = load({
      runs: [aRun({ racks: 2, mfu: undefined, achievedTflopsPerGpu: 2000, totalFlop: 144 * 2000e12 * 3600 * 10 })],
      options: [{ name: 'b200', kind: 'on-demand', rack: 'hgx-b200', priceUsdPerGpuHour: 1 }],
    });
    // 2,000 of GB300's 5,000 at FP8 is 2,000 x 4,500 / 5,000 = 1,800 on B200: 10 h become 11.11 h.
    const run = evaluateOption(ctx, options[0]!, 1, 0).runs[0]!;
    expect(Math.abs(run.timeToTrainDays! * day - (600 * 5000) / 4500)).toBeLessThanOrEqual(1);
  });

  it('takes its rack from the catalog offer, and a newer offer for the runs submitted from its date', () => {
    const { ctx, options } = load({
      runs: [aRun({ name: 'early', racks: 2, totalFlop: 1e23 }), aRun({ name: 'late', racks: 2, submit: '2026-07-10', totalFlop: 1e23 })],
      options: [{ name: 'cloud', kind: 'on-demand', offer: 'aws-h100-on-demand', upgrade: { from: '2026-07-05', offer: 'nebius-b300' } }],
    });
    const result = evaluateOption(ctx, options[0]!, 1, 0);
    expect(result.runs.map((r) => r.rack)).toEqual(['hgx-h100', 'hgx-b300']);
    expect(result.runs[0]!.costUsd).toBeCloseTo(result.runs[0]!.gpuHoursHeld * 6.88, 2);
    expect(result.runs[1]!.costUsd).toBeCloseTo(result.runs[1]!.gpuHoursHeld * 7.85, 2);
  });
});

describe('common random numbers between the lease and the clouds', () => {
  // Failure-prone runs on a cluster with room to spare: no run ever waits for racks on the lease,
  // and an uncapped cloud of the same hardware has room as well.
  const busy: Partial<WrittenScenario> = {
    end: '2026-07-31',
    cluster: { racks: 20 },
    failures: { ratePerGpuHour: 4e-4, restartMinutes: 12 },
    runs: [
      aRun({ name: 'big', racks: 6, totalFlop: 3e24, checkpoint: { intervalMinutes: 'auto', writeMinutes: 3 } }),
      aRun({ name: 'small', racks: 2, submit: '2026-07-02T08:00', totalFlop: 5e23, checkpoint: { intervalMinutes: 45, writeMinutes: 1 } }),
    ],
  };

  it('gives the same time to train in every replication, and a cost difference of exactly what the prices imply', () => {
    const price = 3.17;
    const { ctx, options } = load({
      ...busy,
      options: [
        { name: 'lease', kind: 'lease' },
        { name: 'cloud', kind: 'on-demand', rack: 'gb300-nvl72', priceUsdPerGpuHour: price },
      ],
    });
    for (let r = 0; r < 8; r++) {
      const lease = evaluateOption(ctx, options[0]!, 5, r);
      const cloud = evaluateOption(ctx, options[1]!, 5, r);
      expect(cloud.runs.map((x) => x.timeToTrainDays), `replication ${r}`).toEqual(lease.runs.map((x) => x.timeToTrainDays));
      expect(cloud.runs.map((x) => x.interruptions)).toEqual(lease.runs.map((x) => x.interruptions));
      expect(cloud.runs.map((x) => x.gpuHoursHeld)).toEqual(lease.runs.map((x) => x.gpuHoursHeld));
      expect(lease.runs[0]!.interruptions).toBeGreaterThan(2);
      // One month: the cloud bills each run's GPU-hours at the price, each rounded to the cent.
      const cloudCents = lease.runs.reduce((a, x) => a + Math.round(x.gpuHoursHeld * price * 100), 0);
      expect(Math.round(cloud.totalCostUsd * 100)).toBe(cloudCents);
      expect(Math.round((lease.totalCostUsd - cloud.totalCostUsd) * 100)).toBe(100_000_000 - cloudCents);
    }
  });

  it('pairs the differences: the interval of a lease-minus-cloud difference is narrower than of two independent costs', () => {
    const { ctx, options } = load({
      ...busy,
      options: [
        { name: 'lease', kind: 'lease', powerUsdPerMwh: 60 },
        { name: 'cloud', kind: 'on-demand', rack: 'gb300-nvl72', priceUsdPerGpuHour: 3 },
      ],
    });
    const c = compareOptions(ctx, options, { seed: 3, replications: 10 }, provenance);
    const [low, high] = c.options[1]!.differenceFromBaselineUsd.ci95Usd!;
    // The cloud's own cost varies with the failures; paired against the lease, far less.
    const costs = Array.from({ length: 10 }, (_, r) => evaluateOption(ctx, options[1]!, 3, r).totalCostUsd);
    const spread = Math.max(...costs) - Math.min(...costs);
    expect(spread).toBeGreaterThan(0);
    expect(high - low).toBeLessThan(spread / 2);
  });

  it('an own option on the lease\'s racks, delivered at once, faces the same failures at the same moments', () => {
    const { ctx, options } = load({
      ...busy,
      options: [
        { name: 'lease', kind: 'lease' },
        { name: 'own', kind: 'own', deliveryDays: 0 },
      ],
    });
    for (let r = 0; r < 4; r++) {
      const lease = evaluateOption(ctx, options[0]!, 5, r);
      const own = evaluateOption(ctx, options[1]!, 5, r);
      expect(own.runs.map((x) => [x.timeToTrainDays, x.interruptions])).toEqual(lease.runs.map((x) => [x.timeToTrainDays, x.interruptions]));
    }
  });

  it('every kind of option against an identical copy of itself differs by exactly zero', () => {
    const copies = [
      { name: 'lease', kind: 'lease' as const, termination: { probabilityPerMonth: 0.5, afterMonths: 0 }, fallback: 'od' },
      { name: 'od', kind: 'on-demand' as const, rack: 'hgx-b200', priceUsdPerGpuHour: 5, priceDeclinePerYear: 0.3, capacityGpus: 400 },
      { name: 'res', kind: 'reserved' as const, rack: 'gb300-nvl72', priceUsdPerGpuHour: 3, committedGpus: 288, from: '2026-07-03', overflowUsdPerGpuHour: 6 },
      { name: 'blk', kind: 'block' as const, offer: 'aws-h100-capacity-block', blocks: [{ from: '2026-07-02', days: 5, gpus: 512 }], overflowOffer: 'aws-h100-on-demand' },
      { name: 'own', kind: 'own' as const, deliveryDays: 3, costOfCapitalPerYear: 0.08 },
    ];
    const { ctx, options } = load({ ...busy, end: '2026-09-30', options: copies.flatMap((o) => [o, { ...o, name: `${o.name}-copy` }]) });
    const withOptions = { ...ctx, options };
    for (let i = 0; i < options.length; i += 2) {
      for (let r = 0; r < 3; r++) {
        const a = evaluateOption(withOptions, options[i]!, 9, r);
        const b = evaluateOption(withOptions, options[i + 1]!, 9, r);
        expect(b, `${a.name}, replication ${r}`).toEqual({ ...a, name: b.name });
      }
    }
  });
});

describe('equal work', () => {
  it('ranks an option that leaves work undone after those that deliver it all, however cheap, and never calls it the cheapest', () => {
    const { ctx, options } = load({
      end: '2026-07-30',
      runs: [aRun({ racks: 4, totalFlop: 1e24 })],
      options: [
        { name: 'lease', kind: 'lease' },
        { name: 'cheap-and-small', kind: 'on-demand', rack: 'gb300-nvl72', priceUsdPerGpuHour: 0.01, capacityGpus: 72 },
        { name: 'dear', kind: 'on-demand', rack: 'gb300-nvl72', priceUsdPerGpuHour: 50 },
      ],
    });
    const c = compareOptions(ctx, options, { seed: 1, replications: 2 }, provenance);
    const byName = Object.fromEntries(c.options.map((o) => [o.name, o]));
    expect(byName['cheap-and-small']!.npvUsd).toBeLessThan(byName['lease']!.npvUsd);
    expect(byName['cheap-and-small']!.deliveredShare).toBeLessThan(1);
    expect(byName['cheap-and-small']!.rank).toBe(3);
    expect(byName['cheap-and-small']!.probabilityCheapest).toBe(0);
    expect([byName['lease']!.rank, byName['dear']!.rank]).toEqual([1, 2]);
    expect(byName['lease']!.probabilityCheapest).toBe(1);
  });
});
