import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../cli/helpers.js';
import { latinHypercube } from '../../src/montecarlo/latin-hypercube.js';
import { parseKeyPath, parseRangeOption, parseSetOption } from '../../src/montecarlo/setting.js';
import { applySettings } from '../../src/montecarlo/apply-settings.js';
import { createRng } from '../../src/random/rng.js';

const grid = ['scenarios/small.yaml', '--set', 'cluster.racks=8,10', '--set', 'runs[1].mfu=0.3,0.4', '--replications', '6', '--quiet'];

describe('capsim sweep', () => {
  it('runs every point of the grid, first --set slowest, one JSON point each with its settings and statistics', async () => {
    const { code, stdout, stderr } = await runCli('sweep', ...grid, '--format', 'json', '--workers', '1');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.parameters).toEqual(['cluster.racks', 'runs[1].mfu']);
    expect(report.points.map((p: { settings: Array<{ value: unknown }> }) => p.settings.map((s) => s.value))).toEqual([[8, 0.3], [8, 0.4], [10, 0.3], [10, 0.4]]);
    const available = report.points.map((p: { statistics: Record<string, { mean: number }> }) => p.statistics['cluster.availableGpuHours']?.mean);
    // 14 days x 24 h x 72 GPUs per rack: a closed form of the rack count.
    expect(available).toEqual([8, 8, 10, 10].map((racks) => racks * 72 * 14 * 24));
    expect(Object.keys(report.points[0].statistics).every((path) => !path.includes('['))).toBe(true);
  });

  it('writes one CSV row per point, the same bytes for 1 and 2 workers and for two merged shards', async () => {
    const dir = tempDir();
    const one = await runCli('sweep', ...grid, '--workers', '1', '--metric', 'cluster', 'money.idleCostUsd');
    const two = await runCli('sweep', ...grid, '--workers', '2', '--metric', 'cluster', 'money.idleCostUsd');
    expect(two.stdout).toBe(one.stdout);
    const lines = one.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]?.startsWith('point,cluster.racks,runs[1].mfu,cluster.availableGpuHours.mean,cluster.availableGpuHours.sd,')).toBe(true);
    expect(lines[1]?.startsWith('0,8,0.3,')).toBe(true);
    for (const k of [1, 2]) {
      const part = await runCli('sweep', ...grid, '--workers', '1', '--metric', 'cluster', 'money.idleCostUsd', '--shard', `${k}/2`, '--out', join(dir, `p${k}.json`));
      expect(part.code).toBe(0);
    }
    const merged = await runCli('merge', join(dir, 'p2.json'), join(dir, 'p1.json'));
    expect(merged.stdout).toBe(one.stdout);
  });

  it('merges shards of a sweep of the decision (--compare, uncertain inputs) to the bytes of the unsharded sweep', async () => {
    const dir = tempDir();
    const args = ['sweep', 'scenarios/lease-tenant-share.yaml', '--compare', '--set', 'cluster.racks=278,919', '--replications', '2', '--workers', '1', '--quiet', '--format', 'json'];
    const whole = await runCli(...args);
    expect(whole.code, whole.stderr).toBe(0);
    expect(JSON.parse(whole.stdout).uncertainInputs.length).toBeGreaterThan(0);
    for (const k of [1, 2]) {
      const part = await runCli(...args, '--shard', `${k}/2`, '--out', join(dir, `p${k}.json`));
      expect(part.code, part.stderr).toBe(0);
    }
    const merged = await runCli('merge', join(dir, 'p2.json'), join(dir, 'p1.json'), '--format', 'json');
    expect(merged.stderr).toBe('');
    expect(merged.stdout).toBe(whole.stdout);
  });

  it('samples a Latin hypercube: n points, one in each stratum of every range, whole values for whole bounds', async () => {
    const { code, stdout } = await runCli('sweep', 'scenarios/small.yaml', '--range', 'cluster.racks=8:16', '--range', 'runs[1].mfu=0.3:0.5', '--lhs', '4', '--replications', '2', '--workers', '1', '--format', 'json', '--quiet');
    expect(code).toBe(0);
    const points = JSON.parse(stdout).points as Array<{ settings: Array<{ path: string; value: number }> }>;
    expect(points).toHaveLength(4);
    const racks = points.map((p) => p.settings[0]?.value as number);
    const mfu = points.map((p) => p.settings[1]?.value as number);
    expect(racks.every(Number.isInteger)).toBe(true);
    expect(new Set(mfu.map((x) => Math.floor(((x - 0.3) / 0.2) * 4))).size).toBe(4);
  });

  it('sweeps a scenario that extends another: keys set in the named file override what it extends', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'base.yaml'), readFileSync('scenarios/small.yaml', 'utf8'));
    writeFileSync(join(dir, 'top.yaml'), '# Question: the small scenario with two spare racks\nextends: base.yaml\ncluster: { spareRacks: 2 }\n');
    const args = ['sweep', join(dir, 'top.yaml'), '--set', 'cluster.racks=8,12', '--replications', '2', '--workers', '1', '--format', 'json', '--quiet'];
    const { code, stdout, stderr } = await runCli(...args, '--metric', 'cluster.availableGpuHours', 'scenario.spareRacks');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const points = JSON.parse(stdout).points as Array<{ statistics: Record<string, { mean: number }> }>;
    expect(points.map((p) => p.statistics['cluster.availableGpuHours']?.mean)).toEqual([8, 12].map((racks) => racks * 72 * 14 * 24));
    expect(points.map((p) => p.statistics['scenario.spareRacks']?.mean)).toEqual([2, 2]);
    // By default a metric that is the same at every point (the spares here) is left out of the rows.
    const byDefault = JSON.parse((await runCli(...args)).stdout).points as Array<{ statistics: Record<string, unknown> }>;
    expect(Object.keys(byDefault[0]?.statistics ?? {})).toContain('cluster.availableGpuHours');
    expect(Object.keys(byDefault[0]?.statistics ?? {})).not.toContain('scenario.spareRacks');
  });

  it('validates every point before running any, and reports each problem with its place and point', async () => {
    const dir = tempDir();
    const out = join(dir, 'sweep.csv');
    const { code, stderr } = await runCli('sweep', 'scenarios/small.yaml', '--set', 'cluster.racks=0,8,-1', '--replications', '2', '--out', out);
    expect(code).toBe(2);
    expect(stderr).toMatch(/small\.yaml:14:\d+: error: cluster\.racks: expected a whole number >= 1, found 0 \(sweep point 0: cluster\.racks=0\)/);
    expect(stderr).toContain('(sweep point 2: cluster.racks=-1)');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses malformed --set and --range options with exit code 2', async () => {
    expect((await runCli('sweep', 'scenarios/small.yaml', '--set', 'cluster.racks')).stderr).toContain('expected <path>=<v1,v2,...>');
    expect((await runCli('sweep', 'scenarios/small.yaml', '--range', 'runs[0].mfu=0.5:0.3', '--lhs', '3')).code).toBe(2);
    expect((await runCli('sweep', 'scenarios/small.yaml', '--range', 'runs[0].mfu=0.3:0.5')).stderr).toContain('--range and --lhs go together');
    expect((await runCli('sweep', 'scenarios/small.yaml')).stderr).toContain('nothing to sweep');
  });

  it('resumes a sweep killed midway, reusing its completed points, to the bytes of an uninterrupted sweep', async () => {
    const dir = tempDir();
    const args = ['scenarios/small.yaml', '--set', 'runs[0].mfu=0.30,0.32,0.34,0.36,0.38,0.40,0.42,0.44', '--replications', '150', '--workers', '1', '--metric', 'cluster'];
    const out = join(dir, 'resumed.csv');
    const child = spawn(process.execPath, ['bin/capsim.js', 'sweep', ...args, '--out', out], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const pointsDir = `${out}.points`;
    const started = Date.now();
    let killedWith = -1;
    while (Date.now() - started < 60_000 && child.exitCode === null) {
      const done = existsSync(pointsDir) ? readdirSync(pointsDir).filter((f) => f.endsWith('.json')).length : 0;
      if (done >= 2) {
        child.kill('SIGKILL');
        killedWith = done;
        break;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    await exited;
    expect(killedWith, 'the sweep finished before it could be killed').toBeGreaterThanOrEqual(2);
    expect(existsSync(out)).toBe(false);

    const resumed = await runCli('sweep', ...args, '--out', out);
    expect(resumed.code).toBe(0);
    const reused = Number(/reused (\d+) completed point/.exec(resumed.stderr)?.[1]);
    expect(reused).toBeGreaterThanOrEqual(killedWith);
    const straight = await runCli('sweep', ...args, '--quiet');
    expect(readFileSync(out, 'utf8')).toBe(straight.stdout);
    expect(existsSync(pointsDir)).toBe(false);
  });
});

describe('sweep settings', () => {
  it('reads key paths with dots and brackets, and --set values as YAML scalars', () => {
    expect(parseKeyPath('runs[0].checkpoint.intervalMinutes')).toEqual(['runs', 0, 'checkpoint', 'intervalMinutes']);
    expect(parseKeyPath('runs.1.mfu')).toEqual(['runs', 1, 'mfu']);
    expect(parseKeyPath('runs[x]')).toBeNull();
    expect(parseSetOption('runs[0].checkpoint.intervalMinutes=auto,30,none')).toEqual({ path: 'runs[0].checkpoint.intervalMinutes', values: ['auto', 30, 'none'] });
    expect(parseSetOption('end=2026-07-10,2026-07-14')?.values).toEqual(['2026-07-10', '2026-07-14']);
    expect(parseRangeOption('cluster.racks=100:300')).toEqual({ path: 'cluster.racks', min: 100, max: 300, integer: true });
    expect(parseRangeOption('runs[0].mfu=0.3:0.5')?.integer).toBe(false);
  });

  it('edits the YAML in place, keeping comments and the other lines where they were', () => {
    const text = '# a comment\nname: x\ncluster:\n  racks: 8 # eight\n  spareRacks: 1\n';
    const edited = applySettings(text, [{ path: 'cluster.racks', value: 12 }]);
    expect(edited.split('\n')[0]).toBe('# a comment');
    expect(edited.split('\n')[3]).toMatch(/^ {2}racks: 12/);
    expect(edited.split('\n')[4]).toBe('  spareRacks: 1');
  });

  it('latinHypercube puts exactly one of n points in each of the n strata of every dimension', () => {
    const points = latinHypercube(10, 3, createRng(1, 0, 'test:lhs'));
    for (let d = 0; d < 3; d += 1) {
      const strata = points.map((p) => Math.floor((p[d] as number) * 10)).sort((a, b) => a - b);
      expect(strata).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }
  });
});
