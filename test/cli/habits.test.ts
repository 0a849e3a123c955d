import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliWithInput, tempDir } from './helpers.js';
import { templateText, templates, type TemplateName } from '../../src/cli/init.js';
import { loadScenario } from '../../src/scenario/load.js';
import { limits } from '../../src/scenario/limits.js';

const small = readFileSync('scenarios/small.yaml', 'utf8');

describe('a scenario from standard input (-)', () => {
  it('runs the scenario piped in, with the same report as from its file', async () => {
    const piped = await runCliWithInput([small], 'run', '-', '--format', 'json');
    const fromFile = await runCli('run', 'scenarios/small.yaml', '--format', 'json');
    expect(piped.code).toBe(0);
    expect(piped.stdout).toBe(fromFile.stdout);
  });

  it('reads input that arrives in many small chunks, split inside multi-byte characters', async () => {
    const bytes = Buffer.from(small, 'utf8');
    const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
    const { code, stdout } = await runCliWithInput(chunks, 'validate', '-');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^<stdin>: valid · Small cluster — two runs in two weeks/);
  });

  it('places problems at <stdin>:line:column and exits 2', async () => {
    const { code, stderr } = await runCliWithInput([small.replace('racks: 8', 'racks: 0')], 'run', '-');
    expect(code).toBe(2);
    expect(stderr).toContain('<stdin>:14:10: error: cluster.racks: expected a whole number >= 1, found 0');
  });

  it('resolves extends from the working directory', async () => {
    const child = 'extends: test/fixtures/extends/base.yaml\nname: from stdin\ncluster:\n  racks: 12\n';
    const { code, stdout, stderr } = await runCliWithInput([child], 'validate', '-');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^<stdin>: valid · from stdin · .* · 12 x /);
    const missing = await runCliWithInput(['extends: no-such-base.yaml\n'], 'validate', '-');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('<stdin>:1:10: error: extends: cannot include no-such-base.yaml: cannot read scenario: no such file');
  });

  it('refuses empty input, input that is not UTF-8, and input over the size limit, each with exit 2', async () => {
    const empty = await runCliWithInput([], 'run', '-');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('<stdin>: error: the file is empty');
    const latin1 = await runCliWithInput([Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe9])], 'run', '-');
    expect(latin1.code).toBe(2);
    expect(latin1.stderr).toContain('<stdin>: error: the file is not UTF-8 text');
    // Chunks of 1 MiB without end: the reader stops once past the limit.
    const endless = (function* () {
      for (;;) yield Buffer.alloc(1024 * 1024, 0x61);
    })();
    const huge = await runCliWithInput(endless, 'validate', '-');
    expect(huge.code).toBe(2);
    expect(huge.stderr).toContain(`<stdin>: error: the file is larger than ${limits.maxScenarioBytes} bytes`);
  });

  it('serves every point of a sweep from input read once', async () => {
    const dir = tempDir();
    const out = join(dir, 'sweep.json');
    const { code, stderr } = await runCliWithInput([small], 'sweep', '-', '--set', 'cluster.racks=8,10', '--replications', '2', '--workers', '1', '--out', out);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { points: Array<{ settings: Array<{ value: number }> }> };
    expect(report.points.map((p) => p.settings[0]?.value)).toEqual([8, 10]);
  });
});

describe('--out names the format when --format is absent', () => {
  it.each([
    ['report.json', (text: string) => expect(JSON.parse(text).capsim.seed).toBe(42)],
    ['report.md', (text: string) => expect(text).toMatch(/^# Small cluster/m)],
    ['report.html', (text: string) => expect(text.startsWith('<!doctype html>')).toBe(true)],
  ])('writes %s in its format', async (name, check) => {
    const dir = tempDir();
    const { code } = await runCli('run', 'scenarios/small.yaml', '--out', join(dir, name));
    expect(code).toBe(0);
    check(readFileSync(join(dir, name), 'utf8'));
  });

  it('takes report.csv as the prefix of the CSV tables, without repeating the extension', async () => {
    const dir = tempDir();
    expect((await runCli('run', 'scenarios/small.yaml', '--out', join(dir, 'q3.csv'))).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['q3-months.csv', 'q3-runs.csv', 'q3-series-day.csv']);
  });

  it('keeps the default format for an extension it does not know, and lets --format decide when they agree', async () => {
    const dir = tempDir();
    expect((await runCli('run', 'scenarios/small.yaml', '--out', join(dir, 'report.txt'))).code).toBe(0);
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).toContain('Training runs');
    expect((await runCli('run', 'scenarios/small.yaml', '--format', 'json', '--out', join(dir, 'r.json'))).code).toBe(0);
  });

  it('refuses a --format that contradicts the extension with exit 2, writing nothing', async () => {
    const dir = tempDir();
    const { code, stderr } = await runCli('run', 'scenarios/small.yaml', '--format', 'json', '--out', join(dir, 'report.csv'));
    expect(code).toBe(2);
    expect(stderr).toContain('--format json conflicts with --out');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses an extension naming a format the command does not write, with exit 2', async () => {
    const dir = tempDir();
    const compare = await runCli('compare', 'scenarios/small.yaml', '--replications', '1', '--out', join(dir, 'c.csv'));
    expect(compare.code).toBe(2);
    expect(compare.stderr).toContain('which capsim compare does not write (table, json, md, html)');
    const replications = await runCli('run', 'scenarios/small.yaml', '--replications', '2', '--out', join(dir, 'mc.md'));
    expect(replications.code).toBe(2);
    expect(replications.stderr).toContain('which capsim run --replications does not write');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('infers json for compare and csv or json for sweep and merge', async () => {
    const dir = tempDir();
    expect((await runCli('compare', 'scenarios/small.yaml', '--replications', '1', '--out', join(dir, 'c.json'))).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8')).options.length).toBe(2);
    expect((await runCli('sweep', 'scenarios/small.yaml', '--set', 'cluster.racks=8', '-r', '2', '-w', '1', '--out', join(dir, 's.json'))).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 's.json'), 'utf8')).points.length).toBe(1);
  });

  it("does not read a shard's --out as a format: the partial keeps the format asked for", async () => {
    const dir = tempDir();
    const args = ['sweep', 'scenarios/small.yaml', '--set', 'cluster.racks=8,10', '-r', '2', '-w', '1'];
    expect((await runCli(...args, '--shard', '1/2', '--out', join(dir, 'part-1.json'))).code).toBe(0);
    expect((await runCli(...args, '--shard', '2/2', '--out', join(dir, 'part-2.json'))).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'part-1.json'), 'utf8')).format).toBe('csv');
    const merged = await runCli('merge', join(dir, 'part-1.json'), join(dir, 'part-2.json'));
    expect(merged.stdout).toBe((await runCli(...args)).stdout);
    expect((await runCli('merge', join(dir, 'part-1.json'), join(dir, 'part-2.json'), '--out', join(dir, 'merged.json'))).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'merged.json'), 'utf8')).points.length).toBe(2);
  });
});

describe('capsim init', () => {
  it.each(Object.keys(templates) as TemplateName[])('the %s template is a valid, commented scenario that names the schema', async (name) => {
    const dir = tempDir();
    const text = await templateText(name, dir);
    const lines = text.split('\n');
    const schemaPath = /^# yaml-language-server: \$schema=(.+)$/.exec(lines[0] ?? '')?.[1];
    expect(schemaPath).toBeDefined();
    expect(existsSync(resolve(dir, schemaPath as string))).toBe(true);
    expect(lines[1]).toMatch(/^# Question: /);
    expect(lines.filter((l) => /#/.test(l)).length).toBeGreaterThan(10);
    const loaded = await loadScenario(join(dir, `${name}.yaml`), { text, strict: true });
    expect(loaded.scenario.runs.length).toBeGreaterThan(0);
  });

  it('writes the template to FILE, with the schema path relative to it, and the file runs', async () => {
    const dir = join(tempDir(), 'plans');
    mkdirSync(dir);
    const file = join(dir, 'campus.yaml');
    const { code, stdout } = await runCli('init', '--template', 'campus', file);
    expect(code).toBe(0);
    expect(stdout).toContain(`wrote ${file} (template campus)`);
    const first = readFileSync(file, 'utf8').split('\n')[0] ?? '';
    expect(resolve(dirname(file), first.replace('# yaml-language-server: $schema=', ''))).toBe(resolve('schema/scenario.schema.json'));
    expect((await runCli('validate', file)).code).toBe(0);
  });

  it('prints the small template without FILE, and it pipes into capsim run -', async () => {
    const printed = await runCli('init');
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain('name: My cluster');
    const run = await runCliWithInput([printed.stdout], 'run', '-', '--format', 'json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).runs.length).toBe(2);
  });

  it('refuses to overwrite a file unless --force, and an unknown template, with exit 2', async () => {
    const file = join(tempDir(), 'mine.yaml');
    writeFileSync(file, 'my own work\n');
    const refused = await runCli('init', file);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${file}: error: the file exists`);
    expect(readFileSync(file, 'utf8')).toBe('my own work\n');
    expect((await runCli('init', '--force', file)).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('name: My cluster');
    expect((await runCli('init', '--template', 'huge', join(tempDir(), 'x.yaml'))).code).toBe(2);
  });
});

describe('--help', () => {
  it('of capsim and of each of its commands shows an example', async () => {
    const top = await runCli('--help');
    expect(top.stdout).toMatch(/Examples:\n {2}\$ capsim /);
    const commands = [...top.stdout.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1] as string).filter((c) => c !== 'help');
    expect(commands).toEqual(expect.arrayContaining(['run', 'validate', 'compare', 'sensitivity', 'sweep', 'merge', 'size', 'init', 'schema']));
    for (const command of commands) {
      const { code, stdout } = await runCli(command, '--help');
      expect(code, command).toBe(0);
      expect(stdout, command).toMatch(new RegExp(`Examples:\\n {2}\\$ capsim ${command}`));
    }
  });

  it('says that - reads standard input and where its files resolve from', async () => {
    const { stdout } = await runCli('run', '--help');
    expect(stdout.replace(/\s+/g, ' ')).toContain('or - to read it from standard input (then extends, traces and weather files resolve from the working directory)');
  });
});
