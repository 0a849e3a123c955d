import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { summarize } from '../../src/reports/summary.js';
import { aRun, aScenario, provenance } from '../builders.js';

// Found by the property suite: completion is rounded up to a whole tick, so a run that finishes
// in the horizon's last tick was closed at the horizon with a fraction of a tick too much work.
describe('a run whose completion falls on the end of the horizon', () => {
  // 30 days at 1-hour ticks = 720 ticks; one GB300 rack at FP8, MFU 0.4: 72 x 5,000e12 x 0.4 x
  // 3,600 = 5.184e20 FLOP per tick; 719.5 ticks of work completes at tick 720, the horizon's end.
  const flopPerTick = 72 * 5_000e12 * 0.4 * 3_600;
  const scenario = aScenario({ tickMinutes: 60, runs: [aRun({ racks: 1, totalFlop: 719.5 * flopPerTick })] });

  it('reports progress 1, not more', () => {
    expect(scenario.horizonTicks).toBe(720);
    const record = simulateScenario(scenario);
    const run = record.runs[0];
    expect(run?.doneFlop).toBe(run?.totalFlop);
    expect(summarize(record, provenance).runs[0]?.progress).toBe(1);
  });

  it('still counts every tick it held its rack', () => {
    expect(simulateScenario(scenario).runs[0]?.productiveRackTicks).toBe(720);
  });
});
