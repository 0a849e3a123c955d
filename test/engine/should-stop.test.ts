import { describe, expect, it } from 'vitest';
import { SimulationStopped } from '../../src/engine/simulate.js';
import { simulateScenario as simulate } from '../../src/simulation/simulate-scenario.js';
import { aRun, aScenario } from '../builders.js';

// A year of failures on 64 racks: tens of thousands of steps, so the loop asks shouldStop often.
const busy = aScenario({
  start: '2026-01-01',
  end: '2026-12-31',
  cluster: { racks: 64 },
  failures: { ratePerGpuHour: 1e-3 },
  runs: [aRun({ racks: 60, totalFlop: 1e30 })],
});

describe('simulate() stops when asked', () => {
  it('throws SimulationStopped once shouldStop says so, after a few thousand steps at most', () => {
    let asked = 0;
    expect(() => simulate(busy, { shouldStop: () => (asked += 1) >= 2 })).toThrow(SimulationStopped);
    expect(asked).toBe(2);
  });

  it('gives the same record when shouldStop always says go on', () => {
    let asked = 0;
    const stopped = simulate(busy, { shouldStop: () => ((asked += 1), false) });
    expect(asked).toBeGreaterThan(2);
    expect(JSON.stringify(stopped)).toBe(JSON.stringify(simulate(busy)));
  });
});
