import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../cli/helpers.js';

/**
 * Ctrl-C during a long run, in a real child process: capsim exits 130 and leaves no partial or
 * temporary file. The child runs capsim built from the current sources (tsc without type
 * checking, ~5 s), so the test never depends on a stale dist/.
 */
const root = resolve('.');
let home: string;

beforeAll(() => {
  home = tempDir();
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json'), '--noCheck', '--declaration', 'false', '--outDir', join(home, 'dist')], { stdio: 'pipe' });
  mkdirSync(join(home, 'bin'));
  cpSync(join(root, 'bin/capsim.js'), join(home, 'bin/capsim.js'));
  cpSync(join(root, 'package.json'), join(home, 'package.json'));
  symlinkSync(join(root, 'node_modules'), join(home, 'node_modules'));
}, 120_000);

afterAll(() => rmSync(home, { recursive: true, force: true }));

function runUntilInterrupted(args: string[], afterMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(home, 'bin/capsim.js'), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGINT'), afterMs);
    const guard = setTimeout(() => child.kill('SIGKILL'), afterMs + 30_000);
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(guard);
      done({ code, signal, stderr });
    });
  });
}

describe('Ctrl-C', () => {
  // In this thread (1 worker: replications yield between blocks) and on a pool of worker threads.
  for (const workers of ['1', '2']) {
    it(`during many replications on ${workers} worker(s) exits 130 and leaves no partial or temporary file`, async () => {
      const out = tempDir();
      // 100,000 replications of the 42-month scenario would take minutes: the interrupt lands mid-run.
      const result = await runUntilInterrupted(['run', 'scenarios/colossus-2-reflection.yaml', '--replications', '100000', '--workers', workers, '--format', 'json', '--out', join(out, 'report.json')], 2_500);
      expect(result.stderr).toContain('capsim: interrupted');
      expect(result.code).toBe(130);
      expect(readdirSync(out)).toEqual([]);
      rmSync(out, { recursive: true });
    }, 60_000);
  }
});

describe('outputs', () => {
  it('a report path in a missing directory is invalid input (exit 2), not a crash, and writes nothing', async () => {
    const dir = tempDir();
    const { code, stderr } = await runCli('run', 'scenarios/small.yaml', '--format', 'json', '--out', join(dir, 'no-such-dir', 'r.json'));
    expect(code).toBe(2);
    expect(stderr).toContain(`${join(dir, 'no-such-dir', 'r.json')}: error: cannot write the report: its directory does not exist`);
    expect(readdirSync(dir)).toEqual([]);
    rmSync(dir, { recursive: true });
  });

  it('a report path that is a directory is invalid input, and the directory is untouched', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'taken'));
    const { code, stderr } = await runCli('run', 'scenarios/small.yaml', '--format', 'json', '--out', join(dir, 'taken'));
    expect(code).toBe(2);
    expect(stderr).toContain('cannot write the report: it is a directory');
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readdirSync(join(dir, 'taken'))).toEqual([]);
    rmSync(dir, { recursive: true });
  });
});
