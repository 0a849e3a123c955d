import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers.js';

describe('capsim run', () => {
  it('prints a table report of the small scenario and exits 0', async () => {
    const { code, stdout, stderr } = await runCli('run', 'scenarios/small.yaml');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Training runs');
    expect(stdout).toContain('Utilization by month');
  });

  it('writes JSON to a file, byte-identical across two runs with the same seed', async () => {
    const dir = tempDir();
    await runCli('run', 'scenarios/small.yaml', '--format', 'json', '--out', join(dir, 'a.json'));
    await runCli('run', 'scenarios/small.yaml', '--format', 'json', '--out', join(dir, 'b.json'));
    const a = readFileSync(join(dir, 'a.json'), 'utf8');
    expect(a).toBe(readFileSync(join(dir, 'b.json'), 'utf8'));
    expect(JSON.parse(a).capsim.seed).toBe(42);
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'b.json']);
  });

  it('--seed overrides the scenario seed', async () => {
    const { stdout } = await runCli('run', 'scenarios/small.yaml', '--format', 'json', '--seed', '9');
    expect(JSON.parse(stdout).capsim.seed).toBe(9);
  });

  it('an invalid scenario exits 2, lists its problems and writes nothing', async () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync('scenarios/small.yaml', 'utf8').replace('racks: 8', 'racks: 0').replace('mfu: 0.35', 'mfu: 2'));
    const out = join(dir, 'report.json');
    const { code, stdout, stderr } = await runCli('run', bad, '--format', 'json', '--out', out);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${bad}:14:10: error: cluster.racks: expected a whole number >= 1, found 0`);
    expect(stderr).toMatch(/runs\[0\]\.mfu: expected a model FLOPs utilisation in \(0, 1\], found 2/);
    expect(stderr).toContain('2 error(s); nothing was written');
    expect(stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual(['bad.yaml']);
  });

  it('a missing file exits 2 with a clear message', async () => {
    const { code, stderr } = await runCli('run', 'scenarios/no-such-file.yaml');
    expect(code).toBe(2);
    expect(stderr).toBe('scenarios/no-such-file.yaml: error: cannot read scenario: no such file\n1 error(s); nothing was written\n');
  });

  it('an unknown option or format is a usage error with exit code 2', async () => {
    expect((await runCli('run', 'scenarios/small.yaml', '--format', 'xml')).code).toBe(2);
    expect((await runCli('run', 'scenarios/small.yaml', '--seed', 'abc')).code).toBe(2);
    expect((await runCli('frobnicate')).code).toBe(2);
  });

  it('--help and --version exit 0', async () => {
    const help = await runCli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('run [options] <scenario>');
    const version = await runCli('--version');
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('capsim validate', () => {
  it('says a valid scenario is valid', async () => {
    const { code, stdout } = await runCli('validate', 'scenarios/colossus-2-reflection.yaml');
    expect(code).toBe(0);
    expect(stdout).toContain('valid');
  });
});
