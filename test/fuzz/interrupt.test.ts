import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../cli/helpers.js';

/**
 * Class 6 of the hostile corpus: Ctrl-C everywhere. In a real child process (bin/capsim.js over
 * dist/, which the test setup rebuilds from the sources), SIGINT during any long computation ends
 * capsim within a second with exit code 130, and leaves no report, partial or temporary file.
 */
interface Interrupted {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** Milliseconds from SIGINT to the process's exit. */
  stoppedInMs: number;
}

function runUntilInterrupted(args: string[], afterMs: number): Promise<Interrupted> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['bin/capsim.js', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let sentAt = 0;
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      sentAt = Date.now();
      child.kill('SIGINT');
    }, afterMs);
    const guard = setTimeout(() => child.kill('SIGKILL'), afterMs + 30_000);
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(guard);
      done({ code, signal, stderr, stoppedInMs: sentAt === 0 ? -1 : Date.now() - sentAt });
    });
  });
}

// A second is the promise; the margin is for a machine shared with other work (process exit and
// the pipes' last reads are scheduled like everything else).
const withinMs = 1_500;

function expectStopped(result: Interrupted, out: string): void {
  expect(result.stoppedInMs, `${result.stderr}: the command ended before the interrupt`).toBeGreaterThan(0);
  expect(result.stderr).toContain('capsim: interrupted');
  expect(result.code, result.stderr).toBe(130);
  expect(result.stoppedInMs).toBeLessThan(withinMs);
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  // No report, no partial, no temporary: only the sweep's folder of completed points may stay.
  expect(readdirSync(out).filter((f) => !f.endsWith('.points'))).toEqual([]);
  for (const f of readdirSync(out).filter((f) => f.endsWith('.points'))) expect(readdirSync(join(out, f)).filter((p) => !/^point-\d+\.json$/.test(p))).toEqual([]);
}

describe('Ctrl-C stops every long computation within a second, exit 130, nothing written', () => {
  // In this thread (1 worker: replications yield between blocks) and on a pool of worker threads.
  for (const workers of ['1', '2']) {
    it(`many replications on ${workers} worker(s)`, async () => {
      const out = tempDir();
      // 100,000 replications of the 42-month scenario would take minutes (past the work budget, so
      // --force): the interrupt lands mid-run.
      const result = await runUntilInterrupted(['run', 'scenarios/colossus-2-reflection.yaml', '--replications', '100000', '--workers', workers, '--force', '--format', 'json', '--out', join(out, 'report.json')], 2_500);
      expectStopped(result, out);
      rmSync(out, { recursive: true });
    }, 60_000);
  }

  it('a long single run (once uninterruptible until its simulation ended)', async () => {
    const out = tempDir();
    const result = await runUntilInterrupted(['run', 'test/fixtures/hostile/interrupt/long-run.yaml', '--format', 'json', '--out', join(out, 'report.json')], 2_000);
    expectStopped(result, out);
    rmSync(out, { recursive: true });
  }, 60_000);

  it('compare (once it wrote its report, then exited 130)', async () => {
    const out = tempDir();
    const result = await runUntilInterrupted(['compare', 'scenarios/lease-vs-cloud.yaml', '--replications', '5000', '--force', '--format', 'json', '--out', join(out, 'compare.json')], 2_000);
    expectStopped(result, out);
    rmSync(out, { recursive: true });
  }, 60_000);

  it('sensitivity', async () => {
    const out = tempDir();
    const result = await runUntilInterrupted(['sensitivity', 'scenarios/lease-vs-cloud.yaml', '--replications', '500', '--force', '--out', join(out, 'tornado.txt')], 2_000);
    expectStopped(result, out);
    rmSync(out, { recursive: true });
  }, 60_000);

  it('a sweep, keeping only its completed points for a resume', async () => {
    const out = tempDir();
    const result = await runUntilInterrupted(['sweep', 'scenarios/small.yaml', '--set', 'runs[0].mfu=0.30,0.32,0.34,0.36,0.38,0.40', '--replications', '5000', '--workers', '1', '--force', '--out', join(out, 'sweep.csv')], 2_500);
    expectStopped(result, out);
    rmSync(out, { recursive: true });
  }, 60_000);
});

describe('outputs', () => {
  it('a report path in a missing directory is invalid input (exit 2), not a crash, and writes nothing', async () => {
    const dir = tempDir();
    const { code, stderr } = await runCli('run', 'scenarios/small.yaml', '--format', 'json', '--out', join(dir, 'no-such-dir', 'r.json'));
    expect(code).toBe(2);
    expect(stderr).toContain(`${join(dir, 'no-such-dir', 'r.json')}: error: --out: cannot write the report: its folder ${join(dir, 'no-such-dir')} does not exist`);
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
    expect(existsSync(join(dir, 'taken', 'r.json'))).toBe(false);
    rmSync(dir, { recursive: true });
  });
});
