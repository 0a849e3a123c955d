import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/errors.js';
import { parseScenario } from '../../src/scenario/load.js';
import { formatProblem } from '../../src/scenario/problems.js';

const valid = `name: t
seed: 1
start: 2026-07-01
end: 2026-07-30
hardware:
  rack: gb300-nvl72
cluster:
  racks: 8
lease:
  monthlyUsd: 1000000
runs:
  - name: a
    racks: 4
    precision: fp8
    mfu: 0.4
    totalFlop: 1e22
`;

function problemsOf(text: string): string[] {
  try {
    parseScenario(text, 'bad.yaml');
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems.map(formatProblem);
    throw e;
  }
  throw new Error('expected the scenario to be rejected');
}

describe('parseScenario', () => {
  it('accepts a valid scenario and applies defaults', () => {
    const { scenario } = parseScenario(valid, 'ok.yaml');
    expect(scenario.tickSeconds).toBe(1);
    expect(scenario.horizonTicks).toBe(30 * 24 * 3600);
    expect(scenario.failures.ratePerGpuHour).toBe(2e-5);
    expect(scenario.failures.causes.reduce((a, c) => a + c.share, 0)).toBeCloseTo(1, 12);
    expect(scenario.runs[0]?.gpus).toBe(288);
  });

  it('accepts the same scenario as JSON', () => {
    const { scenario } = parseScenario(JSON.stringify(parseScenario(valid, 'ok.yaml').written), 'ok.json');
    expect(scenario.runs[0]?.totalFlop).toBe(1e22);
  });

  it('reports a wrong value with file, line, column, key path, the value found and what was expected', () => {
    expect(problemsOf(valid.replace('mfu: 0.4', 'mfu: 1.4'))).toEqual([
      'bad.yaml:15:10: error: runs[0].mfu: expected a model FLOPs utilisation in (0, 1], found 1.4',
    ]);
  });

  it('reports an unknown key at the key with a did-you-mean hint', () => {
    expect(problemsOf(valid.replace('  racks: 8', '  rakcs: 8\n  racks: 8'))).toEqual([
      'bad.yaml:8:3: error: cluster.rakcs: unknown key "rakcs"; did you mean "racks"?',
    ]);
  });

  it('reports every problem at once', () => {
    const text = valid.replace('precision: fp8', 'precision: fp16').replace('seed: 1', 'seed: -3').replace('monthlyUsd: 1000000', 'monthlyUsd: lots');
    const problems = problemsOf(text);
    expect(problems).toHaveLength(3);
    expect(problems).toContain('bad.yaml:2:7: error: seed: expected a whole-number seed >= 0, found -3');
    expect(problems).toContain('bad.yaml:10:15: error: lease.monthlyUsd: expected a monthly fee in USD >= 0, found "lots"');
    expect(problems.some((p) => p.includes('runs[0].precision: expected fp4, fp8 or bf16, found "fp16"'))).toBe(true);
  });

  it('reports a list where a mapping belongs', () => {
    expect(problemsOf('- 1\n- 2\n')).toEqual(['bad.yaml:1:1: error: expected a mapping, found a list of 2']);
  });

  it('reports a missing key at its parent', () => {
    expect(problemsOf(valid.replace('    precision: fp8\n', ''))).toEqual([
      'bad.yaml:12:5: error: runs[0].precision: expected fp4, fp8 or bf16; the key is missing',
    ]);
  });

  it('checks cross-field rules: a run larger than the cluster, an end before the start', () => {
    const problems = problemsOf(valid.replace('racks: 4', 'racks: 9').replace('end: 2026-07-30', 'end: 2026-06-30'));
    expect(problems).toEqual([
      "bad.yaml:4:6: error: end: expected a date on or after start (2026-07-01), found 2026-06-30",
      "bad.yaml:13:12: error: runs[0].racks: expected at most 8 racks (the cluster's 8 less 0 spares), found 9",
    ]);
  });

  it('names the catalog entries when the rack type is unknown', () => {
    const [problem] = problemsOf(valid.replace('gb300-nvl72', 'gb300-nvl27'));
    expect(problem).toContain('hardware.rack: unknown rack type "gb300-nvl27"');
    expect(problem).toContain('did you mean "gb300-nvl72"?');
  });

  it('rejects dates that do not exist and precisions the GPU lacks', () => {
    const text = valid.replace('rack: gb300-nvl72', 'rack: hgx-h100').replace('precision: fp8', 'precision: fp4').replace('end: 2026-07-30', 'end: 2026-02-30');
    const problems = problemsOf(text);
    expect(problems.some((p) => p.includes('end: expected a real calendar date, found "2026-02-30"'))).toBe(true);
    expect(problems.some((p) => p.includes('runs[0].precision: expected a precision the NVIDIA H100 SXM has (fp8, bf16), found fp4'))).toBe(true);
  });

  it('requires exactly one way of giving the work and the speed', () => {
    const problems = problemsOf(valid.replace('totalFlop: 1e22', 'totalFlop: 1e22\n    tokens: 1e12').replace('mfu: 0.4', 'mfu: 0.4\n    achievedTflopsPerGpu: 900'));
    expect(problems.some((p) => p.includes('expected exactly one of mfu or achievedTflopsPerGpu'))).toBe(true);
    expect(problems.some((p) => p.includes('expected one of totalFlop, activeParams and tokens (6ND), or computeDays'))).toBe(true);
  });

  it('reports YAML syntax errors with their place', () => {
    const [problem] = problemsOf('name: t\nseed: [1, 2\n');
    // YAML notices the unclosed list where the input ends.
    expect(problem).toMatch(/^bad\.yaml:3:1: error: invalid YAML: Flow sequence/);
  });

  it('reports an empty file as a missing scenario, not a crash', () => {
    expect(problemsOf('')).toEqual(['bad.yaml: error: the file is empty; expected a scenario (name, seed, start, end, hardware, cluster, lease, runs)']);
    expect(problemsOf('# only a comment\n')).toHaveLength(1);
  });

  it('warns about implausible values and refuses them under --strict', () => {
    const text = valid.replace('mfu: 0.4', 'mfu: 0.85');
    expect(parseScenario(text, 'w.yaml').warnings.map((w) => w.code)).toEqual(['implausible-mfu']);
    expect(() => parseScenario(text, 'w.yaml', { strict: true })).toThrow(ScenarioError);
  });
});
