import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/errors.js';
import { parseScenario } from '../../src/scenario/load.js';
import { formatProblem } from '../../src/scenario/problems.js';
import { aWrittenScenario } from '../builders.js';

function problemsOf(overrides: object): string[] {
  try {
    parseScenario(JSON.stringify({ ...aWrittenScenario(), ...overrides }, null, 1), 'bad.json');
    return [];
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    return e.problems.map(formatProblem);
  }
}

describe('the scheduler and workload sections', () => {
  it('accept a complete, valid configuration', () => {
    expect(
      problemsOf({
        scheduler: { policy: 'priority', preemption: true, reservations: [{ run: 'run', racks: 4, from: '2026-07-02' }] },
        workload: { streams: [{ name: 'exp', ratePerDay: 2, racks: 1, durationHours: 1, precision: 'fp8', mfu: 0.3 }] },
      }),
    ).toEqual([]);
  });

  it('report every problem at once, each with its place and what was expected', () => {
    const problems = problemsOf({
      scheduler: { policy: 'backfill', preemption: true, reservations: [{ run: 'rnu', racks: 2, from: '2027-01-01' }] },
      workload: {
        streams: [
          { name: 'exp', ratePerDay: 2, racks: 1, precision: 'fp8', mfu: 0.3 },
          { name: 'exp', ratePerDay: 1e6, racks: 1, durationHours: 1, totalFlop: 1e20, precision: 'fp8', hourOfDay: Array(24).fill(0) },
        ],
      },
    });
    const text = problems.join('\n');
    expect(text).toMatch(/bad\.json:\d+:\d+: error: scheduler\.preemption: expected preemption only with policy: priority, found policy: backfill/);
    expect(text).toMatch(/scheduler\.reservations\[0\]\.run: expected the name of a run, found "rnu"; did you mean "run"\?/);
    expect(text).toMatch(/scheduler\.reservations\[0\]\.from: expected a date within 2026-07-01 \.\. 2026-07-30, found 2027-01-01/);
    expect(text).toMatch(/workload\.streams\[0\]\.durationHours: expected exactly one of durationHours or totalFlop/);
    expect(text).toMatch(/workload\.streams\[1\]\.name: expected a name not used by another run, stream or trace, found "exp"/);
    expect(text).toMatch(/workload\.streams\[1\]\.mfu: expected exactly one of mfu or achievedTflopsPerGpu/);
    expect(text).toMatch(/workload\.streams\[1\]\.hourOfDay: expected at least one weight above 0/);
    expect(text).toMatch(/workload\.streams: expected at most 500,000 jobs over the horizon/);
  });

  it('report a wrong shape with the keys it accepts', () => {
    const text = problemsOf({ scheduler: { policy: 'lottery' }, workload: { streams: [{ name: 'x', ratePerDay: -1, racks: 1, durationHours: 1, precision: 'fp8', mfu: 0.3, hourOfDay: [1, 2] }], trace: [] } }).join('\n');
    expect(text).toMatch(/scheduler\.policy: expected fifo, priority, backfill or fairshare/);
    expect(text).toMatch(/workload\.streams\[0\]\.ratePerDay: expected a positive arrival rate in jobs per day/);
    expect(text).toMatch(/workload\.streams\[0\]\.hourOfDay: expected 24 weights/);
    expect(text).toMatch(/workload\.trace.*did you mean "traces"/);
  });
});
