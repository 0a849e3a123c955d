import { describe, expect, it } from 'vitest';
import { createHazard } from '../../src/engine/hazard.js';
import type { FailureSpec } from '../../src/engine/spec.js';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { aRun, aScenario } from '../builders.js';

const spec = (over: Partial<FailureSpec>): FailureSpec => ({ ratePerGpuHour: 1e-3, causes: [], rateSteps: [], burnIn: null, stragglers: null, maintenance: [], ...over });


describe('failure times from the cumulative hazard', () => {
  it('are the closed form -ln(1 - u) / (GPUs x rate), rounded up, when the rate is constant', () => {
    const h = createHazard(spec({}), 1);
    const perTick = 1e-3 / 3600;
    expect(h.next(100, 2, 288)).toBe(100 + Math.ceil(2 / (288 * perTick)));
    expect(h.next(0, 0, 288)).toBe(1);
    expect(createHazard(spec({ ratePerGpuHour: 0 }), 1).next(0, 1, 288)).toBe(Infinity);
  });

  it('follow a schedule of rates: a draw that outlasts a quiet stretch lands where the integral reaches it', () => {
    // 1e-3 per GPU-hour, then nothing from hour 10 to hour 20, then 1e-3 again.
    const h = createHazard(spec({ rateSteps: [{ tick: 36_000, ratePerGpuHour: 0 }, { tick: 72_000, ratePerGpuHour: 1e-3 }] }), 1);
    const perHour = 288 * 1e-3;
    // An Exp(1) draw worth 12 hours at the rate: 10 hours before the pause, 2 after it.
    // (To the tick: the draw's float may land a hair past a whole tick.)
    expect(Math.abs(h.next(0, 12 * perHour, 288) - (72_000 + 2 * 3600))).toBeLessThanOrEqual(1);
    expect(Math.abs(h.next(0, 5 * perHour, 288) - 5 * 3600)).toBeLessThanOrEqual(1);
    // A rate that falls to zero for good never fails again.
    expect(createHazard(spec({ rateSteps: [{ tick: 3600, ratePerGpuHour: 0 }] }), 1).next(0, 2 * perHour, 288)).toBe(Infinity);
  });

  it('follow a Weibull burn-in: the failure tick is the first whose integrated rate reaches the draw', () => {
    const scaleTicks = 10 * 86_400;
    const shape = 0.5;
    const installs = [{ tick: -86_400, racks: 4 }, { tick: 5 * 86_400, racks: 4 }];
    const h = createHazard(spec({ burnIn: { shape, scaleTicks, installs } }), 1);
    const base = 1e-3 / 3600;
    // The integral tick by tick, each tick's exactly: the racks installed by then, weighted by
    // their count, each adding base x (age / scale)^(shape - 1).
    const integrate = (from: number, to: number) => {
      let sum = 0;
      for (let t = from; t < to; t++) {
        const active = installs.filter((i) => i.tick <= t);
        const racks = active.reduce((a, i) => a + i.racks, 0);
        let extra = 0;
        for (const i of active) extra += (i.racks / racks) * (scaleTicks / shape) * (((t + 1 - i.tick) / scaleTicks) ** shape - ((t - i.tick) / scaleTicks) ** shape);
        sum += base * (1 + extra);
      }
      return sum;
    };
    for (const [from, e] of [[0, 0.5], [4 * 86_400, 1.3], [5 * 86_400 - 10, 2]] as const) {
      const t = h.next(from, e, 288);
      expect(integrate(from, t) * 288).toBeGreaterThanOrEqual(e * (1 - 1e-6));
      expect(integrate(from, t - 1) * 288).toBeLessThan(e);
    }
    // Early on the burn-in fails racks sooner than the steady rate would.
    expect(h.next(0, 1, 288)).toBeLessThan(createHazard(spec({}), 1).next(0, 1, 288));
  });

  it('stay paired across options: the same draws give later failures at a lower rate, in the same order', () => {
    const at = (ratePerGpuHour: number) =>
      aScenario({ end: '2026-08-30', failures: { ratePerGpuHour, restartMinutes: 5, causes: [{ name: 'x', share: 1, recovery: 'restart' }] }, runs: [aRun({ totalFlop: 1e26 })] });
    const first = (s: ReturnType<typeof at>) => simulateScenario(s, { seed: 7 }).runs[0]!.holds![0]!.stopTick!;
    expect(first(at(2e-3))).toBeCloseTo(first(at(1e-3)) / 2, -1);
  });

  it('make a fleet fail more in its burn-in, in a simulation: interruptions in the first and second months as the cumulative hazard says', () => {
    const scenario = aScenario({
      end: '2026-08-29',
      failures: { ratePerGpuHour: 1e-4, restartMinutes: 1, causes: [{ name: 'x', share: 1, recovery: 'restart' }], burnIn: { shape: 0.3, scaleDays: 10 } },
      runs: [aRun({ racks: 8, totalFlop: 1e27 })],
    });
    // H(days) in units of the steady rate: days + 10 / 0.3 x (days / 10)^0.3.
    const cumulative = (days: number) => days + (10 / 0.3) * (days / 10) ** 0.3;
    const ratio = cumulative(30) / (cumulative(59) - cumulative(30));
    let early = 0;
    let late = 0;
    for (let seed = 1; seed <= 10; seed++) {
      for (const h of simulateScenario(scenario, { seed }).runs[0]!.holds ?? []) {
        if (h.end !== 'failed') continue;
        if ((h.stopTick ?? 0) < 30 * 86_400) early++;
        else late++;
      }
    }
    expect(early / late).toBeGreaterThan(0.9 * ratio);
    expect(early / late).toBeLessThan(1.1 * ratio);
  });
});
