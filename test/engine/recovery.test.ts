import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { renewalEttr } from '../../src/model/checkpoint.js';
import { ettr } from '../../src/reports/metrics.js';
import type { WrittenScenario } from '../../src/scenario/schema.js';
import { aRun, aScenario } from '../builders.js';

type Failures = NonNullable<WrittenScenario['failures']>;

// 288 GPUs at 1e-3 per GPU-hour: λ = 0.0048 per minute; checkpoints every 30 minutes, 2-minute writes.
const lambda = (288 * 1e-3) / 60;
const seeds = Array.from({ length: 40 }, (_, i) => i + 1);

function failing(failures: Omit<Failures, 'ratePerGpuHour'>, rate = 1e-3) {
  return aScenario({
    end: '2026-12-31',
    failures: { ratePerGpuHour: rate, ...failures },
    runs: [aRun({ totalFlop: 2e24, checkpoint: { intervalMinutes: 30, writeMinutes: 2 } })],
  });
}

function meanEttr(scenario: ReturnType<typeof aScenario>, n = seeds.length): number {
  let sum = 0;
  for (const seed of seeds.slice(0, n)) {
    const run = simulateScenario(scenario, { seed, timeline: false }).runs[0];
    if (!run || run.status !== 'completed') throw new Error('run should complete');
    sum += ettr(run, scenario.horizonTicks) ?? 0;
  }
  return sum / n;
}

describe('restarts drawn from a distribution', () => {
  it('give the exact renewal ETTR with the restart Laplace transform: exponential restarts of mean 10 minutes', () => {
    const scenario = failing({ restartMinutes: { distribution: 'exponential', mean: 10 }, causes: [{ name: 'any', share: 1, recovery: 'restart' }] });
    // E[e^(-λR)] for R ~ Exp(mean 10) is 1 / (1 + 10 λ).
    const exact = renewalEttr(30, 2, lambda, 1 / (1 + 10 * lambda));
    expect(Math.abs(meanEttr(scenario) / exact - 1)).toBeLessThan(0.005);
  });

  it('and uniform restarts of 0 to 40 minutes, whose mean is not what matters but its transform', () => {
    const scenario = failing({ restartMinutes: { distribution: 'uniform', min: 0, max: 40 }, causes: [{ name: 'any', share: 1, recovery: 'restart' }] });
    const laplace = (1 - Math.exp(-40 * lambda)) / (40 * lambda);
    expect(Math.abs(meanEttr(scenario) / renewalEttr(30, 2, lambda, laplace) - 1)).toBeLessThan(0.005);
    // A fixed 20-minute restart has the same mean and keeps a little less.
    expect(renewalEttr(30, 2, lambda, laplace)).toBeGreaterThan(renewalEttr(30, 2, lambda, Math.exp(-20 * lambda)));
  });

  it("pay the cause's own restart, plus a swap for a cause recovered from a hot spare, and no repair", () => {
    const fixed = (value: number) => ({ distribution: 'fixed' as const, value });
    const run = (recovery: 'restart' | 'swap' | 'repair') =>
      simulateScenario(
        failing({ restartMinutes: 10, causes: [{ name: 'c', share: 1, recovery, restartMinutes: fixed(4), ...(recovery === 'swap' ? { swapMinutes: fixed(3) } : {}), ...(recovery === 'repair' ? { repairHours: fixed(1) } : {}) }] }),
        { seed: 5 },
      );
    const restart = run('restart');
    const swap = run('swap');
    const repair = run('repair');
    const perInterruption = (r: ReturnType<typeof run>) => r.runs[0]!.restartRackTicks / 4 / r.runs[0]!.interruptions;
    // Restarts can themselves be cut short by a failure: each paid restart is at most its minutes.
    expect(perInterruption(restart)).toBeLessThanOrEqual(4 * 60);
    expect(perInterruption(restart)).toBeGreaterThan(0.95 * 4 * 60);
    expect(perInterruption(swap)).toBeGreaterThan(0.95 * 7 * 60);
    expect(perInterruption(swap)).toBeLessThanOrEqual(7 * 60);
    for (const r of [restart, swap]) expect(r.months.reduce((a, m) => a + m.downRackTicks, 0)).toBe(0);
    // A repair takes the failed rack out for an hour each time; the run restarts on the other racks.
    const holds = repair.runs[0]?.holds ?? [];
    expect(holds.filter((h) => h.end === 'failed').every((h) => h.repairTicks === 3600)).toBe(true);
    expect(repair.months.reduce((a, m) => a + m.downRackTicks, 0)).toBeGreaterThan(0);
  });

  it('draw from the run\'s own stream: the restarts of one run do not move when another run is added', () => {
    const one = failing({ restartMinutes: { distribution: 'exponential', mean: 10 }, causes: [{ name: 'any', share: 1, recovery: 'restart' }] });
    const two = aScenario({
      end: '2026-12-31',
      failures: { ratePerGpuHour: 1e-3, restartMinutes: { distribution: 'exponential', mean: 10 }, causes: [{ name: 'any', share: 1, recovery: 'restart' }] },
      runs: [aRun({ totalFlop: 2e24, checkpoint: { intervalMinutes: 30, writeMinutes: 2 } }), aRun({ name: 'other', racks: 4, totalFlop: 1e24 })],
    });
    const a = simulateScenario(one, { seed: 3 }).runs[0]!;
    const b = simulateScenario(two, { seed: 3 }).runs[0]!;
    expect(b.holds?.map((h) => h.anchorTick - h.startTick)).toEqual(a.holds?.map((h) => h.anchorTick - h.startTick));
  });
});

describe('hangs', () => {
  it('lose the watchdog timeout on top of the work since the last checkpoint: the exact renewal ETTR with E[D]', () => {
    const scenario = failing({ restartMinutes: 10, hangDetectionMinutes: 15, causes: [{ name: 'stall', share: 1, recovery: 'restart', hang: true }] });
    const exact = renewalEttr(30, 2, lambda, Math.exp(-10 * lambda), 15);
    expect(Math.abs(meanEttr(scenario) / exact - 1)).toBeLessThan(0.005);
  });

  it('hold the racks for exactly the timeout, counted as lost and as hung, for a share of the failures', () => {
    const scenario = failing({ restartMinutes: 10, hangDetectionMinutes: 15, causes: [{ name: 'stall', share: 1, recovery: 'restart', hang: true }, { name: 'crash', share: 3, recovery: 'restart' }] });
    const run = simulateScenario(scenario, { seed: 2 }).runs[0]!;
    const stalls = run.interruptionsByCause['stall'] ?? 0;
    expect(stalls).toBeGreaterThan(10);
    expect(run.hungRackTicks).toBe(stalls * 15 * 60 * 4);
    expect(run.lostRackTicks).toBeGreaterThan(run.hungRackTicks ?? 0);
    const hung = (run.holds ?? []).filter((h) => h.hangTick !== null);
    expect(hung).toHaveLength(stalls);
    expect(hung.every((h) => (h.stopTick ?? 0) - (h.hangTick ?? 0) === 900 && h.cause === 'stall')).toBe(true);
  });
});

describe('silent data corruption', () => {
  it('rolls back the given number of checkpoints: the run computes them again, and they count as lost', () => {
    const rollback = (rollbackCheckpoints: number) =>
      simulateScenario(failing({ restartMinutes: 10, causes: [{ name: 'sdc', share: 1, recovery: 'restart', rollbackCheckpoints }] }, 2e-4), { seed: 4 }).runs[0]!;
    const none = rollback(0);
    const two = rollback(2);
    const computeTicks = Math.ceil(2e24 / (288 * 2000e12));
    for (const r of [none, two]) {
      expect(r.status).toBe('completed');
      // Every compute tick the work needs is productive once; what was rolled back is lost.
      expect(r.productiveRackTicks).toBe(4 * computeTicks);
    }
    const rolledBack = (two.holds ?? []).reduce((a, h) => a + h.rollbackTicks, 0);
    expect(rolledBack).toBeGreaterThan(0);
    expect((two.holds ?? []).every((h) => h.rollbackTicks <= 2 * 30 * 60)).toBe(true);
    expect(two.lostRackTicks).toBeGreaterThan(none.lostRackTicks);
  });
});
