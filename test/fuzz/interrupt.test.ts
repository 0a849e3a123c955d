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

/** Run `args` with --out a file named `out` in a fresh folder, interrupt it after `afterMs`, and check it stopped cleanly. */
async function expectInterruptible(args: string[], out: string, afterMs: number): Promise<void> {
  const dir = tempDir();
  const result = await runUntilInterrupted([...args, '--out', join(dir, out)], afterMs);
  expectStopped(result, dir);
  rmSync(dir, { recursive: true });
}

// Each case runs long enough (past the work budget, so --force) that the interrupt lands mid-run.
const cases: Array<{ what: string; args: string[]; out: string; afterMs: number }> = [
  // In this thread (1 worker: replications yield between blocks) and on a pool of worker threads.
  ...['1', '2'].map((workers) => ({
    what: `many replications on ${workers} worker(s)`,
    args: ['run', 'bench/engine.yaml', '--replications', '100000', '--workers', workers, '--force', '--format', 'json'],
    out: 'report.json',
    afterMs: 2_500,
  })),
  { what: 'a long single run (once uninterruptible until its simulation ended)', args: ['run', 'test/fixtures/hostile/interrupt/long-run.yaml', '--format', 'json'], out: 'report.json', afterMs: 1_200 },
  { what: 'compare (once it wrote its report, then exited 130)', args: ['compare', 'scenarios/lease-vs-cloud.yaml', '--replications', '5000', '--force', '--format', 'json'], out: 'compare.json', afterMs: 2_000 },
  { what: 'sensitivity', args: ['sensitivity', 'scenarios/lease-vs-cloud.yaml', '--replications', '500', '--force'], out: 'tornado.txt', afterMs: 2_000 },
  {
    what: 'breakeven',
    args: ['breakeven', 'scenarios/lease-vs-cloud.yaml', '--vary', 'utilization', '--between', 'reflection-lease,hyperscaler-b200', '--range', '0.2:2', '--replications', '500', '--force'],
    out: 'breakeven.json',
    afterMs: 2_000,
  },
  { what: 'diff', args: ['diff', 'scenarios/small.yaml', 'scenarios/small.yaml', '--replications', '100000', '--force'], out: 'diff.json', afterMs: 2_000 },
  {
    what: 'a sweep of the decision (--compare), keeping only its completed points',
    args: ['sweep', 'scenarios/lease-tenant-share.yaml', '--compare', '--set', 'cluster.racks=278,600,919', '--replications', '2000', '--force'],
    out: 'map.csv',
    afterMs: 2_500,
  },
  {
    what: 'a sweep, keeping only its completed points for a resume',
    args: ['sweep', 'scenarios/small.yaml', '--set', 'runs[0].mfu=0.30,0.32,0.34,0.36,0.38,0.40', '--replications', '5000', '--workers', '1', '--force'],
    out: 'sweep.csv',
    afterMs: 2_500,
  },
];

describe('Ctrl-C stops every long computation within a second, exit 130, nothing written', () => {
  for (const c of cases) it(c.what, () => expectInterruptible(c.args, c.out, c.afterMs), 60_000);
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
