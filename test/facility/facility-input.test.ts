import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { aScenario } from '../builders.js';
import { problemsOf } from './problems-of.js';

describe('facility input', () => {
  it('reports every problem of a bad facility section at once, each with its place and the value found', () => {
    const problems = problemsOf(
      {
        site: 'memphs',
        supply: { gridMw: -5, gridSteps: [{ from: '2026-07-20', gridMw: 10 }, { from: '2026-07-10', gridMw: 20 }] },
        cooling: { plant: 'ice', racksPerCdu: 0 },
        policy: 'throttle',
        weather: { file: 'weather.txt' },
        itt: {},
      },
      { tickMinutes: 7 },
    );
    const all = problems.join('\n');
    expect(all).toMatch(/bad\.yaml:\d+:\d+: error: facility\.supply\.gridMw: expected grid contract MW >= 0/);
    expect(all).toMatch(/facility\.cooling\.plant: expected air-chillers or cooling-towers/);
    expect(all).toMatch(/facility\.policy: expected cap \(uniform GPU power cap\) or shed/);
    expect(all).toMatch(/facility\.itt: unknown key "itt"; did you mean "it"\?/);
    expect(all).toMatch(/facility\.cooling\.racksPerCdu/);
    // Shape errors stop before the cross-field rules; those are checked once the shape is right.
    const rules = problemsOf(
      { site: 'memphs', supply: { gridMw: 5, gridSteps: [{ from: '2026-07-20', gridMw: 10 }, { from: '2026-07-10', gridMw: 20 }] }, weather: { file: 'weather.txt' } },
      { tickMinutes: 7 },
    ).join('\n');
    expect(rules).toMatch(/facility\.site: unknown site "memphs"; expected one of memphis, cheyenne; did you mean "memphis"\?/);
    expect(rules).toMatch(/tickMinutes: expected a tick that divides an hour .* found 7/);
    expect(rules).toMatch(/facility\.supply\.gridSteps\[1\]\.from: expected a date after the previous step, found 2026-07-10/);
    expect(rules).toMatch(/facility\.weather\.file: expected a \.csv or \.epw weather file, found "weather\.txt"/);
  });

  it('accepts a minimal facility: a site by default, a grid and nothing else', () => {
    expect(problemsOf({ supply: { gridMw: 5 } })).toEqual([]);
  });

  it('gives the same facility series for the same seed and replication, and other weather for another replication', () => {
    const scenario = aScenario({ facility: { supply: { gridMw: 5 } } });
    const a = simulateScenario(scenario).facility;
    const b = simulateScenario(scenario).facility;
    const c = simulateScenario(scenario, { replication: 1 }).facility;
    expect(Array.from(a?.facilityMw ?? [])).toEqual(Array.from(b?.facilityMw ?? []));
    expect(Array.from(a?.dryBulbC ?? [])).toEqual(Array.from(b?.dryBulbC ?? []));
    expect(Array.from(a?.dryBulbC ?? [])).not.toEqual(Array.from(c?.dryBulbC ?? []));
  });

  it('adding a turbine leaves the weather where it was (each process has its own stream)', () => {
    const without = simulateScenario(aScenario({ facility: { supply: { gridMw: 5 } } })).facility;
    const withTurbine = simulateScenario(aScenario({ facility: { supply: { gridMw: 5, turbines: { units: 2, unitMw: 1 } } } })).facility;
    expect(Array.from(withTurbine?.dryBulbC ?? [])).toEqual(Array.from(without?.dryBulbC ?? []));
  });

  it('leaves a scenario without a facility exactly as it was: no facility record, no facility section', () => {
    const record = simulateScenario(aScenario());
    expect(record.facility).toBeUndefined();
  });
});
