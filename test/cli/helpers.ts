import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli.js';
import type { Io } from '../../src/cli/io.js';

/** Run the CLI in-process and capture what it prints. */
export async function runCli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runCliWithInput([], ...argv);
}

/** Run the CLI in-process with `stdin` as its standard input (chunks, as a pipe delivers them). */
export async function runCliWithInput(stdin: Iterable<string | Uint8Array>, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTty: false, stdin: toAsync(stdin) };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

async function* toAsync<T>(items: Iterable<T>): AsyncIterable<T> {
  for (const item of items) yield item;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'capsim-test-'));
}
