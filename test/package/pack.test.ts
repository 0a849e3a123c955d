import { parse } from 'yaml';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumerProject, run } from './consumer-project.js';

/** The ```ts blocks of the "Using capsim from code" section (docs/commands.md). */
function readmeExamples(): string[] {
  const readme = readFileSync('docs/commands.md', 'utf8');
  const section = readme.slice(readme.indexOf('### Using capsim from code'));
  const body = section.slice(0, section.indexOf('\n### ', 1));
  return [...body.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string);
}

const tsc = resolve('node_modules/typescript/bin/tsc');

describe('the package, installed from its tarball into an empty project', () => {
  let dir = '';
  beforeAll(() => {
    dir = consumerProject();
  }, 120_000);
  // The project holds capsim's dependencies (about 50 MB): not left behind.
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('holds the library, its declarations, the JSON Schema, the scenarios and the templates', () => {
    for (const file of ['dist/index.js', 'dist/index.d.ts', 'dist/montecarlo/worker.js', 'schema/scenario.schema.json', 'scenarios/colossus-2-reflection.yaml', 'templates/campus.yaml']) {
      expect(() => readFileSync(join(dir, 'node_modules/capsim', file)), file).not.toThrow();
    }
    expect(readFileSync(join(dir, 'node_modules/capsim/schema/scenario.schema.json'), 'utf8')).toBe(readFileSync('schema/scenario.schema.json', 'utf8'));
  });

  it("type-checks the documented examples (strict), and rejects a misuse of the report's types", () => {
    const examples = readmeExamples();
    expect(examples).toHaveLength(2);
    examples.forEach((code, i) => writeFileSync(join(dir, `example-${i + 1}.ts`), code));
    // The report's types are real, not `any`: a field read as the wrong type must fail.
    writeFileSync(join(dir, 'misuse.ts'), `${examples[0]}\nconst wrong: string = report.cluster.availableGpuHours;\nexport { wrong };\n`);
    const tsconfig = { compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: ['node'] } };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ ...tsconfig, files: ['example-1.ts', 'example-2.ts', 'misuse.ts'] }));
    let output = '';
    try {
      run(process.execPath, [tsc, '-p', '.'], dir);
    } catch (cause) {
      output = String((cause as { stdout?: string }).stdout);
    }
    expect(output.trim().split('\n')).toEqual([expect.stringMatching(/^misuse\.ts\(\d+,7\): error TS2322: Type 'number' is not assignable to type 'string'\.$/)]);
  }, 60_000);

  it('runs the examples as ES modules: utilization and each run cost, then replications on worker threads, compare and sweep', () => {
    const [first, second] = readmeExamples();
    writeFileSync(join(dir, 'example-1.mjs'), first as string);
    writeFileSync(join(dir, 'example-2.mjs'), second as string);
    const out1 = run(process.execPath, ['example-1.mjs'], dir).trim().split('\n');
    expect(out1[0]).toMatch(/^utilization \d+\.\d%$/);
    // One line per run of the default scenario.
    expect(out1.slice(1)).toHaveLength((parse(readFileSync('scenarios/colossus-2-reflection.yaml', 'utf8')) as { runs: unknown[] }).runs.length);
    for (const line of out1.slice(1)) expect(line).toMatch(/^[a-z0-9-]+: \$[\d,]+\.\d\d$/);
    const out2 = run(process.execPath, ['example-2.mjs'], dir);
    expect(out2).toMatch(/n: 100,/);
    expect(out2).toMatch(/^lease: \$\d+, cheapest in \d+%$/m);
    expect(out2.trim().split('\n').filter((l) => l.includes("path: 'cluster.racks'"))).toHaveLength(3);
  }, 60_000);

  it('runs its command: the schema, and a scenario piped to capsim run -', () => {
    const capsim = join(dir, 'node_modules/.bin/capsim');
    expect(JSON.parse(run(capsim, ['schema'], dir)).title).toBe('capsim scenario');
    const report = run(capsim, ['run', '-', '--format', 'json'], dir, readFileSync('scenarios/small.yaml', 'utf8'));
    expect(JSON.parse(report).scenario.name).toBe('Small cluster — two runs in two weeks');
  }, 60_000);
});
