import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { summarize } from '../../src/reports/summary.js';
import { renderJson } from '../../src/reports/table.js';
import { aRun, aScenario, provenance } from '../builders.js';

const failing = { ratePerGpuHour: 3e-4, restartMinutes: 10 };
const json = (seed: number, runs = [aRun({ name: 'a', totalFlop: 5e23 }), aRun({ name: 'b', racks: 2, totalFlop: 2e23 })]) =>
  renderJson(summarize(simulateScenario(aScenario({ failures: failing, runs }), { seed }), provenance));

describe('determinism', () => {
  it('the same seed gives byte-identical JSON', () => {
    expect(json(7)).toBe(json(7));
  });

  it('two seeds give different results', () => {
    expect(json(7)).not.toBe(json(8));
  });

  it("adding a run leaves another run's failure stream where it was", () => {
    // The cluster has room for both at all times, so 'a' never waits; its failures must not move.
    const checkpoint = { intervalMinutes: 30, writeMinutes: 1 };
    const a = aRun({ name: 'a', totalFlop: 5e23, checkpoint });
    const alone = simulateScenario(aScenario({ cluster: { racks: 16 }, failures: failing, runs: [a] }), { seed: 3 });
    const withOther = simulateScenario(
      aScenario({ cluster: { racks: 16 }, failures: failing, runs: [aRun({ name: 'z', racks: 4, totalFlop: 1e23, checkpoint }), a] }),
      { seed: 3 },
    );
    expect(withOther.runs.find((r) => r.name === 'z')?.interruptions).toBeGreaterThan(0);
    const a1 = alone.runs.find((r) => r.name === 'a');
    const a2 = withOther.runs.find((r) => r.name === 'a');
    expect(a1?.interruptions).toBeGreaterThan(0);
    expect(a2?.interruptions).toBe(a1?.interruptions);
    expect(a2?.interruptionsByCause).toEqual(a1?.interruptionsByCause);
    expect(a2?.endTick).toBe(a1?.endTick);
  });
});
