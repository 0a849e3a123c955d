import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.js';
import { drawInputs, realizeScenario } from '../../src/scenario/uncertainty.js';
import { ScenarioError } from '../../src/errors.js';
import { formatProblem } from '../../src/scenario/problems.js';
import { aRun, aWrittenScenario } from '../builders.js';

const load = (data: unknown, options = {}) => parseScenario(JSON.stringify(data), 'test.json', options);
const problems = (data: unknown) => {
  try {
    load(data);
  } catch (cause) {
    if (cause instanceof ScenarioError) return cause.problems.map(formatProblem);
    throw cause;
  }
  return [];
};

describe('uncertain inputs', () => {
  it('a distribution written where a number belongs becomes an input, at its median until drawn', () => {
    const loaded = load({ ...aWrittenScenario(), cluster: { racks: { distribution: 'uniform', min: 6, max: 12 } }, lease: { monthlyUsd: { distribution: 'triangular', min: 1e6, mode: 2e6, max: 4e6 } } });
    expect(loaded.uncertainty?.inputs.map((i) => [i.path, i.whole, i.low, i.high, i.nominal])).toEqual([
      ['cluster.racks', true, 6, 12, 9],
      ['lease.monthlyUsd', false, 1e6, 4e6, expect.closeTo(4e6 - Math.sqrt(0.5 * 3e6 * 2e6), 3)],
    ]);
    expect(loaded.scenario.cluster.maxRacks).toBe(9);
  });

  it('a scenario without one has no uncertainty', () => {
    expect(load(aWrittenScenario()).uncertainty).toBeNull();
  });

  it('draws are whole where the key takes whole numbers, and the same for the same seed and replication', () => {
    const loaded = load({ ...aWrittenScenario(), cluster: { racks: { distribution: 'uniform', min: 6, max: 12 } } });
    const inputs = loaded.uncertainty?.inputs ?? [];
    const draws = Array.from({ length: 200 }, (_, r) => drawInputs(inputs, 1, r)[0] as number);
    expect(draws.every((v) => Number.isInteger(v) && v >= 6 && v <= 12)).toBe(true);
    expect(new Set(draws).size).toBe(7);
    expect(drawInputs(inputs, 1, 5)).toEqual(drawInputs(inputs, 1, 5));
    const realized = realizeScenario(loaded.uncertainty!, [11]);
    expect(realized.scenario.cluster.maxRacks).toBe(11);
    expect(realized.written.cluster.racks).toBe(11);
  });

  it('a range that lets a draw break a rule is refused at load time, with the values that break it', () => {
    const found = problems({ ...aWrittenScenario(), cluster: { racks: { distribution: 'uniform', min: 2, max: 12 } }, runs: [aRun({ racks: 4 })] });
    expect(found).toEqual([expect.stringMatching(/runs\[0\]\.racks: expected at most 2 racks .*found 4 \(a draw can give cluster\.racks = 2\)/)]);
  });

  it('a draw outside the key\'s own bounds is refused (an MFU above 1)', () => {
    const found = problems({ ...aWrittenScenario(), runs: [aRun({ mfu: { distribution: 'lognormal', median: 0.4, p95: 0.6 } as never })] });
    expect(found.join('\n')).toMatch(/runs\[0\]\.mfu: expected a model FLOPs utilisation in \(0, 1\], found .* \(a draw can give runs\[0\]\.mfu = /);
    expect(problems({ ...aWrittenScenario(), runs: [aRun({ mfu: { distribution: 'lognormal', median: 0.4, p95: 0.6, max: 0.7 } as never })] })).toEqual([]);
  });

  it('a malformed distribution is placed at its own keys', () => {
    expect(problems({ ...aWrittenScenario(), lease: { monthlyUsd: { distribution: 'uniform', min: 5, max: 1 } } })).toEqual([expect.stringMatching(/^test.json:1:\d+: error: lease.monthlyUsd.max: expected max >= min \(5\), found 1$/)]);
    expect(problems({ ...aWrittenScenario(), lease: { monthlyUsd: { distribution: 'uniformm', min: 5, max: 1 } } })[0]).toMatch(/lease\.monthlyUsd.*expected distribution: fixed, uniform, triangular/);
  });

  it('the seed and the tick cannot be uncertain', () => {
    expect(problems({ ...aWrittenScenario(), seed: { distribution: 'uniform', min: 1, max: 5 } })[0]).toMatch(/seed: expected a whole-number seed/);
  });
});
