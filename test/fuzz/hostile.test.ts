import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../cli/helpers.js';

/**
 * A folder of broken and hostile scenario files, fed to capsim as a new user would: each must
 * get exit code 2 and a clear message with its place, and nothing on disk may change.
 */
const folders = ['test/fixtures/hostile', 'test/fuzz/corpus'];
// Files only: the folders beside them hold the corpus of each class of defect (hostile-*.test.ts).
const files = folders.flatMap((dir) => readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(dir, e.name)).sort());

function snapshotOf(dirs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const dir of dirs) {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isFile()) out[join(dir, entry.name)] = createHash('sha256').update(readFileSync(join(dir, entry.name))).digest('hex');
    }
  }
  return out;
}

const outDir = tempDir();
const before = snapshotOf([...folders, outDir]);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('hostile inputs', () => {
  it('the corpus is not empty', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  for (const file of files) {
    it(`${file} is refused with exit code 2, a placed message and no output file`, async () => {
      const out = join(outDir, 'report.json');
      for (const argv of [['validate', file], ['run', file, '--format', 'json', '--out', out]]) {
        const { code, stdout, stderr } = await runCli(...argv);
        if (process.env.CAPSIM_SHOW_HOSTILE) console.log(`$ capsim ${argv.join(' ')}\n${stderr}`);
        expect(code, stderr).toBe(2);
        expect(stdout).toBe('');
        const lines = stderr.trimEnd().split('\n');
        expect(lines.at(-1)).toMatch(/^\d+ error\(s\); nothing was written$/);
        const problems = lines.slice(0, -1);
        expect(problems.length).toBeGreaterThan(0);
        // Each problem names a file; a problem inside a document also names its line and column.
        for (const line of problems) expect(line).toMatch(/^[^\s:]+(:\d+:\d+)?: (error|warning): \S/);
        expect(problems.some((line) => /:\d+:\d+: error: /.test(line) || /: error: (cannot read|the file)/.test(line))).toBe(true);
        expect(stderr).not.toMatch(/internal error|\n\s+at /);
      }
      expect(readdirSync(outDir)).toEqual([]);
    });
  }

  it('nothing on disk changed: not the inputs, not the output folder; no tag ran code', () => {
    expect(snapshotOf([...folders, outDir])).toEqual(before);
    // The hostile tags would create "pwned" in the working directory if anything executed them.
    expect(existsSync('pwned')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('inputs that cannot live in the corpus', () => {
  it('refuses a file over the size limit without reading all of it', async () => {
    const dir = tempDir();
    const file = join(dir, 'huge.yaml');
    writeFileSync(file, `name: ${'x'.repeat(3 * 1024 * 1024)}\n`);
    const { code, stderr } = await runCli('validate', file);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}: error: the file is larger than 2097152 bytes (2 MiB), the most a scenario may be`);
    rmSync(dir, { recursive: true });
  });

  it('refuses a directory and a missing file with their names', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    expect((await runCli('validate', join(dir, 'sub'))).stderr).toContain('sub: error: cannot read scenario: it is a directory, not a regular file');
    expect((await runCli('validate', join(dir, 'none.yaml'))).stderr).toContain('none.yaml: error: cannot read scenario: no such file');
    rmSync(dir, { recursive: true });
  });
});
