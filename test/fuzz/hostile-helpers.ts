import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../cli/helpers.js';

/**
 * What every hostile input must get: the exit code (2 by default), a message that names its place
 * (`file[:line:col]: error: ...`) and says why, no stack trace and no "internal error", nothing
 * written (the watched folders hold exactly what they held), and an answer within a time bound.
 */
export interface Refusal {
  code?: number;
  /** A line of stderr must match (a placed `...: error: ...` line unless `placed` is false). */
  message: RegExp;
  /** Folders whose entries (names, kinds, contents) must not change. */
  unchanged?: string[];
  /** Milliseconds the answer may take. */
  within?: number;
  placed?: boolean;
}

export async function expectRefusal(argv: string[], r: Refusal): Promise<string> {
  const before = (r.unchanged ?? []).map(snapshot);
  const started = Date.now();
  const { code, stdout, stderr } = await runCli(...argv);
  const took = Date.now() - started;
  checkRefusal({ code, stdout, stderr, took }, r, before);
  return stderr;
}

/** The same checks for a capsim run as a process (FIFOs, signals, memory), with the same answer. */
export async function expectProcessRefusal(argv: string[], r: Refusal & { cwd?: string }): Promise<string> {
  const before = (r.unchanged ?? []).map(snapshot);
  const started = Date.now();
  const result = await runProcess(argv, { cwd: r.cwd, killAfter: (r.within ?? 20_000) + 10_000 });
  checkRefusal({ ...result, took: Date.now() - started, code: result.code ?? -1 }, r, before);
  return result.stderr;
}

function checkRefusal(run: { code: number; stdout: string; stderr: string; took: number }, r: Refusal, before: Array<Record<string, string>>): void {
  expect(run.code, run.stderr).toBe(r.code ?? 2);
  const lines = run.stderr.split('\n');
  expect(lines.some((line) => r.message.test(line)), `stderr:\n${run.stderr}`).toBe(true);
  if (r.placed !== false) {
    const matching = lines.filter((line) => r.message.test(line));
    for (const line of matching) expect(line).toMatch(/^\S.*?(:\d+:\d+)?: error: \S/);
  }
  expect(run.stderr).not.toMatch(/internal error|\n\s+at \S+ \(|Maximum call stack|FATAL ERROR|heap out of memory/);
  if ((r.code ?? 2) !== 0) expect(run.stdout).toBe('');
  expect(run.took, `took ${run.took} ms`).toBeLessThan(r.within ?? 20_000);
  (r.unchanged ?? []).forEach((dir, i) => expect(snapshot(dir), `${dir} changed`).toEqual(before[i]));
}

/** Every entry of a folder: its kind and (for a file) content hash, (for a link) its target. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const s = lstatSync(path);
    out[name] = s.isSymbolicLink()
      ? `link -> ${readlinkSync(path)}`
      : s.isFile()
        ? `file ${createHash('sha256').update(readFileSync(path)).digest('hex')}`
        : s.isDirectory()
          ? `folder ${JSON.stringify(snapshot(path))}`
          : `special ${s.mode.toString(8)} ${s.rdev}`;
  }
  return out;
}

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** capsim as a process (bin/capsim.js over dist/, which the test setup builds), killed if it outlives `killAfter`. */
export function runProcess(argv: string[], opts: { cwd?: string | undefined; killAfter?: number; interruptAfter?: number | undefined; onStart?: (pid: number) => void } = {}): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(process.cwd(), 'bin/capsim.js'), ...argv], { cwd: opts.cwd ?? process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => void (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => void (stderr += c.toString()));
    const guard = setTimeout(() => child.kill('SIGKILL'), opts.killAfter ?? 60_000);
    const interrupt = opts.interruptAfter === undefined ? undefined : setTimeout(() => child.kill('SIGINT'), opts.interruptAfter);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (interrupt) clearTimeout(interrupt);
      resolve({ code, signal, stdout, stderr });
    });
  });
}
