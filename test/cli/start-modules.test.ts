import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';

/**
 * What a command loads before it answers is most of its start-up time (docs/performance.md).
 * capsim runs as a child process (bin/capsim.js over the bundle the test setup builds) with a
 * module hook that lists every file it loads; each bundle chunk names the modules it holds in
 * comments (`// dist/scenario/load.js`, `// node_modules/zod/...`).
 */
const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'hooks.mjs'), "export async function load(url, context, next) { process.stderr.write(`loaded ${url}\\n`); return next(url, context); }\n");
writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`);

/** The modules (dist/... and node_modules/...) in the files a command loaded. */
function modulesLoadedBy(args: string[]): string[] {
  const child = spawnSync(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, 'bin/capsim.js', ...args], { encoding: 'utf8' });
  expect(child.status, child.stderr).toBe(0);
  const files = [...child.stderr.matchAll(/^loaded (file:\S+)$/gm)].map((m) => fileURLToPath(m[1] as string));
  return files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/^\/\/ ((?:dist|node_modules)\/\S+)$/gm)].map((m) => m[1] as string));
}

describe('what a command loads before it answers', () => {
  it('validate loads the scenario loader but no report, chart, engine, Monte Carlo pool or jstat', () => {
    const modules = modulesLoadedBy(['validate', 'scenarios/small.yaml']);
    expect(modules).toContain('dist/scenario/load.js');
    const heavy = modules.filter(
      (m) =>
        m.startsWith('dist/reports/') ||
        (m.startsWith('dist/engine/') && m !== 'dist/engine/simulation-stopped.js') ||
        /^node_modules\/(vega|vega-lite|cli-table3|jstat|piscina|@datadog)\//.test(m) ||
        m === 'dist/montecarlo/pool.js',
    );
    expect(heavy).toEqual([]);
  });

  it('--version loads the command line only: no schema, parser, scenario module, file writer or computing thread', () => {
    const modules = modulesLoadedBy(['--version']);
    expect(modules).toContain('dist/cli.js');
    const loaded = ['dist/scenario/load.js', 'dist/cli/write-files-atomic.js', 'dist/cli/off-thread.js'].filter((m) => modules.includes(m));
    expect([...loaded, ...modules.filter((m) => /^node_modules\/(zod|yaml)\//.test(m))]).toEqual([]);
  });
});
