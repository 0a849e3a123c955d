import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareOptions, compareOptionsOn } from '../../src/procurement/compare.js';
import { realizeOptions } from '../../src/procurement/options-model.js';
import { resolveOptions } from '../../src/procurement/resolve-options.js';
import { createRunner } from '../../src/montecarlo/pool.js';
import { parseScenario } from '../../src/scenario/load.js';
import { runCli, tempDir } from '../cli/helpers.js';
import { aRun, aWrittenScenario, provenance } from '../builders.js';

const small = readFileSync('scenarios/small.yaml', 'utf8');

function load(data: unknown) {
  const loaded = parseScenario(JSON.stringify(data), 'test.json');
  return { loaded, options: resolveOptions(loaded.written, loaded.scenario) };
}

const withOptions = (price: unknown) =>
  aWrittenScenario({
    end: '2026-08-31',
    failures: { ratePerGpuHour: 1e-4 },
    runs: [aRun({ name: 'a', racks: 6, totalFlop: 3e23, checkpoint: { intervalMinutes: 'auto' } }), aRun({ name: 'b', racks: 2, totalFlop: 1e23 })],
    options: [{ name: 'lease', kind: 'lease' }, { name: 'cloud', kind: 'on-demand', priceUsdPerGpuHour: price as number }],
  });

describe('reports with and without uncertain inputs', () => {
  it('without an uncertain input, every replication uses the loaded scenario and options themselves', () => {
    const { loaded, options } = load(withOptions(4));
    expect(loaded.uncertainty).toBeNull();
    const realized = realizeOptions({ ...loaded, options }, 1, 3);
    expect(realized.ctx.scenario).toBe(loaded.scenario);
    expect(realized.options[1]).toBe(options[1]);
  });

  it('a fixed distribution gives the costs of the plain number, to the bit', () => {
    const plain = load(withOptions(4));
    const fixed = load(withOptions({ distribution: 'fixed', value: 4 }));
    const a = compareOptions(plain.loaded, plain.options, { seed: 5, replications: 4 }, provenance);
    const b = compareOptions(fixed.loaded, fixed.options, { seed: 5, replications: 4 }, provenance);
    const strip = (o: (typeof a.options)[number]) => {
      const { inputRanking: _, ...rest } = o as typeof o & { inputRanking?: unknown };
      return rest;
    };
    expect(b.options.map(strip)).toEqual(a.options.map(strip));
    expect(b.uncertainInputs?.map((i) => i.path)).toEqual(['options[1].priceUsdPerGpuHour']);
    expect('uncertainInputs' in a).toBe(false);
  });

  it('compare on worker threads gives the bytes of compare in this thread, with uncertain inputs', async () => {
    const { loaded, options } = load(withOptions({ distribution: 'uniform', min: 2, max: 8 }));
    const settings = { seed: 9, replications: 6 };
    const here = compareOptions(loaded, options, settings, provenance);
    const runner = createRunner(2);
    const pooled = await compareOptionsOn(runner, loaded, options, settings, provenance).finally(() => runner.close());
    expect(JSON.stringify(pooled)).toBe(JSON.stringify(here));
  });

  it('run --replications names per-run metrics by run, gives finish dates as dates, and lists the uncertain inputs', async () => {
    const dir = tempDir();
    const file = join(dir, 'uncertain.yaml');
    writeFileSync(file, small.replace('restartMinutes: 10', 'restartMinutes: { distribution: fixed, value: { distribution: triangular, min: 5, mode: 10, max: 20 } }'));
    const { code, stdout, stderr } = await runCli('run', file, '--replications', '6', '--workers', '1', '--format', 'json', '--quiet');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { uncertainInputs: unknown; statistics: Record<string, Record<string, unknown>> };
    expect(report.uncertainInputs).toEqual([{ path: 'failures.restartMinutes.value', distribution: { distribution: 'triangular', min: 5, mode: 10, max: 20 }, whole: false, low: 5, high: 20 }]);
    expect(report.statistics['runs.pretrain.ettr']?.n).toBe(6);
    expect(report.statistics['inputs.failures.restartMinutes.value']?.min).toBeGreaterThanOrEqual(5);
    const finished = report.statistics['runs.pretrain.finished'] as Record<string, unknown>;
    expect(finished.unit).toBe('date');
    for (const k of ['p5', 'p50', 'p95', 'mean', 'min', 'max']) expect(finished[k]).toMatch(/^2026-07-\d{2}(T\d{2}:\d{2})?$/);
    expect(finished.p5 as string <= (finished.p95 as string)).toBe(true);
    expect(Object.keys(report.statistics).some((k) => k.startsWith('runs['))).toBe(false);
    const table = await runCli('run', file, '--replications', '3', '--workers', '1', '--quiet');
    expect(table.stdout).toContain('failures.restartMinutes.value: triangular (mode 10), draws 5 .. 20');
  });

  it('a --metric that matches nothing is refused with the closest names, before anything runs', async () => {
    const { code, stderr } = await runCli('run', 'scenarios/small.yaml', '--replications', '2', '--workers', '1', '--metric', 'runs[0].ettr', '--quiet');
    expect(code).toBe(2);
    expect(stderr).toMatch(/--metric: no metric matches "runs\[0\]\.ettr"; the closest are runs\.\w+\.ettr/);
    const sweep = await runCli('sweep', 'scenarios/small.yaml', '--set', 'cluster.racks=8', '--replications', '1', '--metric', 'cluster.utilisation', '--quiet');
    expect(sweep.code).toBe(2);
    expect(sweep.stderr).toContain('the closest are cluster.utilization');
  });

  it('a run sized as a share of the cluster grows with it, and computeDays gives it work in proportion', () => {
    const data = (racks: number) => aWrittenScenario({ cluster: { racks, spareRacks: 2 }, runs: [aRun({ racks: '50%', totalFlop: undefined, computeDays: 3 } as never)] });
    const at = (racks: number) => parseScenario(JSON.stringify(data(racks)), 't.json').scenario.runs[0];
    expect(at(10)?.racks).toBe(4);
    expect(at(22)?.racks).toBe(10);
    // 3 days of its GPUs at FP8 x MFU 0.4 = 2,000 TFLOP/s each.
    expect(at(22)?.totalFlop).toBe(10 * 72 * 2000e12 * 3 * 86_400);
    expect(() => parseScenario(JSON.stringify({ ...data(10), runs: [aRun({ racks: '0%' } as never)] }), 't.json')).toThrow();
  });

  it('spare racks written as a share keep the spare pool in proportion to the racks drawn', () => {
    const data = (racks: number, spareRacks: number | string) => aWrittenScenario({ cluster: { racks, spareRacks }, runs: [aRun({ racks: '90%' } as never)] } as never);
    const at = (racks: number, spare: number | string) => parseScenario(JSON.stringify(data(racks, spare)), 't.json').scenario;
    expect(at(278, '5%').cluster.spareRacks).toBe(14);
    expect(at(919, '5%').cluster.spareRacks).toBe(46);
    // The run's share is of the racks less the spares: 90% of 873.
    expect(at(919, '5%').runs[0]?.racks).toBe(786);
    expect(at(919, 46).runs[0]?.racks).toBe(786);
    for (const bad of ['100%', '-5%', 'five%']) {
      const problems = (() => {
        try {
          at(10, bad);
          return [];
        } catch (e) {
          return (e as { problems?: Array<{ path: unknown[]; message: string }> }).problems ?? [];
        }
      })();
      expect(problems.map((p) => [p.path.join('.'), p.message]), bad).toEqual([['cluster.spareRacks', expect.stringMatching(/^expected (a whole number of racks >= 0, or a share of the racks such as 5%|a share of the racks below 100%)/)]]);
    }
  });
});
