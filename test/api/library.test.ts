import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compare, formatProblem, loadScenario, replicate, ScenarioError, simulate, summarize, sweep, type LoadedScenario, type LoadResult } from '../../src/index.js';
import { runCli } from '../cli/helpers.js';
import { aWrittenScenario } from '../builders.js';

const small = readFileSync('scenarios/small.yaml', 'utf8');

function valid(result: LoadResult): LoadedScenario {
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result;
}

/** What a command prints with --format json (the CLI and the library report the same version). */
async function cliJson(...argv: string[]): Promise<unknown> {
  const { code, stdout, stderr } = await runCli(...argv);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout);
}

describe('loadScenario', () => {
  it('loads the same scenario from a file, from its text and from its data', async () => {
    const fromFile = valid(await loadScenario('scenarios/small.yaml'));
    const fromText = valid(await loadScenario({ text: small }));
    const fromData = valid(await loadScenario({ data: fromFile.written }));
    expect(fromText.scenario).toEqual(fromFile.scenario);
    expect(fromData.scenario).toEqual(fromFile.scenario);
  });

  it('returns every problem of invalid text as data, placed at line and column, without throwing', async () => {
    const result = await loadScenario({ text: small.replace('racks: 8', 'racks: 0').replace('mfu: 0.35', 'mfu: 2'), file: 'mine.yaml' });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems.map(formatProblem);
    expect(problems).toEqual([
      'mine.yaml:14:10: error: cluster.racks: expected a whole number >= 1, found 0',
      'mine.yaml:29:10: error: runs[0].mfu: expected a model FLOPs utilisation in (0, 1], found 2',
    ]);
  });

  it('returns the problems of invalid data at their key paths, and of a missing file', async () => {
    const data = await loadScenario({ data: aWrittenScenario({ cluster: { racks: -1 }, seed: 1.5 }) });
    expect(data.ok ? [] : data.problems.map(formatProblem).sort()).toEqual([
      '<data>: error: cluster.racks: expected a whole number >= 1, found -1',
      '<data>: error: seed: expected a whole-number seed, found 1.5',
    ]);
    const missing = await loadScenario('scenarios/no-such.yaml');
    expect(missing.ok ? [] : missing.problems.map(formatProblem)).toEqual(['scenarios/no-such.yaml: error: cannot read scenario: no such file']);
    const notAnObject = await loadScenario({ data: 'a scenario' });
    expect(notAnObject.ok).toBe(false);
  });

  it('refuses extends in data (there is no file to resolve it from), and resolves it in text from the named folder', async () => {
    const data = await loadScenario({ data: { ...aWrittenScenario(), extends: 'base.yaml' } });
    expect(data.ok ? [] : data.problems.map((p) => p.code)).toEqual(['extends-needs-file']);
    const text = await loadScenario({ text: 'extends: base.yaml\nname: child\n', file: 'test/fixtures/extends/child.yaml' });
    expect(valid(text).scenario.name).toBe('child');
  });

  it('turns warnings into problems under strict', async () => {
    const implausible = aWrittenScenario({ runs: [{ name: 'a', racks: 4, precision: 'fp8', mfu: 0.95, totalFlop: 1e22 }] });
    expect(valid(await loadScenario({ data: implausible })).warnings.map((w) => w.code)).toEqual(['implausible-mfu']);
    expect((await loadScenario({ data: implausible }, { strict: true })).ok).toBe(false);
  });
});

describe('simulate, summarize, replicate, compare and sweep', () => {
  it('summarize(simulate()) is the report capsim run --format json prints', async () => {
    const loaded = valid(await loadScenario('scenarios/small.yaml'));
    expect(summarize(simulate(loaded), loaded)).toEqual(await cliJson('run', 'scenarios/small.yaml', '--format', 'json'));
    expect(summarize(simulate(loaded, { seed: 9 }), loaded)).toEqual(await cliJson('run', 'scenarios/small.yaml', '--format', 'json', '--seed', '9'));
    expect(summarize(simulate(loaded, { replication: 1 }), loaded).capsim.replication).toBe(1);
  });

  it('replicate gives the statistics of capsim run --replications, the same in this thread and on a pool', async () => {
    const loaded = valid(await loadScenario('scenarios/small.yaml'));
    const inProcess = await replicate(loaded, { replications: 6, metrics: ['cluster'] });
    const pooled = await replicate(loaded, { replications: 6, workers: 2, metrics: ['cluster'] });
    expect(pooled).toEqual(inProcess);
    expect(inProcess).toEqual(await cliJson('run', 'scenarios/small.yaml', '-r', '6', '-w', '1', '--metric', 'cluster', '--format', 'json'));
    await expect(replicate(loaded, { replications: 0 })).rejects.toThrow(RangeError);
  });

  it('compare gives what capsim compare --format json prints', async () => {
    const loaded = valid(await loadScenario('scenarios/small.yaml'));
    expect(await compare(loaded, { replications: 2 })).toEqual(await cliJson('compare', 'scenarios/small.yaml', '-r', '2', '--format', 'json'));
  });

  it('sweep gives what capsim sweep --format json prints, from a file and from data alike', async () => {
    const loaded = valid(await loadScenario('scenarios/small.yaml'));
    const options = { set: { 'cluster.racks': [8, 10] }, replications: 2 };
    const fromFile = await sweep(loaded, options);
    expect(fromFile).toEqual(await cliJson('sweep', 'scenarios/small.yaml', '--set', 'cluster.racks=8,10', '-r', '2', '-w', '1', '--format', 'json'));
    const fromData = await sweep(valid(await loadScenario({ data: loaded.written })), options);
    expect(fromData.points).toEqual(fromFile.points);
  });

  it('sweep throws ScenarioError with every problem: a point that is not valid, a bad key path, a range without lhs', async () => {
    const loaded = valid(await loadScenario('scenarios/small.yaml'));
    const point = await sweep(loaded, { set: { 'cluster.racks': [0] }, replications: 1 }).catch((e: unknown) => e);
    expect(point).toBeInstanceOf(ScenarioError);
    expect((point as ScenarioError).problems.map(formatProblem)).toEqual([
      'scenarios/small.yaml:14:10: error: cluster.racks: expected a whole number >= 1, found 0 (sweep point 0: cluster.racks=0)',
    ]);
    const axes = await sweep(loaded, { set: { 'cluster racks': [1] }, ranges: { 'runs[0].mfu': [0.5, 0.3] }, replications: 1 }).catch((e: unknown) => e);
    expect((axes as ScenarioError).problems.map((p) => p.code).sort()).toEqual(['sweep-lhs', 'sweep-path', 'sweep-range']);
  });
});
