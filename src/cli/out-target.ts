import { accessSync, constants, lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, resolve, sep } from 'node:path';
import { ScenarioError } from '../errors.js';
import { error } from '../scenario/problems.js';
import { notRegular } from '../scenario/read-bounded-text.js';

/** Where a report goes: stdout, or a file whose path was checked before anything ran. */
export type OutTarget = { kind: 'stdout' } | { kind: 'file'; path: string; real: string };

/** The most bytes a file name may have on Linux, macOS and Windows file systems (NAME_MAX). */
export const maxFileNameBytes = 255;

/**
 * `--out` checked before any work is done, so an hour of simulation never ends in "cannot write".
 * `-` (or no --out) is stdout. Otherwise capsim writes only a regular file or a new path:
 * - a directory, FIFO, device or socket is refused (exit 2), so `--out /dev/null` never turns a
 *   device into a file and a FIFO never blocks the write;
 * - a symbolic link is followed: the file it leads to is replaced, the link stays a link; a
 *   link to anything but a regular file (or to nothing) is refused like that thing;
 * - /dev and /proc are refused whatever they lead to (`/dev/stdout` is spelled `-`);
 * - the folder must exist, and the name fit a file system (255 bytes).
 * Throws ScenarioError with the problem placed at `--out`.
 */
export function outTarget(out: string | undefined): OutTarget {
  if (out === undefined || out === '-') return { kind: 'stdout' };
  const refuse = (reason: string): never => {
    throw new ScenarioError([{ ...error('unwritable', ['--out'], `cannot write the report: ${reason}`), file: out }]);
  };
  if (out === '') refuse('the path is empty; give a file name, or - for stdout');
  if (out.endsWith('/') || out.endsWith(sep)) refuse('the path ends with / (a folder); give a file name in it, such as report.json');
  checkPath(out, refuse);
  return { kind: 'file', path: out, real: realTarget(out, refuse) };
}

/**
 * A path capsim may create or replace, as outTarget checks it, or the reason why not (for the
 * CSV tables and sweep points, which are several files under one --out).
 */
export function checkWritablePath(path: string, refuse: (reason: string) => never): string {
  checkPath(path, refuse);
  return realTarget(path, refuse);
}

function checkPath(path: string, refuse: (reason: string) => never): void {
  const name = basename(path);
  if (Buffer.byteLength(name) > maxFileNameBytes) refuse(`the file name is ${Buffer.byteLength(name)} bytes; file systems allow at most ${maxFileNameBytes}`);
}

/** The regular file (or new path) to write, links followed; refuses anything else. */
function realTarget(path: string, refuse: (reason: string) => never): string {
  const special = (real: string) => {
    const r = resolve(real);
    if (r === '/dev' || r.startsWith('/dev/') || r === '/proc' || r.startsWith('/proc/')) refuse(`${r} is in /dev or /proc, which hold devices, not reports; give a file, or - for stdout`);
  };
  special(path);
  const link = lstatOrNull(path);
  if (link === null) {
    const folder = dirname(path);
    const folderStats = statOrNull(folder);
    if (folderStats === null) refuse(`its folder ${folder} does not exist`);
    if (!(folderStats as Stats).isDirectory()) refuse(`${folder} is ${notRegular(folderStats as Stats) ?? 'a file'}, not a folder`);
    const real = `${realpathSync(folder)}${sep}${basename(path)}`;
    special(real);
    if (!writable(folder)) refuse(`permission denied in ${folder}`);
    return real;
  }
  const target = link.isSymbolicLink() ? statOrNull(path) : link;
  const via = link.isSymbolicLink() ? 'a symbolic link to ' : '';
  if (target === null) refuse(`it is a symbolic link to a missing file; give the file's own path`);
  const kind = notRegular(target as Stats);
  if (kind) refuse(`it is ${via}${kind}; capsim writes only regular files (or - for stdout)`);
  const real = realpathSync(path);
  special(real);
  if (!writable(dirname(real))) refuse(`permission denied in ${dirname(real)}`);
  return real;
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function writable(folder: string): boolean {
  try {
    accessSync(folder, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
