import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.js';
import { runBlock } from '../../src/montecarlo/run-block.js';
import { SummaryAccumulator } from '../../src/montecarlo/summary-accumulator.js';

// One run that never finishes holds 2 racks (144 GPUs) for the whole 14-day horizon; its only
// failure cause needs no repair, so it restarts at once and is exposed all the time. Its
// interruptions are then Poisson with mean GPUs x rate x hours, a closed form.
const gpus = 144;
const ratePerGpuHour = 1e-4;
const hours = 14 * 24;
const knownMean = gpus * ratePerGpuHour * hours; // 4.84
const scenario = parseScenario(
  [
    'name: coverage', 'seed: 11', 'start: 2026-07-01', 'end: 2026-07-14', 'hardware: { rack: gb300-nvl72 }', 'cluster: { racks: 2 }',
    `failures: { ratePerGpuHour: ${ratePerGpuHour}, restartMinutes: 10, causes: [{ name: software, share: 1, repairHours: 0 }] }`,
    'lease: { monthlyUsd: 1000000 }', 'runs:', '  - { name: endless, racks: 2, precision: fp8, mfu: 0.3, totalFlop: 1e30 }', '',
  ].join('\n'),
  'coverage.yaml',
).scenario;

function interruptionStatistics(from: number, to: number) {
  const block = runBlock({ scenario, seed: 11, from, to, provenance: { version: 'test', scenarioHash: 'test' } });
  const stats = new Map(SummaryAccumulator.fromData(block.accumulator).statistics());
  const s = stats.get('runs.endless.interruptions');
  if (!s || 'unit' in s) throw new Error('runs.endless.interruptions has no statistics');
  return s;
}

describe('the 95% interval of a simulated mean', () => {
  it('centres on the closed-form mean of a Poisson count of interruptions', () => {
    const s = interruptionStatistics(0, 2000);
    // Poisson: the standard error of the mean of 2,000 draws is sqrt(4.84 / 2000) = 0.049.
    expect(Math.abs(s.mean - knownMean)).toBeLessThan(4 * Math.sqrt(knownMean / 2000));
    expect((s.sd as number) ** 2).toBeCloseTo(knownMean, 0);
  });

  it('covers the known mean in about 95% of 300 experiments of 30 replications each (binomial tolerance)', () => {
    const experiments = 300;
    const n = 30;
    let covered = 0;
    for (let e = 0; e < experiments; e += 1) {
      const s = interruptionStatistics(e * n, (e + 1) * n);
      if ((s.ci95Low as number) <= knownMean && knownMean <= (s.ci95High as number)) covered += 1;
    }
    // Binomial(300, 0.95): mean 285, sd 3.8. Four sd either side; a t interval on a skewed count
    // covers a little under 95%, well inside this band, while a wrong width (z instead of t, or sd
    // instead of the standard error) falls outside it.
    const sd = Math.sqrt(experiments * 0.95 * 0.05);
    expect(covered).toBeGreaterThan(285 - 4 * sd);
    expect(covered).toBeLessThan(285 + 4 * sd);
  });
});
