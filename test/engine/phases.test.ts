import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { summarize } from '../../src/reports/summary.js';
import { heldRackTicks } from '../../src/reports/metrics.js';
import { parseScenario } from '../../src/scenario/load.js';
import type { WrittenScenario } from '../../src/scenario/schema.js';
import { aRun, aScenario, aWrittenScenario, provenance } from '../builders.js';

type Phases = NonNullable<ReturnType<typeof aRun>['phases']>;

// 4 racks x 72 GPUs at FP8 (5,000 TFLOP/s) x MFU 0.4: 5.76e17 FLOP per second.
const perSecond4 = 288 * 2000e12;
const phased = (phases: Phases, extra: Partial<WrittenScenario> = {}, racks = 4) =>
  aScenario({ runs: [aRun({ racks, totalFlop: 1e22, checkpoint: { intervalMinutes: 30, writeMinutes: 1 }, phases })], ...extra });

describe('run phases', () => {
  it('a warm-up at half speed over a tenth of the work takes twice its share of time; the rest goes at full speed', () => {
    const run = simulateScenario(phased([{ name: 'warm-up', untilShare: 0.1, speedShare: 0.5 }, { name: 'main' }])).runs[0]!;
    const compute = (flop: number, rate: number) => flop / rate;
    const expected = compute(1e21, perSecond4 / 2) + compute(9e21, perSecond4);
    // Compute ticks only (writes excluded), each phase's end rounded up to the tick.
    expect(run.productiveTicks).toBeGreaterThanOrEqual(Math.floor(expected));
    expect(run.productiveTicks).toBeLessThanOrEqual(Math.ceil(expected) + 2);
    expect(run.doneFlop).toBe(1e22);
    const [warm, main] = run.phases ?? [];
    expect(warm?.endTick).toBe(main?.firstTick);
    // Same size: the run keeps its racks and its place in the checkpoint cycle (one hold).
    expect(run.holds).toHaveLength(1);
    expect((warm?.heldRackTicks ?? 0) + (main?.heldRackTicks ?? 0)).toBe(heldRackTicks(run));
  });

  it('a stage by date changes the speed at that date, wherever the work stands', () => {
    const run = simulateScenario(phased([{ name: 'slow', until: '2026-07-01T02:00', mfu: 0.2 }, { name: 'fast' }])).runs[0]!;
    expect(run.phases?.[0]?.endTick).toBe(2 * 3600);
    expect(run.phases?.[1]?.firstTick).toBe(2 * 3600);
    // In its first 2 hours the run computes 3 whole 31-minute cycles and 27 minutes of the fourth
    // (7,020 compute seconds) at half speed; the rest of the work at full speed.
    const slow = 3 * 1800 + 1620;
    const expected = slow + (1e22 - slow * (perSecond4 / 2)) / perSecond4;
    expect(Math.abs((run.productiveTicks ?? 0) - expected)).toBeLessThanOrEqual(2);
  });

  it('a run that grows from 4 to 8 racks checkpoints, gives its racks back and queues for the new size', () => {
    const scenario = phased([{ name: 'small', untilShare: 0.5 }, { name: 'large', racks: 8 }], { failures: { ratePerGpuHour: 0, restartMinutes: 5 } });
    const record = simulateScenario(scenario);
    const run = record.runs[0]!;
    expect(run.status).toBe('completed');
    expect(run.racks).toBe(8);
    const holds = run.holds ?? [];
    // Computing on 4 racks, a last checkpoint write, then 8 racks after a restart.
    expect(holds.map((h) => [h.racks, h.finalWrite])).toEqual([
      [4, false],
      [4, true],
      [8, false],
    ]);
    expect(holds[2]!.anchorTick - holds[2]!.startTick).toBe(300);
    // Half the work at each size: the second half takes half the time.
    const small = run.phases?.[0];
    const large = run.phases?.[1];
    expect(small?.racks).toBe(4);
    expect(large?.racks).toBe(8);
    expect((small?.heldRackTicks ?? 0) + (large?.heldRackTicks ?? 0)).toBe(heldRackTicks(run));
    expect(run.lostRackTicks).toBe(0);
    // The productive time is in compute ticks, whatever the size: ETTR stays a share of time.
    const s = summarize(record, provenance);
    expect(s.runs[0]!.ettr).toBeLessThanOrEqual(1);
    expect(s.runs[0]!.ettr).toBeGreaterThan(0.9);
  });

  it('are reported with their times, GPU-hours and costs, which sum to the run\'s', () => {
    const scenario = phased([{ name: 'small', untilShare: 0.3 }, { name: 'large', racks: 8, mfu: 0.3 }], { failures: { ratePerGpuHour: 1e-3, restartMinutes: 5 } });
    const s = summarize(simulateScenario(scenario, { seed: 2 }), provenance);
    const run = s.runs[0]!;
    const phases = run.phases ?? [];
    expect(phases.map((p) => [p.name, p.racks, p.gpus])).toEqual([
      ['small', 4, 288],
      ['large', 8, 576],
    ]);
    expect(phases.reduce((a, p) => a + p.gpuHoursHeld, 0)).toBeCloseTo(run.gpuHoursHeld, 6);
    expect(Math.round(phases.reduce((a, p) => a + p.costUsageShareUsd, 0) * 100)).toBe(Math.round(run.costUsageShareUsd * 100));
    // The first phase ends when the run stops to resize; the second begins when it restarts.
    expect(Date.parse(`${phases[0]?.ended}Z`)).toBeLessThanOrEqual(Date.parse(`${phases[1]?.started}Z`));
    expect(phases.every((p) => (p.wallClockDays ?? 0) > 0)).toBe(true);
  });

  it('carry over to a cloud: each phase moves to the option\'s rack and keeps its GPUs', async () => {
    const { runOnRack } = await import('../../src/procurement/run-on-rack.js');
    const { rackCatalog } = await import('../../src/catalog/racks.js');
    const spec = phased([{ name: 'small', untilShare: 0.5 }, { name: 'large', racks: 8 }]).runs[0]!;
    const moved = runOnRack(spec, rackCatalog['gb300-nvl72']!, rackCatalog['hgx-b200']!);
    expect(moved.phases?.map((p) => [p.racks, p.gpus])).toEqual([
      [36, 288],
      [72, 576],
    ]);
    expect(moved.phases?.[0]?.tflopsPerGpu).toBeCloseTo((spec.phases?.[0]?.tflopsPerGpu ?? 0) * (4500 / 5000), 9);
  });

  it('refuse a phase order or an end the run cannot follow, every problem at once', () => {
    const problems = (phases: Phases) => {
      try {
        parseScenario(JSON.stringify(aWrittenScenario({ runs: [aRun({ phases })] })), 'phases.json');
        return [];
      } catch (e) {
        return ((e as { problems?: Array<{ code: string }> }).problems ?? []).map((p) => p.code);
      }
    };
    expect(problems([{ name: 'a', untilShare: 0.5 }, { name: 'b', untilShare: 0.3 }, { name: 'c' }])).toContain('phases-out-of-order');
    expect(problems([{ name: 'a' }, { name: 'b' }])).toContain('phase-end');
    expect(problems([{ name: 'a', untilShare: 0.5 }, { name: 'b', untilShare: 0.9 }])).toContain('last-phase-end');
    expect(problems([{ name: 'a', untilShare: 0.5, until: '2026-07-02' }, { name: 'b' }])).toContain('phase-end');
    expect(problems([{ name: 'a', untilShare: 0.5, racks: 9 }, { name: 'a' }])).toEqual(expect.arrayContaining(['run-too-large', 'duplicate-phase']));
    expect(problems([{ name: 'a', untilShare: 0.5, mfu: 0.3, speedShare: 0.5 }, { name: 'b' }])).toContain('speed');
    expect(problems([{ name: 'a', untilShare: 0.5 }, { name: 'b' }])).toEqual([]);
  });
});
