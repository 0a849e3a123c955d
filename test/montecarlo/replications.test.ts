import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mean, quantile } from 'simple-statistics';
import { runCli, tempDir } from '../cli/helpers.js';
import { loadScenario } from '../../src/scenario/load.js';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { summarize } from '../../src/reports/summary.js';
import { createRunner } from '../../src/montecarlo/pool.js';
import { replicate } from '../../src/montecarlo/replicate.js';

const scenario = 'scenarios/small.yaml';
const replications = '40';

async function report(...extra: string[]): Promise<string> {
  const { code, stdout, stderr } = await runCli('run', scenario, '--replications', replications, '--format', 'json', '--quiet', ...extra);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return stdout;
}

describe('capsim run --replications', () => {
  it('prints byte-identical reports with 1, 2 and 4 worker threads', async () => {
    const one = await report('--workers', '1');
    expect(await report('--workers', '2')).toBe(one);
    // Four threads on a machine of fewer cores need --force (else capsim caps them at the cores, and says so).
    expect(await report('--workers', '4', '--force')).toBe(one);
  });

  it("reports each metric's mean and quantiles over the replications r = 0..R-1 as simple-statistics computes them", async () => {
    const parsed = JSON.parse(await report('--workers', '1'));
    const { scenario: s } = await loadScenario(scenario);
    const values = Array.from({ length: Number(replications) }, (_, r) => summarize(simulateScenario(s, { replication: r }), { version: 'x', scenarioHash: 'x' }).cluster.lostGpuHours);
    const stats = parsed.statistics['cluster.lostGpuHours'];
    expect(parsed.capsim.replications).toBe(40);
    expect(stats.n).toBe(40);
    expect(stats.mean).toBeCloseTo(mean(values), 6);
    expect(stats.p50).toBeCloseTo(quantile(values, 0.5), 6);
    expect(stats.sd).toBeGreaterThan(0);
    expect(stats.ci95Low).toBeLessThan(stats.mean);
    expect(stats.ci95High).toBeGreaterThan(stats.mean);
    expect(parsed.statistics['capsim.seed']).toBeUndefined();
  });

  it('merges three shards, given in any order, into exactly the bytes of the unsharded run', async () => {
    const dir = tempDir();
    const whole = await report('--workers', '2');
    for (const k of [1, 2, 3]) {
      const { code } = await runCli('run', scenario, '--replications', replications, '--format', 'json', '--quiet', '--workers', '1', '--shard', `${k}/3`, '--out', join(dir, `part-${k}.json`));
      expect(code).toBe(0);
    }
    const merged = await runCli('merge', join(dir, 'part-3.json'), join(dir, 'part-1.json'), join(dir, 'part-2.json'));
    expect(merged.code).toBe(0);
    expect(merged.stdout).toBe(whole);
  });

  it('merges shards of a scenario with uncertain inputs and date metrics into the bytes of the unsharded run', async () => {
    const dir = tempDir();
    const args = ['run', 'scenarios/lease-tenant-share.yaml', '--replications', '4', '--format', 'json', '--quiet', '--workers', '1'];
    const whole = await runCli(...args);
    expect(whole.code, whole.stderr).toBe(0);
    const statistics = JSON.parse(whole.stdout).statistics as Record<string, { unit?: string }>;
    expect(Object.values(statistics).some((s) => s.unit === 'date')).toBe(true);
    for (const k of [1, 2]) {
      const part = await runCli(...args, '--shard', `${k}/2`, '--out', join(dir, `part-${k}.json`));
      expect(part.code, part.stderr).toBe(0);
    }
    const merged = await runCli('merge', join(dir, 'part-2.json'), join(dir, 'part-1.json'));
    expect(merged.stderr).toBe('');
    expect(merged.stdout).toBe(whole.stdout);
  });

  it('renders the table and CSV formats, one line per metric', async () => {
    const table = await runCli('run', scenario, '--replications', '5', '--workers', '1', '--metric', 'cluster.utilization');
    expect(table.code).toBe(0);
    expect(table.stderr, 'no progress bar when stderr is not a terminal').toBe('');
    expect(table.stdout).toContain('5 replications');
    expect(table.stdout).toMatch(/cluster\.utilization\s+5\s/);
    const dir = tempDir();
    await runCli('run', scenario, '--replications', '5', '--workers', '1', '--metric', 'money', '--shard', '1/1', '--out', join(dir, 'p.json'));
    const csv = await runCli('merge', join(dir, 'p.json'), '--format', 'csv');
    expect(csv.stdout.split('\n')[0]).toBe('metric,n,mean,sd,min,p5,p50,p95,max,ci95Low,ci95High');
    expect(csv.stdout).toMatch(/^money\.leasePaidUsd,5,/m);
  });

  it('refuses a malformed shard, and --shard without --replications, with exit code 2', async () => {
    const bad = await runCli('run', scenario, '--replications', '4', '--shard', '3/2');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('expected k/n with 1 <= k <= n');
    const alone = await runCli('run', scenario, '--shard', '1/2');
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--workers and --shard need --replications');
  });

  it('refuses to merge an incomplete set of shards, or shards of different jobs, and writes nothing', async () => {
    const dir = tempDir();
    await runCli('run', scenario, '--replications', '4', '--workers', '1', '--shard', '1/2', '--out', join(dir, 'a.json'));
    await runCli('run', scenario, '--replications', '4', '--workers', '1', '--seed', '9', '--shard', '2/2', '--out', join(dir, 'b.json'));
    const missing = await runCli('merge', join(dir, 'a.json'), '--out', join(dir, 'out.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing shard(s) 2/2');
    const mixed = await runCli('merge', join(dir, 'a.json'), join(dir, 'b.json'));
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('a partial of another job');
    writeFileSync(join(dir, 'edited.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')), body: {} }));
    const edited = await runCli('merge', join(dir, 'edited.json'));
    expect(edited.code).toBe(2);
    expect(edited.stderr).toContain('edited.json: error: the partial does not verify: its digest does not match its content');
    const absent = await runCli('merge', join(dir, 'nope.json'));
    expect(absent.stderr).toContain('nope.json: error: no such file');
    expect(() => readFileSync(join(dir, 'out.json'))).toThrow();
  });

  it('a worker that cannot start fails the replications with its error instead of crashing or hanging', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'broken-worker.mjs'), "throw new Error('broken worker module');\n");
    const runner = createRunner(2, {}, pathToFileURL(join(dir, 'broken-worker.mjs')));
    const { scenario: s } = await loadScenario(scenario);
    try {
      await expect(replicate({ scenario: s, seed: 1, from: 0, to: 8, provenance: { version: 'x', scenarioHash: 'x' } }, runner)).rejects.toThrow('broken worker module');
    } finally {
      await runner.close();
    }
  });
});
