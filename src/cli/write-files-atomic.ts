import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { ScenarioError } from '../errors.js';
import { error } from '../scenario/problems.js';
import { fileErrorReason } from '../scenario/file-error-reason.js';

export interface FileToWrite {
  /** The path as the user gave it, for messages. */
  path: string;
  /** The file to create or replace: links already followed (see out-target.ts). */
  real: string;
  content: string;
}

/**
 * Write files whole or not at all: each to a temporary name beside it, then renamed over its
 * target. Several files (the CSV tables) are all written before any is renamed, and if any write
 * or rename fails every one of them is removed, so a failure never leaves two tables of three.
 * Synchronous on purpose: no event-loop turn, so no Ctrl-C handler, runs in the middle.
 *
 * Temporary names are short and fixed in length (a 255-byte target name still fits) and name
 * their target, host and process: `.capsim-<target hash>.<host hash>.<pid>.<random>.tmp`. A
 * temporary of the same target left by a process of this host that no longer runs (killed
 * between write and rename) is removed before writing.
 */
export function writeFilesAtomic(files: readonly FileToWrite[]): void {
  const temps: string[] = [];
  const renamed: string[] = [];
  let current = files[0];
  try {
    for (const file of files) {
      current = file;
      removeStaleTemporaries(file.real);
      const temp = temporaryName(file.real);
      temps.push(temp);
      writeWhole(temp, file.content);
    }
    for (const [i, file] of files.entries()) {
      current = file;
      renameSync(temps[i] as string, file.real);
      renamed.push(file.real);
    }
  } catch (cause) {
    for (const temp of temps) rmSync(temp, { force: true });
    for (const path of renamed) rmSync(path, { force: true });
    throw unwritable(current?.path ?? '', cause, files.length);
  }
}

/** Write a file whole to a new name (never an existing one) and flush it to the disk. */
function writeWhole(path: string, content: string): void {
  const fd = openSync(path, 'wx', 0o666);
  try {
    const bytes = Buffer.from(content, 'utf8');
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    // A full disk can surface only at the flush (NFS, some file systems): fail here, not later.
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const tempPattern = /^\.capsim-([0-9a-f]{16})\.([0-9a-f]{8})\.(\d+)\.[0-9a-f]{8}\.tmp$/;

function targetHash(real: string): string {
  return createHash('sha256').update(basename(real)).digest('hex').slice(0, 16);
}

function hostHash(): string {
  return createHash('sha256').update(hostname()).digest('hex').slice(0, 8);
}

/** The temporary name of `real` written by process `pid` of this host. */
export function temporaryName(real: string, pid = process.pid): string {
  return join(dirname(real), `.capsim-${targetHash(real)}.${hostHash()}.${pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Remove temporaries of this target written on this host by processes that are gone. */
function removeStaleTemporaries(real: string): void {
  const folder = dirname(real);
  const target = targetHash(real);
  const host = hostHash();
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const m = tempPattern.exec(name);
    if (m && m[1] === target && m[2] === host && !isRunning(Number(m[3]))) rmSync(join(folder, name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    // EPERM: the process exists but belongs to someone else.
    return (cause as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A report path that cannot be written is the user's to fix (exit 2), not a bug (exit 1). */
function unwritable(path: string, cause: unknown, count: number): unknown {
  const reason = fileErrorReason(cause, 'its folder does not exist (any more)');
  if (!reason) return cause;
  const none = count > 1 ? `; none of the ${count} files was written` : '';
  return new ScenarioError([{ ...error('unwritable', [], `cannot write the report: ${reason}${none}`), file: path }]);
}
