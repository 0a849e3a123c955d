import { describe, expect, it } from 'vitest';
import { evaluateOption } from '../../src/procurement/evaluate-option.js';
import { resolveOptions } from '../../src/procurement/resolve-options.js';
import { parseScenario } from '../../src/scenario/load.js';
import type { WrittenScenario } from '../../src/scenario/schema.js';
import { aRun, aWrittenScenario } from '../builders.js';

function load(overrides: Partial<WrittenScenario>) {
  const loaded = parseScenario(JSON.stringify(aWrittenScenario(overrides)), 'test.json');
  return { ctx: { scenario: loaded.scenario, written: loaded.written }, options: resolveOptions(loaded.written, loaded.scenario) };
}

// 4 racks x 72 GPUs x 1,000 TFLOP/s achieved: 1.0368e21 FLOP per hour.
const flopPerHour4Racks = 4 * 72 * 1000e12 * 3600;
const run = (name: string, hours: number, extra: object = {}) =>
  aRun({ name, racks: 4, mfu: undefined, achievedTflopsPerGpu: 1000, totalFlop: flopPerHour4Racks * hours, ...extra });

describe('cloud options', () => {
  it('on demand, a run pays its GPU-hours held at the price, and nothing for idle time', () => {
    const { ctx, options } = load({ runs: [run('a', 100)], options: [{ name: 'cloud', kind: 'on-demand', priceUsdPerGpuHour: 2.5 }] });
    const result = evaluateOption(ctx, options[0]!, 1, 0);
    expect(result.runs[0]?.gpuHoursHeld).toBe(288 * 100);
    expect(result.totalCostUsd).toBe(288 * 100 * 2.5);
    expect(result.idleCostUsd).toBe(0);
    expect(result.utilization).toBe(1);
    expect(result.runs[0]?.timeToTrainDays).toBeCloseTo(100 / 24, 12);
  });

  it('a capacity cap smaller than a run makes it smaller and longer, at the same GPU-hours', () => {
    const { ctx, options } = load({ runs: [run('a', 100)], options: [{ name: 'capped', kind: 'on-demand', priceUsdPerGpuHour: 2, capacityGpus: 150 }] });
    const result = evaluateOption(ctx, options[0]!, 1, 0);
    expect(result.runs[0]?.gpus).toBe(144);
    expect(result.runs[0]?.timeToTrainDays).toBeCloseTo(200 / 24, 12);
    expect(result.runs[0]?.gpuHoursHeld).toBe(288 * 100);
  });

  it('runs beyond the cap together wait in the queue for room', () => {
    const { ctx, options } = load({ runs: [run('a', 10), run('b', 10)], options: [{ name: 'capped', kind: 'on-demand', priceUsdPerGpuHour: 2, capacityGpus: 288 }] });
    const result = evaluateOption(ctx, options[0]!, 1, 0);
    expect(result.runs.map((r) => r.timeToTrainDays! * 24)).toEqual([10, 20]);
  });

  it('a large allocation starts after the lead time; a small one at once', () => {
    const { ctx, options } = load({
      runs: [run('big', 10), run('small', 10, { racks: 1, totalFlop: flopPerHour4Racks * 2.5 })],
      options: [{ name: 'cloud', kind: 'on-demand', priceUsdPerGpuHour: 2, leadTimeDays: 3, leadTimeAboveGpus: 100 }],
    });
    const result = evaluateOption(ctx, options[0]!, 1, 0);
    expect(result.runs[0]?.timeToTrainDays).toBeCloseTo(3 + 10 / 24, 12);
    expect(result.runs[1]?.timeToTrainDays).toBeCloseTo(10 / 24, 12);
  });

  it('reserved bills the commitment over the horizon, used or not, and the excess at the overflow price', () => {
    // 30 days; committed 2 racks (144 GPUs); a 4-rack run for 100 h: 2 racks overflow for 100 h.
    const { ctx, options } = load({
      runs: [run('a', 100)],
      options: [{ name: 'reserved', kind: 'reserved', committedGpus: 144, priceUsdPerGpuHour: 1, overflowUsdPerGpuHour: 3 }],
    });
    const result = evaluateOption(ctx, options[0]!, 1, 0);
    const committed = 144 * 30 * 24;
    expect(result.totalCostUsd).toBe(committed * 1 + 144 * 100 * 3);
    expect(result.paidGpuHours).toBe(committed + 144 * 100);
    expect(result.idleCostUsd + result.runs[0]!.costUsd).toBeCloseTo(result.totalCostUsd, 6);
    // The unused commitment: 144 GPUs x (720 - 100) h of 144 x 720 + 14,400 GPU-hours paid.
    expect(result.idleCostUsd).toBeGreaterThan(0);
  });

  it('reserved without overflow holds the runs to the commitment', () => {
    const { ctx, options } = load({ runs: [run('a', 100)], options: [{ name: 'reserved', kind: 'reserved', committedGpus: 144, priceUsdPerGpuHour: 1 }] });
    const result = evaluateOption(ctx, options[0]!, 1, 0);
    expect(result.runs[0]?.gpus).toBe(144);
    expect(result.totalCostUsd).toBe(144 * 30 * 24);
  });

  it('a hybrid sends a run that waited past the threshold to the cloud, and keeps the rest on the lease', () => {
    // 8 racks leased: 'a' takes 6 for 5 days, 'b' (4 racks) would wait 5 days; the threshold is 1 day.
    const { ctx, options } = load({
      runs: [run('a', 120, { racks: 6, totalFlop: flopPerHour4Racks * 1.5 * 120 }), run('b', 10)],
      options: [
        { name: 'lease', kind: 'lease' },
        { name: 'cloud', kind: 'on-demand', priceUsdPerGpuHour: 2 },
        { name: 'hybrid', kind: 'hybrid', lease: 'lease', burst: 'cloud', burstAfterDays: 1 },
      ],
    });
    const lease = evaluateOption(ctx, options[0]!, 1, 0);
    const hybrid = evaluateOption(ctx, options[2]!, 1, 0);
    expect(lease.runs[1]?.timeToTrainDays).toBeCloseTo(5 + 10 / 24, 12);
    expect(hybrid.runs.map((r) => r.where.join('+'))).toEqual(['lease', 'cloud']);
    expect(hybrid.runs[1]?.timeToTrainDays).toBeCloseTo(1 + 10 / 24, 12);
    expect(hybrid.totalCostUsd).toBeCloseTo(lease.totalCostUsd + 288 * 10 * 2, 6);
    expect(hybrid.lease?.burstRuns).toEqual(['b']);
  });
});
