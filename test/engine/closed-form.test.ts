import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { exactEttr, firstOrderEttr } from '../../src/model/checkpoint.js';
import { ettr } from '../../src/reports/metrics.js';
import { aRun, aScenario } from '../builders.js';

describe('a single run without failures', () => {
  it('takes exactly FLOPs / (GPUs x peak x MFU), to the tick', () => {
    // 4 racks x 72 GPUs x 5,000 TFLOP/s (FP8) x 0.4 = 5.76e17 FLOP/s; 1e22 FLOP -> 17,361.1 s
    const scenario = aScenario({ runs: [aRun({ racks: 4, mfu: 0.4, totalFlop: 1e22 })] });
    const [run] = simulateScenario(scenario).runs;
    const seconds = 1e22 / (4 * 72 * 5000e12 * 0.4);
    expect(run?.status).toBe('completed');
    expect(run?.firstStartTick).toBe(0);
    expect(run?.endTick).toBe(Math.ceil(seconds));
  });

  it('keeps old files at minute ticks: tickMinutes: 1 is tickSeconds: 60', () => {
    const seconds = 1e22 / (4 * 72 * 5000e12 * 0.4);
    const [minutes] = simulateScenario(aScenario({ tickMinutes: 1 })).runs;
    const [sixty] = simulateScenario(aScenario({ tickSeconds: 60 })).runs;
    expect(minutes?.endTick).toBe(Math.ceil(seconds / 60));
    expect(sixty).toEqual(minutes);
  });

  it('follows 6ND for the work and the precision for the peak', () => {
    const scenario = aScenario({ runs: [aRun({ totalFlop: undefined, activeParams: 7e9, tokens: 1e12, precision: 'bf16', mfu: 0.5 })] });
    const [run] = simulateScenario(scenario).runs;
    const seconds = (6 * 7e9 * 1e12) / (4 * 72 * 2500e12 * 0.5);
    expect(run?.totalFlop).toBe(6 * 7e9 * 1e12);
    expect(run?.endTick).toBe(Math.ceil(seconds));
  });

  it('adds one checkpoint write per completed interval', () => {
    const runSpec = aRun({ checkpoint: { intervalMinutes: 60, writeMinutes: 3 } });
    const [run] = simulateScenario(aScenario({ runs: [runSpec] })).runs;
    const computeSeconds = Math.ceil(1e22 / (4 * 72 * 5000e12 * 0.4));
    const writes = Math.floor((computeSeconds - 1) / 3600);
    expect(run?.endTick).toBe(computeSeconds + 180 * writes);
    expect(run?.checkpointRackTicks).toBe(4 * 180 * writes);
    expect(run?.productiveRackTicks).toBe(4 * computeSeconds);
    expect(run?.doneFlop).toBe(1e22);
  });

  it('uses an achieved TFLOP/s per GPU when given instead of MFU', () => {
    const [run] = simulateScenario(aScenario({ runs: [aRun({ mfu: undefined, achievedTflopsPerGpu: 1000 })] })).runs;
    expect(run?.endTick).toBe(Math.ceil(1e22 / (4 * 72 * 1000e12)));
  });

  it('reports a run that cannot finish within the term as active with its progress', () => {
    const scenario = aScenario({ end: '2026-07-01', runs: [aRun({ totalFlop: 1e24 })] });
    const [run] = simulateScenario(scenario).runs;
    expect(run?.status).toBe('active');
    const perSecond = 4 * 72 * 5000e12 * 0.4;
    expect(run?.doneFlop).toBeCloseTo(perSecond * 86_400, -10);
  });
});

describe('effective training time ratio under failures', () => {
  // One run of 4 racks (288 GPUs) at 1e-3 failures per GPU-hour: MTBF 3.5 h, ~280 failures per
  // run. Restarts of 10 min, checkpoints every 30 min taking 2 min, and no repair, so every
  // restart is immediate.
  const ratePerGpuHour = 1e-3;
  const interval = 30;
  const write = 2;
  const restart = 10;
  const withRate = (rate: number) =>
    aScenario({
      end: '2026-12-31',
      // One cause that needs nothing but a restart: the renewal model's failure.
      failures: { ratePerGpuHour: rate, restartMinutes: restart, causes: [{ name: 'any', share: 1, recovery: 'restart' }] },
      runs: [aRun({ totalFlop: 2e24, checkpoint: { intervalMinutes: interval, writeMinutes: write } })],
    });
  const scenario = withRate(ratePerGpuHour);
  const lambdaPerMinute = (288 * ratePerGpuHour) / 60;
  const seeds = Array.from({ length: 40 }, (_, i) => i + 1);
  const ratios = seeds.map((seed) => {
    const record = simulateScenario(scenario, { seed });
    const run = record.runs[0];
    if (!run || run.status !== 'completed') throw new Error('run should complete');
    return ettr(run, scenario.horizonTicks) ?? 0;
  });
  const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length;

  it('agrees with the exact renewal formula within 1%', () => {
    // Failure times are rounded up to whole 1-second ticks: no material bias.
    expect(mean / exactEttr(interval, write, restart, lambdaPerMinute)).toBeCloseTo(1, 2);
  });

  it('agrees with the first-order formula within its second-order error', () => {
    const first = firstOrderEttr(interval, write, restart, lambdaPerMinute);
    const secondOrder = (lambdaPerMinute * (restart + interval + write)) ** 2;
    expect(Math.abs(mean - first)).toBeLessThan(secondOrder);
  });

  it('falls as failures grow more frequent, as the exact formula says', () => {
    const worse = withRate(3 * ratePerGpuHour);
    const worseMean = seeds.slice(0, 10).reduce((sum, seed) => sum + (ettr(simulateScenario(worse, { seed }).runs[0]!, worse.horizonTicks) ?? 0), 0) / 10;
    expect(worseMean).toBeLessThan(mean - 0.1);
    expect(worseMean / exactEttr(interval, write, restart, 3 * lambdaPerMinute)).toBeCloseTo(1, 1);
  });
});
