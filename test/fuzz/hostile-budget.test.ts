import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../cli/helpers.js';
import { expectRefusal } from './hostile-helpers.js';
import { estimateWork } from '../../src/scenario/work-estimate.js';
import { loadScenario } from '../../src/scenario/load.js';

/**
 * Class 4 of the hostile corpus: valid input that would exhaust memory or run for hours. The work
 * budget refuses it before anything runs (exit 2), giving the estimate and the limit.
 */
const dir = 'test/fixtures/hostile/budget';
const home = tempDir();
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('hostile work: refused before it runs, with the estimate and the limit', () => {
  it('a century of a million busy racks: the memory a simulation would need', async () => {
    await expectRefusal(['run', join(dir, 'century-of-a-million-racks.yaml'), '--format', 'json', '--out', join(home, 'r.json')], {
      message: /century-of-a-million-racks\.yaml: error: one simulation is estimated to need [\d.]+ GiB of memory \(1 job, [\d.e+]+ events\); the limit is 2\.0 GiB per simulation/,
      unchanged: [home],
      within: 10_000,
    });
  });

  it('a stream just under the job cap that overloads its cluster: hours of work, which need --force', async () => {
    const stderr = await expectRefusal(['run', join(dir, 'stream-near-the-job-cap.yaml')], {
      message: /stream-near-the-job-cap\.yaml: error: the run is estimated to take [\d.]+ hours on 1 thread\(s\) .*; work over 1 hour needs --force/,
      within: 10_000,
    });
    expect(stderr).toMatch(/496,\d{3} jobs/);
  });

  it('compare, breakeven, a sweep of the decision and a run with a spot option preempted every minute: the spot simulation would not fit in memory', async () => {
    const file = join(dir, 'spot-preempted-every-minute.yaml');
    for (const argv of [
      ['compare', file, '--replications', '2'],
      ['breakeven', file, '--vary', 'cloud-price', '--between', 'lease,spot', '--replications', '2'],
      ['sweep', file, '--compare', '--set', 'cluster.racks=64,65', '--replications', '2'],
      // The table lists the alternatives at the run's seed: the options are simulated too.
      ['run', file],
    ]) {
      await expectRefusal(argv, { message: /spot-preempted-every-minute\.yaml: error: one simulation is estimated to need [\d.]+ GiB/, within: 10_000 });
    }
  });

  it('a Latin hypercube of 10^8 points is refused at the count, before a point is drawn', async () => {
    await expectRefusal(['sweep', 'scenarios/small.yaml', '--range', 'runs[0].mfu=0.3:0.5', '--lhs', '100000000'], {
      message: /error: --lhs: expected at most 10,000 sweep points \(each is loaded and checked before any runs\), found 100,000,000$/,
      placed: false,
      within: 5_000,
    });
  });

  it('many replications of a long scenario: the time on the threads it would get', async () => {
    await expectRefusal(['run', 'scenarios/colossus-2-150mw.yaml', '--replications', '100000', '--workers', '1'], { message: /colossus-2-150mw\.yaml: error: 100000 replications is estimated to take [\d.]+ (hours|days) on 1 thread/, within: 10_000 });
  });

  it('--workers 1000 for four replications runs on no more threads than cores or replications, and says so', async () => {
    const many = await runCli('run', 'scenarios/small.yaml', '--replications', '4', '--workers', '1000', '--format', 'json');
    expect(many.code).toBe(0);
    expect(many.stderr).toMatch(/^capsim: --workers 1000 capped at this machine's \d+ cores \(--force to run more threads than cores\)\n$/);
    const one = await runCli('run', 'scenarios/small.yaml', '--replications', '4', '--workers', '1', '--format', 'json');
    expect(many.stdout).toBe(one.stdout);
  });

  it('an alias bomb of one large list aliased 880 times (88 million nodes in 200 KB) is refused at its first alias', async () => {
    const file = join(home, 'wide-alias-bomb.yaml');
    writeFileSync(file, `values: &v [${Array.from({ length: 100_000 }, () => '1').join(',')}]\nruns: [${Array.from({ length: 880 }, () => '*v').join(',')}]\n`);
    await expectRefusal(['validate', file], { message: /wide-alias-bomb\.yaml:2:8: error: aliases expand to 88,000,000 more nodes, more than the 100,000 allowed/, within: 20_000 });
  });

  it('a file of 650,000 empty runs gets one line, not 1.8 million', async () => {
    const file = join(home, 'empty-runs.yaml');
    writeFileSync(file, `${readFileSync('scenarios/small.yaml', 'utf8').split('runs:')[0]}runs: [${Array.from({ length: 650_000 }, () => '{}').join(',')}]\n`);
    const stderr = await expectRefusal(['validate', file], { message: /empty-runs\.yaml:\d+:\d+: error: runs: expected at most 10,000 items in runs, found 650,000 \(named runs are planned one by one/, within: 60_000 });
    expect(stderr.split('\n').length).toBeLessThan(5);
  }, 90_000);

  it('prints at most 100 problems, then how many more', async () => {
    const file = join(home, 'many-problems.yaml');
    writeFileSync(file, `${readFileSync('scenarios/small.yaml', 'utf8').split('runs:')[0]}runs:\n${Array.from({ length: 500 }, (_, i) => `  - { name: r${i}, racks: 0, precision: fp8, mfu: 0.3, totalFlop: 1e21 }`).join('\n')}\n`);
    const stderr = await expectRefusal(['validate', file], { message: /runs\[0\]\.racks: expected a whole number of racks >= 1/ });
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(102);
    expect(lines[100]).toBe('... and 400 more problem(s) not listed (at most 100 are)');
    expect(lines[101]).toBe('500 error(s); nothing was written');
  });
});

describe('the work estimate', () => {
  it('sits above what the example scenarios take and within the limits, so none of them is refused', async () => {
    for (const file of ['colossus-2-reflection.yaml', 'mixed-backfill.yaml', 'colossus-2-150mw.yaml', 'lease-vs-cloud.yaml']) {
      const estimate = estimateWork((await loadScenario(join('scenarios', file))).scenario);
      expect(estimate.bytes, file).toBeLessThan(2 ** 30);
      expect(estimate.milliseconds, file).toBeLessThan(60_000);
      expect(estimate.events, file).toBeGreaterThan(1_000);
    }
  });

  it('counts the jobs of a stream from its rate and a queue that grows past full load', async () => {
    const { scenario } = await loadScenario(join(dir, 'stream-near-the-job-cap.yaml'));
    const estimate = estimateWork(scenario);
    expect(estimate.jobs).toBe(Math.round(1360 * 365));
    expect(estimate.load).toBeCloseTo((1360 * 8) / 24 / 100, 6);
  });
});
