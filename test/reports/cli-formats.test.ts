import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { Io } from '../../src/cli/io.js';
import { runCli, tempDir } from '../cli/helpers.js';

describe('capsim run --format md | csv | html', () => {
  it('--format md prints Markdown tables', async () => {
    const { code, stdout } = await runCli('run', 'scenarios/small.yaml', '--format', 'md');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Small cluster/);
    expect(stdout).toContain('| :--- | :--- | ---: |');
  });

  it('--format csv with --out naming a directory writes runs.csv, months.csv and series-<resolution>.csv into it', async () => {
    const dir = join(tempDir(), 'results/');
    const { code } = await runCli('run', 'scenarios/small.yaml', '--format', 'csv', '--resolution', 'hour', '--out', dir);
    expect(code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['months.csv', 'runs.csv', 'series-hour.csv']);
    expect(readFileSync(join(dir, 'series-hour.csv'), 'utf8').trim().split('\r\n')).toHaveLength(1 + 14 * 24);
  });

  it('--format csv with --out naming an existing directory (no slash) writes into it; otherwise --out is a prefix', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'existing'));
    expect((await runCli('run', 'scenarios/small.yaml', '--format', 'csv', '--out', join(dir, 'existing'))).code).toBe(0);
    expect(readdirSync(join(dir, 'existing')).sort()).toEqual(['months.csv', 'runs.csv', 'series-day.csv']);
    expect((await runCli('run', 'scenarios/small.yaml', '--format', 'csv', '--out', join(dir, 'q3'))).code).toBe(0);
    expect(['q3-runs.csv', 'q3-months.csv', 'q3-series-day.csv'].every((f) => existsSync(join(dir, f)))).toBe(true);
  });

  it('--format csv without --out is invalid input: exit 2, a message saying what to give, nothing written', async () => {
    const { code, stdout, stderr } = await runCli('run', 'scenarios/small.yaml', '--format', 'csv');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/--out: --format csv writes several tables/);
  });

  it('an unknown --resolution is refused with the choices', async () => {
    const { code, stderr } = await runCli('run', 'scenarios/small.yaml', '--format', 'csv', '--resolution', 'minute', '--out', tempDir());
    expect(code).toBe(2);
    expect(stderr).toMatch(/hour, day/);
  });

  it('--format html to a terminal without --out is refused rather than flooding the screen', async () => {
    let stderr = '';
    const io: Io = { stdout: () => undefined, stderr: (s) => void (stderr += s), isTty: true };
    expect(await main(['run', 'scenarios/small.yaml', '--format', 'html'], io)).toBe(2);
    expect(stderr).toMatch(/--out report\.html/);
  });

  it('--format html writes one self-contained page: no script, no external reference', async () => {
    const out = join(tempDir(), 'r.html');
    expect((await runCli('run', 'scenarios/small.yaml', '--format', 'html', '--out', out)).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link[^>]+stylesheet|src="http|href="http|url\(http/i);
    expect(html.match(/<figure data-chart=/g)).toHaveLength(3);
  });

  it('the same scenario and seed give a byte-identical HTML page', async () => {
    const dir = tempDir();
    await runCli('run', 'scenarios/small.yaml', '--format', 'html', '--out', join(dir, 'a.html'));
    await runCli('run', 'scenarios/small.yaml', '--format', 'html', '--out', join(dir, 'b.html'));
    expect(readFileSync(join(dir, 'a.html'), 'utf8')).toBe(readFileSync(join(dir, 'b.html'), 'utf8'));
  });
});

describe('capsim run --format html of a scenario with procurement options', () => {
  it('compares the options: their cost per run beside the lease, and what the same work costs under each', async () => {
    const { writeFileSync } = await import('node:fs');
    const { stringify } = await import('yaml');
    const { aWrittenScenario, aRun } = await import('../builders.js');
    const dir = tempDir();
    const scenario = {
      ...aWrittenScenario({ runs: [aRun({ name: 'a' }), aRun({ name: 'b', submit: '2026-07-02' })] }),
      options: [
        { name: 'the-lease', kind: 'lease' },
        { name: 'on-demand', kind: 'on-demand', priceUsdPerGpuHour: 9 },
      ],
    };
    writeFileSync(join(dir, 's.yaml'), stringify(scenario));
    const { code, stderr } = await runCli('run', join(dir, 's.yaml'), '--format', 'html', '--out', join(dir, 'r.html'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    expect(html.match(/data-chart="[^"]+"/g)).toEqual(['data-chart="utilization"', 'data-chart="timeline"', 'data-chart="run-costs"', 'data-chart="options"']);
    expect(html).toContain('on-demand');
  });
});
