import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { drawSpeedShare } from '../../src/engine/stragglers.js';
import type { WrittenScenario } from '../../src/scenario/schema.js';
import { aRun, aScenario } from '../builders.js';

type Stragglers = NonNullable<NonNullable<WrittenScenario['failures']>['stragglers']>;

// 4 racks at FP8, MFU 0.4: 1e22 FLOP take 17,362 one-second ticks at full speed.
const fullTicks = Math.ceil(1e22 / (288 * 2000e12));
const withStragglers = (stragglers: Stragglers, extra: Partial<WrittenScenario> = {}) =>
  aScenario({ failures: { ratePerGpuHour: 0, stragglers }, runs: [aRun({ totalFlop: 1e22, checkpoint: { intervalMinutes: 30, writeMinutes: 1 } })], ...extra });

describe('slow racks', () => {
  it('make the whole run go at the slowest rack\'s speed: a certain straggler at 0.5 doubles the compute time', () => {
    const run = simulateScenario(withStragglers({ probabilityPerRack: 1, speedShare: 0.5 })).runs[0]!;
    expect(run.productiveRackTicks).toBe(4 * Math.ceil(1e22 / (288 * 1000e12)));
    // The throughput the slow rack took: half of every productive rack-tick.
    expect(run.stragglerLossRackTicks).toBeCloseTo(run.productiveRackTicks / 2, 6);
    const none = simulateScenario(withStragglers({ probabilityPerRack: 0, speedShare: 0.5 })).runs[0]!;
    expect(none.productiveRackTicks).toBe(4 * fullTicks);
    expect(none.stragglerLossRackTicks).toBe(0);
  });

  it('slow a run with the closed-form chance 1 - (1 - p)^racks, drawn once per start', () => {
    const rng = (values: number[]) => () => values.shift() ?? 0;
    const spec = { probabilityPerRack: 0.1, speedShare: 0.7, detectionTicks: null };
    const anySlow = 1 - 0.9 ** 4;
    expect(drawSpeedShare(spec, 4, rng([anySlow - 1e-9]))).toBe(0.7);
    expect(drawSpeedShare(spec, 4, rng([anySlow + 1e-9]))).toBe(1);
    expect(drawSpeedShare(null, 4, rng([0]))).toBe(1);
    // Over many starts the mean throughput is 1 - q (1 - share).
    let sum = 0;
    const n = 400;
    for (let seed = 1; seed <= n; seed++) {
      const run = simulateScenario(withStragglers({ probabilityPerRack: 0.1, speedShare: 0.7 }), { seed, timeline: false }).runs[0]!;
      sum += fullTicks / (run.productiveRackTicks / 4);
    }
    const expected = 1 - anySlow * 0.3;
    expect(Math.abs(sum / n - expected)).toBeLessThan(3 * Math.sqrt((anySlow * (1 - anySlow) * 0.09) / n));
  });

  it('are swapped out by a lemon detector: the run checkpoints and restarts, counted as a slow-rack swap, and loses no work', () => {
    const scenario = withStragglers({ probabilityPerRack: 1, speedShare: 0.5, detectionMinutes: 60 }, { failures: { ratePerGpuHour: 0, restartMinutes: 5, stragglers: { probabilityPerRack: 1, speedShare: 0.5, detectionMinutes: 60 } } });
    const run = simulateScenario(scenario).runs[0]!;
    const computing = (run.holds ?? []).filter((h) => !h.finalWrite);
    // Every hold computes at half speed for the detector's hour, then a last checkpoint is written.
    expect(run.interruptionsByCause['slow-rack-swap']).toBe(computing.length - 1);
    for (const h of computing.slice(0, -1)) expect((h.stopTick ?? 0) - h.anchorTick).toBe(3600);
    expect(run.lostRackTicks).toBe(0);
    expect(run.status).toBe('completed');
    expect(run.restartRackTicks).toBe(4 * 300 * (computing.length - 1));
  });
});
