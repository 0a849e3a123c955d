import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { dalyInterval, exactEttr } from '../../src/model/checkpoint.js';
import { ettr } from '../../src/reports/metrics.js';
import type { WrittenScenario } from '../../src/scenario/schema.js';
import { aRun, aScenario } from '../builders.js';

// One run of 4 racks (288 GPUs) at 1e-3 failures per GPU-hour: an MTBF of 3.5 h. Every failure
// needs a restart of 10 minutes and nothing else, so the exact renewal formula holds.
const gpus = 288;
const ratePerGpuHour = 1e-3;
const lambdaPerMinute = (gpus * ratePerGpuHour) / 60;
const restartMinutes = 10;

function aFailingRun(overrides: Partial<WrittenScenario> = {}, checkpoint: { intervalMinutes?: number | 'auto'; writeMinutes: number } = { intervalMinutes: 30, writeMinutes: 2 }) {
  return aScenario({
    end: '2026-12-31',
    failures: { ratePerGpuHour, restartMinutes, causes: [{ name: 'any', share: 1, recovery: 'restart' }] },
    runs: [aRun({ totalFlop: 2e24, checkpoint })],
    ...overrides,
  });
}

function meanEttr(scenario: ReturnType<typeof aScenario>, seeds: number[]): number {
  const values = seeds.map((seed) => {
    const run = simulateScenario(scenario, { seed, timeline: false }).runs[0];
    if (!run || run.status !== 'completed') throw new Error('run should complete');
    return ettr(run, scenario.horizonTicks) ?? 0;
  });
  return values.reduce((a, b) => a + b, 0) / values.length;
}

const seeds = Array.from({ length: 40 }, (_, i) => i + 1);

describe('time finer than a minute', () => {
  it('a failure loses what the exact renewal formula says at 1-second ticks; 60-second ticks, rounding failures up, bias ETTR upward', () => {
    const exact = exactEttr(30, 2, restartMinutes, lambdaPerMinute);
    const seconds = meanEttr(aFailingRun(), seeds);
    const minutes = meanEttr(aFailingRun({ tickMinutes: 1 }), seeds);
    expect(Math.abs(seconds / exact - 1)).toBeLessThan(0.004);
    // Every failure is pushed to the end of its minute: about half a minute more of each cycle is kept.
    expect(minutes).toBeGreaterThan(seconds);
    expect(minutes - seconds).toBeLessThan(0.01);
  });

  it('writes a 0.1-minute checkpoint in 6 one-second ticks, not a whole minute', () => {
    const scenario = aFailingRun({}, { intervalMinutes: 30, writeMinutes: 0.1 });
    expect(scenario.runs[0]?.checkpointWriteTicks).toBe(6);
    expect(aFailingRun({ tickMinutes: 1 }, { intervalMinutes: 30, writeMinutes: 0.1 }).runs[0]?.checkpointWriteTicks).toBe(1);
  });

  it('ETTR falls as the checkpoint write grows, down to seconds: 0.1 > 0.5 > 2 minutes, each as the exact formula says', () => {
    const at = (writeMinutes: number) => {
      const scenario = aFailingRun({}, { intervalMinutes: 'auto', writeMinutes });
      const interval = (scenario.runs[0]?.checkpointIntervalTicks ?? 0) / 60;
      expect(interval).toBeCloseTo(dalyInterval(writeMinutes, 1 / lambdaPerMinute), 1);
      return { simulated: meanEttr(scenario, seeds.slice(0, 20)), exact: exactEttr(interval, writeMinutes, restartMinutes, lambdaPerMinute) };
    };
    const [six, thirty, two] = [at(0.1), at(0.5), at(2)];
    expect(six.simulated).toBeGreaterThan(thirty.simulated);
    expect(thirty.simulated).toBeGreaterThan(two.simulated);
    for (const r of [six, thirty, two]) expect(Math.abs(r.simulated / r.exact - 1)).toBeLessThan(0.01);
  });
});

describe("Daly's optimum in the engine", () => {
  // MTBF 15 minutes (288 GPUs at 4 / 288 per GPU-hour), writes of 5 minutes, restarts of 10.
  const mtbfScenario = (intervalMinutes: number | 'auto' | 'young') =>
    aScenario({
      end: '2026-10-31',
      failures: { ratePerGpuHour: 4 / 288, restartMinutes: 10, causes: [{ name: 'any', share: 1, recovery: 'restart' }] },
      runs: [aRun({ totalFlop: 1e26, checkpoint: { intervalMinutes, writeMinutes: 5 } })],
    });
  const horizonEttr = (intervalMinutes: number) => {
    const scenario = mtbfScenario(intervalMinutes);
    let sum = 0;
    for (const seed of [1, 2, 3, 4]) sum += ettr(simulateScenario(scenario, { seed, timeline: false }).runs[0]!, scenario.horizonTicks) ?? 0;
    return sum / 4;
  };

  it('auto picks about 9 minutes where Young picks 12, and the engine does best near 9', () => {
    expect(mtbfScenario('auto').runs[0]?.checkpointIntervalTicks).toBe(Math.round(dalyInterval(300, 900)));
    expect((mtbfScenario('auto').runs[0]?.checkpointIntervalTicks ?? 0) / 60).toBeCloseTo(9.1, 1);
    expect((mtbfScenario('young').runs[0]?.checkpointIntervalTicks ?? 0) / 60).toBeCloseTo(12.25, 2);
    const intervals = [6, 7, 8, 9, 10, 11, 12, 13, 14];
    const ratios = intervals.map(horizonEttr);
    const best = intervals[ratios.indexOf(Math.max(...ratios))] ?? 0;
    expect(Math.abs(best - 9)).toBeLessThanOrEqual(1);
    // With the same draws, 9 minutes keeps more of the time than 12 (the exact formula: 0.1996 against 0.1951).
    expect(ratios[3]).toBeGreaterThan(ratios[6] ?? 1);
    expect(ratios[3]! / exactEttr(9, 5, 10, 1 / 15)).toBeCloseTo(1, 1);
  });
});
