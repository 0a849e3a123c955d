import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/errors.js';
import { loadScenario, parseScenario } from '../../src/scenario/load.js';
import { formatProblem } from '../../src/scenario/problems.js';

const dir = 'test/fixtures/extends';

async function problemsOf(path: string): Promise<string[]> {
  try {
    await loadScenario(path);
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems.map(formatProblem);
    throw e;
  }
  throw new Error('expected the scenario to be refused');
}

describe('extends', () => {
  it('resolves relative to the including file and merges mappings key by key', async () => {
    const { written } = await loadScenario(`${dir}/variants/bigger.yaml`);
    expect(written.name).toBe('bigger');
    expect(written.cluster).toEqual({ racks: 16, spareRacks: 1 });
    expect(written.failures).toEqual({ ratePerGpuHour: 2.0e-5, restartMinutes: 20 });
    expect(written.lease.monthlyUsd).toBe(1_000_000);
  });

  it('takes an absolute path as written, wherever the including file is', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join, resolve } = await import('node:path');
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'capsim-extends-')), 'absolute.yaml');
    writeFileSync(elsewhere, `extends: ${resolve(dir, 'variants/bigger.yaml')}\nseed: 11\n`);
    const { written } = await loadScenario(elsewhere);
    expect(written.name).toBe('bigger');
    expect(written.seed).toBe(11);
  });

  it('replaces lists whole: runs are never concatenated', async () => {
    const { written } = await loadScenario(`${dir}/variants/bigger.yaml`);
    expect(written.runs?.map((r) => r.name)).toEqual(['only-run']);
  });

  it('removes an included key set to null, through a chain of two files', async () => {
    const { scenario, written } = await loadScenario(`${dir}/variants/phased.yaml`);
    expect(written.cluster.racks).toBeUndefined();
    expect(scenario.cluster.phases.map((p) => p.racks)).toEqual([8, 16]);
    expect(written.failures?.restartMinutes).toBe(20);
  });

  it('applies a list of bases in order, then the including file', async () => {
    const { written } = await loadScenario(`${dir}/layered.yaml`);
    expect(written.name).toBe('bigger');
    expect(written.seed).toBe(7);
    expect(written.cluster.racks).toBe(16);
  });

  it('points each problem at the file its value came from', async () => {
    const problems = await problemsOf(`${dir}/variants/broken-child.yaml`);
    expect(problems).toEqual([
      `${dir}/variants/broken-child.yaml:4:10: error: cluster.racks: expected a whole number >= 1, found -3`,
      `${dir}/variants/broken-child.yaml:6:15: error: lease.monthlyUsd: expected a monthly fee in USD >= 0, found "lots"`,
    ]);
  });

  it('points a problem in an inherited value at the base file', async () => {
    const problems = await problemsOf('test/fixtures/hostile/extends-broken-base.yaml');
    expect(problems[0]).toMatch(/^test\/fixtures\/hostile\/wrong-types\.yaml:3:7: error: seed: /);
    expect(problems.some((p) => p.startsWith('test/fixtures/hostile/extends-broken-base.yaml'))).toBe(false);
  });

  it('reports a cycle with its chain, at the extends that closes it', async () => {
    expect(await problemsOf('test/fixtures/hostile/extends-cycle-a.yaml')).toEqual([
      'test/fixtures/hostile/extends-cycle-b.yaml:2:10: error: extends: extends forms a cycle: test/fixtures/hostile/extends-cycle-a.yaml -> test/fixtures/hostile/extends-cycle-b.yaml -> test/fixtures/hostile/extends-cycle-a.yaml',
    ]);
  });

  it('cannot be resolved from text alone', () => {
    expect(() => parseScenario('extends: base.yaml\nname: x\n', 'text.yaml')).toThrow(ScenarioError);
  });

  it('keeps a __proto__ key in an included file an own key, caught as unknown, not a prototype', async () => {
    const problems = await problemsOf('test/fixtures/hostile/proto-keys.yaml');
    expect(problems.some((p) => p.includes('cluster.__proto__: unknown key'))).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
