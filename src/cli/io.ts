import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { ScenarioError } from '../errors.js';
import { error } from '../scenario/problems.js';
import { dirname, basename, join } from 'node:path';

/** Where the CLI writes; tests pass their own to run the CLI in-process. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal (colour and progress bars only then). */
  isTty: boolean;
  /** Whether stderr is a terminal (progress bars only then). */
  stderrIsTty?: boolean;
  /** Standard input, read when the scenario is `-`; none means it is empty. */
  stdin?: AsyncIterable<Uint8Array | string>;
  /** Whether standard input is a terminal (then capsim says it is waiting for the scenario). */
  stdinIsTty?: boolean;
}

export const processIo: Io = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  isTty: Boolean(process.stdout.isTTY),
  stderrIsTty: Boolean(process.stderr.isTTY),
  // Getters: touching process.stdin opens it, which only `-` should do.
  get stdin() {
    return process.stdin;
  },
  get stdinIsTty() {
    return Boolean(process.stdin.isTTY);
  },
};

/**
 * Write a file atomically: to a temporary name beside it, then rename. A failure or an interrupt
 * leaves either the old file or the new one, never half of one.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  // Synchronous on purpose: no event-loop turn, so no Ctrl-C handler, can run between the write
  // and the rename, and an interrupt never leaves the temporary file behind.
  try {
    writeFileSync(temp, content, 'utf8');
    renameSync(temp, path);
  } catch (cause) {
    rmSync(temp, { force: true });
    throw unwritable(path, cause);
  }
}

/** A report path that cannot be written is the user's to fix (exit 2), not a bug (exit 1). */
function unwritable(path: string, cause: unknown): unknown {
  const code = (cause as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    ENOENT: 'its directory does not exist',
    ENOTDIR: 'a part of its directory is a file',
    EISDIR: 'it is a directory',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    ENOSPC: 'no space left on the device',
  };
  const reason = code === undefined ? undefined : reasons[code];
  if (!reason) return cause;
  return new ScenarioError([{ ...error('unwritable', [], `cannot write the report: ${reason}`), file: path }]);
}

/** Print to stdout, or write atomically to `out` when given. */
export async function emit(io: Io, content: string, out: string | undefined): Promise<void> {
  if (out) await writeFileAtomic(out, content);
  else io.stdout(content);
}
