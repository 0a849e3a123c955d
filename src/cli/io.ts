import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

/** Where the CLI writes; tests pass their own to run the CLI in-process. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal (colour and progress bars only then). */
  isTty: boolean;
  /** Whether stderr is a terminal (progress bars only then). */
  stderrIsTty?: boolean;
}

export const processIo: Io = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  isTty: Boolean(process.stdout.isTTY),
  stderrIsTty: Boolean(process.stderr.isTTY),
};

/**
 * Write a file atomically: to a temporary name beside it, then rename. A failure or an interrupt
 * leaves either the old file or the new one, never half of one.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, content, 'utf8');
    await rename(temp, path);
  } catch (cause) {
    await rm(temp, { force: true });
    throw cause;
  }
}

/** Print to stdout, or write atomically to `out` when given. */
export async function emit(io: Io, content: string, out: string | undefined): Promise<void> {
  if (out) await writeFileAtomic(out, content);
  else io.stdout(content);
}
